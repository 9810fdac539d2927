using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Ruche.Core.Common;
using Ruche.Core.Data;
using Ruche.Core.People;
using Ruche.Core.Spaces;

namespace Ruche.Core.Influence;

/// <summary>
/// Computes the influence graph and stores its results with their computation time (ADR 24): on a schedule by one node
/// of the cluster (<see cref="RunScheduledAsync"/>, under a lease), or now at an administrator's request.
/// </summary>
public sealed class InfluenceComputation(
    RucheDbContext db,
    DbContextOptions<RucheDbContext> options,
    IEnumerable<IInteractionSource> sources,
    TimeProvider time)
{
    public const string LeaseName = "influence";

    /// <summary>Runs kept: the latest is read; two before it stay for a run in progress elsewhere to finish reading.</summary>
    private const int RunsKept = 3;

    /// <summary>
    /// Computes if this node wins the lease and no run is younger than <paramref name="minimumAge"/> (every node runs
    /// the loop, each on its own phase); the new run's id, or null when skipped.
    /// </summary>
    public async Task<long?> RunScheduledAsync(string node, TimeSpan lease, TimeSpan minimumAge, CancellationToken cancellationToken)
    {
        var now = time.UtcNow();
        if (!await db.TryClaimAsync(LeaseName, node, now, lease, cancellationToken))
        {
            return null;
        }

        try
        {
            var since = now - minimumAge;
            return await db.Set<InfluenceRun>().AnyAsync(r => r.ComputedAt > since, cancellationToken)
                ? null
                : await ComputeAsync("schedule", cancellationToken);
        }
        finally
        {
            await ReleaseAsync(node);
        }
    }

    /// <summary>An administrator's "compute now": refused while another computation holds the lease.</summary>
    public async Task<long> RequestAsync(Viewer viewer, CancellationToken cancellationToken)
    {
        if (!viewer.IsAdministrator)
        {
            throw RucheException.Forbidden("influence.administrator-required", "Only an administrator computes the influence graph on demand.");
        }

        var holder = $"administrator/{viewer.PersonId}/{Guid.NewGuid():N}";
        if (!await db.TryClaimAsync(LeaseName, holder, time.UtcNow(), TimeSpan.FromMinutes(30), cancellationToken))
        {
            throw RucheException.Invalid("influence.busy", "The influence graph is being computed; try again in a few minutes.");
        }

        try
        {
            return await ComputeAsync("administrator", cancellationToken);
        }
        finally
        {
            await ReleaseAsync(holder);
        }
    }

    /// <summary>Frees the lease at once, even when the run was cancelled.</summary>
    private async Task ReleaseAsync(string holder)
    {
        var now = time.UtcNow();
        await db.Set<JobLease>().Where(l => l.Name == LeaseName && l.Holder == holder)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.LeasedUntil, now), CancellationToken.None);
    }

    /// <summary>Reads every source, builds the graph, ranks, and stores the run.</summary>
    public async Task<long> ComputeAsync(string trigger, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var now = time.UtcNow();
        var weights = InfluenceWeights.Default;
        var window = new InteractionWindow(now.AddDays(-weights.WindowDays), now);

        var people = await db.People.AsNoTracking()
            .Where(p => p.IsActive && p.ErasedAt == null && !db.Set<InfluencePreference>().Any(x => x.PersonId == p.Id && x.LeftGraph))
            .OrderBy(p => p.Id)
            .Select(p => new { p.Id, p.DepartmentId, p.SiteId })
            .ToListAsync(cancellationToken);
        var members = new GraphMembers([.. people.Select(p => p.Id)]);
        var refusedSpaces = (await db.Spaces.Where(s => s.KeepsMembersPrivate()).Select(s => s.Id).ToListAsync(cancellationToken)).ToHashSet();
        var openSpaces = (await db.Spaces.Where(s => s.IsCompanyWide() && !s.KeepsMembersPrivate()).Select(s => s.Id).ToListAsync(cancellationToken)).ToHashSet();
        var modes = await db.PresenceStatuses.AsNoTracking().Where(s => s.ExpiresAt > now)
            .ToDictionaryAsync(s => s.PersonId, s => s.Mode, cancellationToken);

        var buffers = await InteractionLoader.LoadAsync(sources, () => new RucheDbContext(options), members, refusedSpaces, weights, window, cancellationToken);
        var graph = InteractionGraph.Build(members.Count, buffers);
        var ranks = PageRank.Compute(graph);
        var voices = TopicVoices.Compute(buffers, ranks.Scores, openSpaces);

        string Key(long? id) => id?.ToString(CultureInfo.InvariantCulture) ?? "none";
        var byDepartment = GroupFigures.Compute(graph, "department", [.. people.Select(p => Key(p.DepartmentId))], withLinks: true);
        var bySite = GroupFigures.Compute(graph, "site", [.. people.Select(p => Key(p.SiteId))], withLinks: true);
        var byMode = GroupFigures.Compute(graph, "working-from", [.. people.Select(p => modes.TryGetValue(p.Id, out var mode) ? WorkingFromGroup(mode) : "unsaid")], withLinks: false);

        var run = new InfluenceRun
        {
            ComputedAt = now,
            WindowFrom = window.From,
            WindowTo = window.To,
            People = members.Count,
            Interactions = buffers.Sum(b => b.Count),
            Edges = graph.Edges,
            Iterations = ranks.Iterations,
            Trigger = trigger,
        };

        var order = Enumerable.Range(0, members.Count).OrderByDescending(v => ranks.Scores[v]).ThenBy(v => members.Ids[v]).ToArray();
        var scores = new InfluenceScore[members.Count];
        for (var rank = 0; rank < order.Length; rank++)
        {
            var v = order[rank];
            scores[rank] = new InfluenceScore { PersonId = members.Ids[v], Score = ranks.Scores[v], Rank = rank + 1, Reach = graph.Reach(v) };
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        run.DurationMs = (int)clock.ElapsedMilliseconds;
        db.Add(run);
        await db.SaveChangesAsync(cancellationToken);
        foreach (var score in scores)
        {
            score.RunId = run.Id;
        }

        db.AddRange(scores);
        db.AddRange(voices.Select(v => new InfluenceVoice { RunId = run.Id, Topic = v.Topic, PersonId = members.Ids[v.Node], Strength = v.Strength, Givers = v.Givers, Rank = v.Rank }));
        foreach (var (figures, links) in new[] { byDepartment, bySite, byMode })
        {
            figures.ForEach(f => f.RunId = run.Id);
            links.ForEach(l => l.RunId = run.Id);
            db.AddRange(figures);
            db.AddRange(links);
        }

        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        var old = await db.Set<InfluenceRun>().OrderByDescending(r => r.Id).Skip(RunsKept).Select(r => r.Id).ToListAsync(cancellationToken);
        await db.Set<InfluenceRun>().Where(r => old.Contains(r.Id)).ExecuteDeleteAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return run.Id;
    }

    private static string WorkingFromGroup(WorkingFrom mode) => mode switch
    {
        WorkingFrom.Office => "on-site",
        WorkingFrom.Home or WorkingFrom.Travelling => "remote",
        _ => "unsaid",
    };
}
