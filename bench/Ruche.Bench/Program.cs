using BenchmarkDotNet.Running;

// dotnet run -c Release --project bench/Ruche.Bench -- --filter '*'
// Each benchmark is bounded (one launch, few iterations) to fit this 2-core machine.
// dotnet run -c Release --project bench/Ruche.Bench -- reminders [people]: one timed goals-reminder pass (100,000 people).
if (args is ["reminders", ..])
{
    await Ruche.Bench.ReminderPass.RunAsync(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 100_000);
    return;
}

// dotnet bench/Ruche.Bench/bin/Release/net10.0/Ruche.Bench.dll images [photos]: the image pipeline on 12-megapixel photos.
if (args is ["images", ..])
{
    Ruche.Bench.ImagePipelineRun.Run(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 5);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Ruche.Bench.MarkdownBenchmarks).Assembly).Run(args);
