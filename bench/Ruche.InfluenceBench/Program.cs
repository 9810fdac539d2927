using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Ruche.Core.Data;
using Ruche.Core.Follows;
using Ruche.Core.Influence;
using Ruche.Core.People;
using Ruche.Core.Posts;
using Ruche.Core.Spaces;
using Ruche.Data.Sqlite;
using Ruche.InfluenceBench;

// The influence graph at company scale (ADR 24): generates people and interactions in a SQLite database with Ruche's
// schema (not timed), then times what a scheduled run does before storing: the people in the graph, the refused
// spaces, every registered source read from the database, the graph built and PageRank. Then igraph's PageRank
// (PRPACK, python3-igraph) on the same graph: time ratio and Spearman correlation over our top 1,000.
var people = Arg("--people", 100_000);
var interactions = Arg("--interactions", 10_000_000);
var folder = Path.Combine(Path.GetTempPath(), $"ruche-influence-{people}-{interactions}");
Directory.CreateDirectory(folder);
var file = Path.Combine(folder, "bench.db");
var connectionString = $"Data Source={file}";
var provider = new SqliteDatabaseProvider();
var builder = new DbContextOptionsBuilder<RucheDbContext>();
provider.Configure(builder, connectionString);
var options = builder.Options;
var now = DateTime.SpecifyKind(new DateTime(2026, 12, 1), DateTimeKind.Utc);

if (!File.Exists(Path.Combine(folder, "generated")))
{
    SqliteConnection.ClearAllPools();
    foreach (var old in Directory.GetFiles(folder))
    {
        File.Delete(old);
    }

    provider.PrepareStorage(connectionString);
    var generation = Stopwatch.StartNew();
    await using (var db = new RucheDbContext(options))
    {
        await db.Database.MigrateAsync();
        await Generator.RunAsync(db, people, interactions, now, Console.WriteLine);
    }

    await File.WriteAllTextAsync(Path.Combine(folder, "generated"), "ok");
    Console.WriteLine($"generated {people:N0} people and {interactions:N0} interactions in {generation.Elapsed.TotalSeconds:0.0} s (not timed)");
}

var services = new ServiceCollection().AddPosts().AddFollows().BuildServiceProvider();
var sources = services.GetServices<IInteractionSource>().ToList();
GC.Collect();
var cpuAtStart = Process.GetCurrentProcess().TotalProcessorTime;
var total = Stopwatch.StartNew();
var step = Stopwatch.StartNew();
GraphMembers members;
HashSet<long> refused;
await using (var db = new RucheDbContext(options))
{
    members = new GraphMembers(await db.People.AsNoTracking()
        .Where(p => p.IsActive && p.ErasedAt == null && !db.Set<InfluencePreference>().Any(x => x.PersonId == p.Id && x.LeftGraph))
        .OrderBy(p => p.Id).Select(p => p.Id).ToListAsync());
    refused = (await db.Spaces.Where(s => s.KeepsMembersPrivate()).Select(s => s.Id).ToListAsync()).ToHashSet();
}

var weights = InfluenceWeights.Default;
var window = new InteractionWindow(now.AddDays(-weights.WindowDays), now);
if (args.Contains("--per-source"))
{
    foreach (var source in sources)
    {
        var one = Stopwatch.StartNew();
        var loaded = await InteractionLoader.LoadAsync([source], () => new RucheDbContext(options), members, refused, weights, window, CancellationToken.None);
        Console.WriteLine($"  {source.Name}: {loaded[0].Count + loaded[0].Refused:N0} rows read in {one.Elapsed.TotalSeconds:0.000} s");
    }

    step.Restart();
    total.Restart();
}

var buffers = await InteractionLoader.LoadAsync(sources, () => new RucheDbContext(options), members, refused, weights, window, CancellationToken.None);
var load = step.Elapsed;
var afterLoad = MemoryNow();
var loadCpu = Process.GetCurrentProcess().TotalProcessorTime - cpuAtStart;
step.Restart();
var graph = InteractionGraph.Build(members.Count, buffers);
var build = step.Elapsed;
step.Restart();
var ranks = PageRank.Compute(graph);
var rank = step.Elapsed;
var elapsed = total.Elapsed;
var totalCpu = Process.GetCurrentProcess().TotalProcessorTime - cpuAtStart;
var kept = buffers.Sum(b => b.Count);
var dropped = buffers.Sum(b => b.Refused);

Console.WriteLine();
Console.WriteLine($"| step | seconds |");
Console.WriteLine($"|---|---:|");
Console.WriteLine($"| load from SQLite ({sources.Count} sources, {kept:N0} interactions kept, {dropped:N0} refused) | {load.TotalSeconds:0.000} |");
Console.WriteLine($"| graph build ({graph.Nodes:N0} nodes, {graph.Edges:N0} edges) | {build.TotalSeconds:0.000} |");
Console.WriteLine($"| PageRank ({ranks.Iterations} iterations, L1 change {ranks.LastChange:0.0e0}) | {rank.TotalSeconds:0.000} |");
Console.WriteLine($"| **total** | **{elapsed.TotalSeconds:0.000}** |");
Console.WriteLine($"peak working set: {Environment.WorkingSet / 1048576.0:0} MB now, {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0:0} MB peak; processors: {Environment.ProcessorCount}");
Console.WriteLine($"after the load: {afterLoad} (file pages are the database mapped by SQLite's mmap, given back under pressure); after PageRank: {MemoryNow()}");
Console.WriteLine($"CPU time of this process (both cores, user + system): load {loadCpu.TotalSeconds:0.00} s, whole computation {totalCpu.TotalSeconds:0.00} s; wall-clock total {elapsed.TotalSeconds:0.00} s");
Console.WriteLine($"load average: {File.ReadAllText("/proc/loadavg").Trim()}");

buffers = null;
GC.Collect();

// igraph on the same graph: the merged edges (source target, CSR order) and their weights.
await using (var edges = new StreamWriter(Path.Combine(folder, "edges.txt")))
{
    for (var v = 0; v < graph.Nodes; v++)
    {
        for (var e = graph.InOffsets[v]; e < graph.InOffsets[v + 1]; e++)
        {
            await edges.WriteLineAsync($"{graph.Sources[e]} {v}");
        }
    }
}

await File.WriteAllBytesAsync(Path.Combine(folder, "weights.f32"), System.Runtime.InteropServices.MemoryMarshal.AsBytes(graph.Weights.AsSpan()).ToArray());
await File.WriteAllTextAsync(Path.Combine(folder, "nodes.txt"), graph.Nodes.ToString(CultureInfo.InvariantCulture));
var script = Path.Combine(AppContext.BaseDirectory, "igraph_pagerank.py");
var python = new ProcessStartInfo("/usr/bin/python3") { RedirectStandardOutput = true, RedirectStandardError = true };
python.ArgumentList.Add(script);
python.ArgumentList.Add(folder);
using var process = Process.Start(python)!;
var output = await process.StandardOutput.ReadToEndAsync();
var errors = await process.StandardError.ReadToEndAsync();
await process.WaitForExitAsync();
if (process.ExitCode != 0)
{
    Console.WriteLine("igraph failed: " + errors);
    return 1;
}

var igraphSeconds = double.Parse(output.Split('\n').First(l => l.StartsWith("igraph-pagerank", StringComparison.Ordinal)).Split(' ')[1], CultureInfo.InvariantCulture);
var theirs = new double[graph.Nodes];
System.Runtime.InteropServices.MemoryMarshal.Cast<byte, double>(await File.ReadAllBytesAsync(Path.Combine(folder, "igraph.f64"))).CopyTo(theirs);
var ours = ranks.Scores;
var top = Enumerable.Range(0, graph.Nodes).OrderByDescending(v => ours[v]).Take(1000).ToArray();
var spearman = Spearman([.. top.Select(v => ours[v])], [.. top.Select(v => theirs[v])]);
var maxDifference = Enumerable.Range(0, graph.Nodes).Max(v => Math.Abs(ours[v] - theirs[v]));
Console.WriteLine();
Console.WriteLine($"igraph (PRPACK) PageRank alone: {igraphSeconds:0.000} s; ours alone: {rank.TotalSeconds:0.000} s; ratio ours/igraph = {rank.TotalSeconds / igraphSeconds:0.00}");
Console.WriteLine($"ours load+build+rank vs igraph rank alone: {elapsed.TotalSeconds / igraphSeconds:0.0}x");
Console.WriteLine($"Spearman rank correlation over our top 1,000: {spearman:0.000000}; largest score difference over all nodes: {maxDifference:0.0e0}");
Console.WriteLine(output.Trim());
return 0;

// Resident memory split between the process's own (anonymous) pages and mapped files, from /proc/self/status.
static string MemoryNow()
{
    var status = File.ReadAllLines("/proc/self/status");
    string Field(string name) => status.FirstOrDefault(l => l.StartsWith(name, StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "?";
    return $"anonymous {Field("RssAnon")}, file {Field("RssFile")}";
}

int Arg(string name, int fallback)
{
    var at = Array.IndexOf(args, name);
    return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;
}

static double Spearman(double[] a, double[] b)
{
    static double[] Ranks(double[] values)
    {
        var order = Enumerable.Range(0, values.Length).OrderByDescending(i => values[i]).ToArray();
        var ranks = new double[values.Length];
        for (var i = 0; i < order.Length;)
        {
            var j = i;
            while (j + 1 < order.Length && values[order[j + 1]] == values[order[i]])
            {
                j++;
            }

            for (var k = i; k <= j; k++)
            {
                ranks[order[k]] = (i + j) / 2.0;
            }

            i = j + 1;
        }

        return ranks;
    }

    var ra = Ranks(a);
    var rb = Ranks(b);
    var ma = ra.Average();
    var mb = rb.Average();
    var cov = ra.Zip(rb).Sum(p => (p.First - ma) * (p.Second - mb));
    return cov / Math.Sqrt(ra.Sum(x => (x - ma) * (x - ma)) * rb.Sum(x => (x - mb) * (x - mb)));
}
