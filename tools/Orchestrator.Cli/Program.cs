using System.CommandLine;
using Orchestrator.Cli.Commands;
using Orchestrator.Cli.Hosting;
using Orchestrator.Cli.Hosting.Native;
using Orchestrator.Cli.Hosting.Timings;

PhaseTimings.Process.MainEntered();
JitHandoff.Remember(args);

var global = new GlobalOptions();
var root = new RootCommand("orchestrator: analyse novel manuscripts through a configurable dataflow pipeline");
if (NativeBuild.JitAvailable)
{
    root.Subcommands.Add(RunCommand.Create(global));
    root.Subcommands.Add(ResumeCommand.Create(global));
    root.Subcommands.Add(ValidateCommand.Create(global));
    root.Subcommands.Add(GraphCommand.Create(global));
    root.Subcommands.Add(CheckCommand.Create(global));
    root.Subcommands.Add(SessionsCommand.Create(global));
    root.Subcommands.Add(BatchCommand.Create(global));
    root.Subcommands.Add(ServeCommand.Create(global));
    root.Subcommands.Add(ClusterCommand.Create());
    root.Subcommands.Add(LibraryCommand.Create(global));
}
else
{
    // The native build knows the verbs it runs; the rest, the command's own help and every command line it cannot
    // parse (whose message is then the JIT build's, the same as ever) go to the JIT build.
    root.Subcommands.Add(RunCommand.Create(global));
    root.Subcommands.Add(ValidateCommand.Create(global));
    root.Subcommands.Add(CheckCommand.Create(global));
}
root.Options.Add(global.Data);

var parse = root.Parse(args);
if (!NativeBuild.JitAvailable && (parse.Errors.Count > 0 || parse.CommandResult.Command == root))
    JitHandoff.Exec("a verb of the full build, the command's help, or a command line to explain");
if (parse.Errors.Count > 0)
{
    foreach (var error in parse.Errors) Console.Error.WriteLine($"error: {error.Message}");
    Console.Error.WriteLine("Try 'orchestrator --help'.");
    return ExitCodes.UsageOrInvalidPipeline;
}

using var shutdown = new ShutdownSignal(parse.CommandResult.Command.Name == "serve" ? ShutdownSignal.ServeGrace : ShutdownSignal.Grace);
// Ctrl-C is handled by ShutdownSignal (first: cancel cleanly, second: exit), not by System.CommandLine.
var exitCode = await parse.InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = null }, shutdown.Token);
PhaseTimings.Process.Print(Console.Error);
return exitCode;
