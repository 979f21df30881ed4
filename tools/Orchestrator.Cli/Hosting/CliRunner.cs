using Orchestrator.Engine.Scripting;
using Orchestrator.Library;
using Orchestrator.Engine.Sessions;
using Orchestrator.Engine.State;
using Orchestrator.Manuscripts.Coordination;
using Orchestrator.Engine.Pipelines;
using Orchestrator.Manuscripts.Loading;
using Orchestrator.Llm.Node;

namespace Orchestrator.Cli.Hosting;

/// <summary>
/// Maps what can go wrong in a verb to one clear message on stderr and a documented exit code;
/// a user never sees a stack trace for a mistake they can fix.
/// </summary>
public static class CliRunner
{
    public static async Task<int> GuardAsync(Func<Task<int>> verb)
    {
        try
        {
            return await verb();
        }
        catch (CliUsageException ex)
        {
            return Fail(ex.Message, ExitCodes.UsageOrInvalidPipeline);
        }
        catch (PipelineValidationException ex)
        {
            return Fail(ex.Message, ExitCodes.UsageOrInvalidPipeline);
        }
        catch (RuleCompilationException ex)
        {
            // One `file:line:column: message` line per problem, as compilers print them, for editors to jump to.
            Console.Error.WriteLine(ex.Message);
            return ExitCodes.UsageOrInvalidPipeline;
        }
        catch (RuleEvaluationException ex)
        {
            return Fail(ex.Message, ExitCodes.RunFailed);
        }
        catch (FileNotFoundException ex) when (ex.FileName?.EndsWith(".json", StringComparison.OrdinalIgnoreCase) == true)
        {
            return Fail($"{ex.FileName}: pipeline file not found", ExitCodes.UsageOrInvalidPipeline);
        }
        catch (LlmSetupException ex)
        {
            // One line per llm node that cannot run, each naming the node and the model or prompt file.
            foreach (var problem in ex.Problems) Console.Error.WriteLine($"error: {problem}");
            return ExitCodes.UsageOrInvalidPipeline;
        }
        catch (LibraryException ex)
        {
            return Fail(ex.Message, ExitCodes.LibraryUnavailable);
        }
        catch (ManuscriptLoadException ex)
        {
            return Fail(ex.Message, ExitCodes.BadInput);
        }
        catch (SessionNotFoundException ex)
        {
            return Fail($"{ex.Message} (see: orchestrator sessions list)", ExitCodes.SessionNotFound);
        }
        catch (SessionStateCorruptException ex)
        {
            return Fail(ex.Message, ExitCodes.SessionCorrupt);
        }
        catch (Exception ex) when (ex is SessionLockedException or SessionChangedException)
        {
            return Fail(ex.Message, ExitCodes.SessionUnavailable);
        }
        catch (SessionPersistenceException ex)
        {
            return Fail(ex.Message, ExitCodes.InternalError);
        }
        catch (OperationCanceledException)
        {
            // Stopped before a session loop could save and say so itself (loading, compiling, looking for an earlier
            // session): the same command line picks up whatever was saved, as every other interrupt path says.
            return Fail($"interrupted; everything finished is saved. Resume with: {CommandLineText.Current()}", ExitCodes.Interrupted);
        }
        catch (Exception ex)
        {
            return Fail($"internal error: {ex}", ExitCodes.InternalError);
        }
    }

    private static int Fail(string message, int code)
    {
        Console.Error.WriteLine($"error: {message}");
        return code;
    }
}
