using BenchmarkDotNet.Running;

// `dotnet run -c Release --project tools/Orchestrator.Bench -- --filter '*'` runs every benchmark;
// `-- --list flat` lists them. See README "Benchmarks".
// `-- batch-folder DEST` builds the folder the batch throughput is measured on (BatchBenchmark.sh).
if (args is ["batch-folder", ..]) return Orchestrator.Bench.BatchBenchmark.BuildFolder(args[1..]);
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
