using BenchmarkDotNet.Running;

// `dotnet run -c Release --project tools/Orchestrator.Bench -- --filter '*'` runs every benchmark;
// `-- --list flat` lists them. See README "Benchmarks".
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
