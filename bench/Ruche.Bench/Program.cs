using BenchmarkDotNet.Running;

// dotnet run -c Release --project bench/Ruche.Bench -- --filter '*'
// Each benchmark is bounded (one launch, few iterations) to fit this 2-core machine.
BenchmarkSwitcher.FromAssembly(typeof(Ruche.Bench.MarkdownBenchmarks).Assembly).Run(args);
