using System.CommandLine;
using System.Text.Json;
using Orchestrator.Cli.Commands.Sessions;
using Orchestrator.Cli.Hosting;
using Orchestrator.Engine.State;
using Orchestrator.Manuscripts.Reports;

namespace Orchestrator.Cli.Commands;

/// <summary>
/// <c>orchestrator sessions list|show|cleanup</c>: the sessions kept under <c>&lt;data&gt;/sessions</c>.
/// Reading needs no lease; cleanup takes each session's lease before deleting it, so a session a live
/// process drives is never deleted.
/// </summary>
public static class SessionsCommand
{
    public static Command Create(GlobalOptions global)
    {
        var command = new Command("sessions", "List, inspect and clean up the sessions kept in the data folder")
        {
            List(global), Show(global), Cleanup(global),
        };
        return command;
    }

    private static Command List(GlobalOptions global)
    {
        var json = JsonOption();
        var command = new Command("list", "Every session, newest first: id, status, manuscript, pipeline, quality, iterations, last update") { json };
        command.SetAction((parse, _) => Guard(() =>
        {
            var store = Store(parse, global);
            var rows = SessionRow.ListAll(store);
            if (parse.GetValue(json)) WriteJson(rows);
            else SessionText.WriteList(Console.Out, store.Root, rows);
            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command Show(GlobalOptions global)
    {
        var id = new Argument<string>("session-id") { Description = "The session's id, as 'sessions list' shows it" };
        var json = JsonOption();
        var command = new Command("show", "One session: status, quality per iteration, nodes, errors, decisions and the top recommendations") { id, json };
        command.SetAction((parse, _) => Guard(() =>
        {
            var store = Store(parse, global);
            var sessionId = parse.GetValue(id)!;
            // As resume does: an id no session can have names no session (exit 5), and is never used as a path.
            if (!SessionStore.IsValidSessionId(sessionId)) throw new SessionNotFoundException(sessionId, store.Root);
            var details = SessionDetails.Load(store, sessionId);
            if (parse.GetValue(json)) WriteJson(details);
            else SessionText.WriteDetails(Console.Out, details);
            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command Cleanup(GlobalOptions global)
    {
        var olderThan = new Option<TimeSpan?>("--older-than")
        {
            Description = $"Delete sessions not updated for this long ({DurationText.Examples}); default: the 'retention' setting, else 7d",
            CustomParser = result =>
            {
                var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : null;
                if (DurationText.TryParse(text, out var duration)) return duration;
                result.AddError($"--older-than: '{text}' is not a duration ({DurationText.Examples})");
                return null;
            },
        };
        var dryRun = new Option<bool>("--dry-run") { Description = "Only say what would be deleted" };
        var json = JsonOption();
        var command = new Command("cleanup", "Delete old sessions; running and locked sessions are always kept") { olderThan, dryRun, json };
        command.SetAction((parse, _) => Guard(() =>
        {
            var settings = CliSettings.Load(parse.GetValue(global.Data));
            var age = parse.GetValue(olderThan) ?? settings.Retention ?? SessionCleanup.DefaultRetention;
            var dry = parse.GetValue(dryRun);
            var report = new SessionCleanup(SessionStore.ForDataFolder(settings.DataDirectory)).Run(age, dry);
            if (parse.GetValue(json))
                WriteJson(new { olderThan = SessionCleanup.Describe(age), dryRun = dry, deleted = report.Deleted.Select(Entry), kept = report.Kept.Select(Entry) });
            else SessionText.WriteCleanup(Console.Out, report, dry, age);
            return ExitCodes.Success;
        }));
        return command;
    }

    // Status by name as in session.json and 'sessions list --json' (the report options would camelCase it).
    private static object Entry(CleanupEntry e) => new { id = e.SessionId, status = e.Status?.ToString(), e.UpdatedAt, e.Reason };

    private static Option<bool> JsonOption() => new("--json") { Description = "Print JSON instead of text" };

    private static SessionStore Store(ParseResult parse, GlobalOptions global) =>
        SessionStore.ForDataFolder(CliSettings.Load(parse.GetValue(global.Data)).DataDirectory);

    private static void WriteJson<T>(T value) => Console.Out.WriteLine(JsonSerializer.Serialize(value, ReportJson.Options));

    // The session errors have their own exit codes; everything else is CliRunner's.
    private static Task<int> Guard(Func<int> verb) => CliRunner.GuardAsync(() =>
    {
        try
        {
            return Task.FromResult(verb());
        }
        catch (SessionNotFoundException e)
        {
            Console.Error.WriteLine($"error: no session '{e.SessionId}'; 'orchestrator sessions list' shows the sessions in this data folder");
            return Task.FromResult(ExitCodes.SessionNotFound);
        }
        catch (SessionStateCorruptException e)
        {
            Console.Error.WriteLine($"error: session '{e.SessionId}' has no valid state left:");
            foreach (var tried in e.Tried) Console.Error.WriteLine($"  {tried}");
            return Task.FromResult(ExitCodes.SessionCorrupt);
        }
    });
}
