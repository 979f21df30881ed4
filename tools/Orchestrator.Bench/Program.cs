using BenchmarkDotNet.Running;

// `dotnet run -c Release --project tools/Orchestrator.Bench -- --filter '*'` runs every benchmark;
// `-- --list flat` lists them. See README "Benchmarks".
// `-- checkpoint-share [rounds]`: the share of a run checkpointing costs, in paired rounds (see CheckpointShare).
if (args.Length > 0 && args[0] == "checkpoint-share")
    return await Orchestrator.Bench.CheckpointShare.RunAsync(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 20);
// `-- batch-folder DEST` builds the folder the batch throughput is measured on (BatchBenchmark.sh).
if (args is ["batch-folder", ..]) return Orchestrator.Bench.BatchBenchmark.BuildFolder(args[1..]);
// `-- llm [MODEL] [rounds]`: the local model's figures (see LlmBench).
if (args is ["llm", ..]) return await Orchestrator.Bench.LlmBench.RunAsync(args[1..]);
// `-- library-p99 [queries]`: p50/p99 of single library queries over 100,000 chunks (see LibraryPercentiles).
if (args is ["library-p99", ..]) return await Orchestrator.Bench.LibraryPercentiles.RunAsync(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 2000);
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
