using System.CommandLine;
using Orchestrator.Cli.Commands;
using Orchestrator.Cli.Hosting;
using Orchestrator.Cli.Hosting.Timings;

PhaseTimings.Process.MainEntered();

var global = new GlobalOptions();
var root = new RootCommand("orchestrator: analyse novel manuscripts through a configurable dataflow pipeline")
{
    RunCommand.Create(global),
    ResumeCommand.Create(global),
    ValidateCommand.Create(global),
    GraphCommand.Create(global),
    CheckCommand.Create(global),
    SessionsCommand.Create(global),
    BatchCommand.Create(global),
    ServeCommand.Create(global),
    ClusterCommand.Create(),
    LibraryCommand.Create(global),
};
root.Options.Add(global.Data);

var parse = root.Parse(args);
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
