using Microsoft.EntityFrameworkCore;
using Ruche.Core.Common;
using Ruche.Core.Data;

namespace Ruche.Core.Influence;

/// <summary>
/// Every read of the influence figures, with its rule (ADR 24): a person reads their own; HR and administrators read
/// an individual's only when that person chose to be recognised, everything else in groups of 5 or more.
/// </summary>
public sealed class InfluenceReader(RucheDbContext db)
{
    public static bool ReadsNetwork(Viewer viewer) =>
        viewer.IsAdministrator || viewer.IsInRole(RoleNames.HumanResources);

    public async Task<InfluenceRunInfo?> LatestRunAsync(CancellationToken cancellationToken) =>
        await db.Set<InfluenceRun>().AsNoTracking().OrderByDescending(r => r.Id)
            .Select(r => new InfluenceRunInfo(r.Id, r.ComputedAt, r.WindowFrom, r.WindowTo, r.People, r.Interactions, r.Edges, r.Iterations, r.DurationMs))
            .FirstOrDefaultAsync(cancellationToken);

    public async Task<MyInfluence> MineAsync(Viewer viewer, CancellationToken cancellationToken)
    {
        var preference = await db.Set<InfluencePreference>().AsNoTracking().FirstOrDefaultAsync(p => p.PersonId == viewer.PersonId, cancellationToken);
        var run = await LatestRunAsync(cancellationToken);
        var figures = run is null ? null : await FiguresAsync(run, viewer.PersonId, cancellationToken);
        return new MyInfluence(run, figures, preference?.Recognised ?? false, preference?.LeftGraph ?? false);
    }

    /// <summary>A person's figures: their own, or a recognised person's for HR and administrators; anything else is not found.</summary>
    public async Task<PersonFigures> PersonAsync(Viewer viewer, long personId, CancellationToken cancellationToken)
    {
        if (viewer.PersonId != personId && !(ReadsNetwork(viewer) && await IsRecognisedAsync(personId, cancellationToken)))
        {
            throw RucheException.NotFound("influence.not-found", "No figures you may read for this person.");
        }

        var run = await LatestRunAsync(cancellationToken);
        return (run is null ? null : await FiguresAsync(run, personId, cancellationToken))
            ?? throw RucheException.NotFound("influence.not-found", "No figures you may read for this person.");
    }

    public async Task<NetworkHealth> NetworkAsync(Viewer viewer, CancellationToken cancellationToken)
    {
        if (!ReadsNetwork(viewer))
        {
            throw RucheException.Forbidden("influence.hr-required", "Only HR and administrators read the network's health.");
        }

        var run = await LatestRunAsync(cancellationToken);
        if (run is null)
        {
            return new NetworkHealth(null, 0, 0, [], [], [], [], [], [], []);
        }

        var figures = await db.Set<InfluenceGroupFigure>().AsNoTracking().Where(f => f.RunId == run.Id).ToListAsync(cancellationToken);
        var links = await db.Set<InfluenceGroupLink>().AsNoTracking().Where(l => l.RunId == run.Id).ToListAsync(cancellationToken);
        var departmentNames = await db.Departments.AsNoTracking().ToDictionaryAsync(d => d.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), d => d.Name, cancellationToken);
        var siteNames = await db.Sites.AsNoTracking().ToDictionaryAsync(s => s.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), s => s.Name, cancellationToken);

        (IReadOnlyList<GroupHealth> Groups, IReadOnlyList<GroupLink> Links) Dimension(string dimension, IReadOnlyDictionary<string, string> names)
        {
            var (shown, shownAs) = SmallGroups.Apply([.. figures.Where(f => f.Dimension == dimension)]);
            var groups = shown.Select(f => new GroupHealth(f.GroupKey, names.GetValueOrDefault(f.GroupKey), f.People, f.Participants, f.ReachedFromOutside, f.InsideWeight, f.AcrossWeight)).ToList();
            var shownLinks = SmallGroups.Links(links.Where(l => l.Dimension == dimension), shownAs)
                .Select(l => new GroupLink(l.FromGroup, names.GetValueOrDefault(l.FromGroup), l.ToGroup, names.GetValueOrDefault(l.ToGroup), l.Weight, l.Pairs)).ToList();
            return (groups, shownLinks);
        }

        var departments = Dimension("department", departmentNames);
        var sites = Dimension("site", siteNames);
        var workingFrom = Dimension("working-from", new Dictionary<string, string>());
        var groupPeople = departments.Groups.Sum(g => g.People);
        var participants = departments.Groups.Sum(g => g.Participants);

        // A fixed number of commands whatever the number of recognised people: their voices in one query, their
        // names and scores in another (no query per person).
        var recognisedIds = db.Set<InfluencePreference>().Where(p => p.Recognised && !p.LeftGraph).Select(p => p.PersonId);
        var voices = await db.Set<InfluenceVoice>().AsNoTracking()
            .Where(v => v.RunId == run.Id && recognisedIds.Contains(v.PersonId))
            .Join(db.People, v => v.PersonId, p => p.Id, (v, p) => new { v.Topic, v.PersonId, p.DisplayName, p.Handle, v.Rank, v.Givers, v.Strength })
            .ToListAsync(cancellationToken);
        var labels = await TopicLabelsAsync(voices.Select(v => v.Topic), cancellationToken);
        var topics = voices.GroupBy(v => v.Topic)
            .Select(t => new TopicVoiceList(t.Key, labels[t.Key], [.. t.OrderBy(v => v.Rank).Select(v => new RecognisedVoice(v.PersonId, v.DisplayName, v.Handle, v.Rank, v.Givers))]))
            .OrderByDescending(t => t.Voices.Count).ThenBy(t => t.Label, StringComparer.Ordinal)
            .ToList();

        var scores = db.Set<InfluenceScore>().Where(s => s.RunId == run.Id);
        var people = await (
                from preference in db.Set<InfluencePreference>()
                where preference.Recognised && !preference.LeftGraph
                join person in db.People on preference.PersonId equals person.Id
                join score in scores on preference.PersonId equals score.PersonId into personScores
                from score in personScores.DefaultIfEmpty()
                orderby person.Id
                select new { person.Id, person.DisplayName, person.Handle, Score = (double?)score!.Score, Rank = (int?)score.Rank, Reach = (int?)score.Reach })
            .AsNoTracking().ToListAsync(cancellationToken);
        var topicsOf = voices.ToLookup(v => v.PersonId, v => new TopicVoice(v.Topic, labels[v.Topic], v.Rank, v.Givers, v.Strength));
        var recognised = people
            .Select(p => Figures(run, p.Id, p.DisplayName, p.Handle, p.Score, p.Rank, p.Reach, topicsOf[p.Id]))
            .OrderBy(p => p.Rank)
            .ToList();

        return new NetworkHealth(run, groupPeople, participants, departments.Groups, sites.Groups, workingFrom.Groups, departments.Links, sites.Links, topics, recognised);
    }

    private Task<bool> IsRecognisedAsync(long personId, CancellationToken cancellationToken) =>
        db.Set<InfluencePreference>().AnyAsync(p => p.PersonId == personId && p.Recognised && !p.LeftGraph, cancellationToken);

    private async Task<PersonFigures?> FiguresAsync(InfluenceRunInfo run, long personId, CancellationToken cancellationToken)
    {
        var person = await db.People.AsNoTracking().Where(p => p.Id == personId).Select(p => new { p.DisplayName, p.Handle }).FirstOrDefaultAsync(cancellationToken);
        if (person is null)
        {
            return null;
        }

        var score = await db.Set<InfluenceScore>().AsNoTracking().FirstOrDefaultAsync(s => s.RunId == run.Id && s.PersonId == personId, cancellationToken);
        var voices = await db.Set<InfluenceVoice>().AsNoTracking().Where(v => v.RunId == run.Id && v.PersonId == personId).ToListAsync(cancellationToken);
        var labels = await TopicLabelsAsync(voices.Select(v => v.Topic), cancellationToken);
        return Figures(run, personId, person.DisplayName, person.Handle, score?.Score, score?.Rank, score?.Reach,
            voices.Select(v => new TopicVoice(v.Topic, labels[v.Topic], v.Rank, v.Givers, v.Strength)));
    }

    private static PersonFigures Figures(InfluenceRunInfo run, long personId, string displayName, string handle, double? score, int? rank, int? reach, IEnumerable<TopicVoice> topics)
    {
        double? percentile = rank is not { } r || run.People == 0 ? null : 100.0 * (run.People - r + 1) / run.People;
        return new PersonFigures(personId, displayName, handle, score, rank, reach, run.People, percentile,
            [.. topics.OrderBy(t => t.Rank).ThenBy(t => t.Topic, StringComparer.Ordinal)]);
    }

    /// <summary>"#tag" for a tag, the space's name for a space.</summary>
    private async Task<IReadOnlyDictionary<string, string>> TopicLabelsAsync(IEnumerable<string> topics, CancellationToken cancellationToken)
    {
        var distinct = topics.Distinct().ToList();
        var spaceIds = distinct.Where(t => t.StartsWith("space:", StringComparison.Ordinal))
            .Select(t => long.Parse(t.AsSpan(6), System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var names = spaceIds.Count == 0 ? [] : await db.Spaces.AsNoTracking().Where(s => spaceIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.Name, cancellationToken);
        return distinct.ToDictionary(t => t, t => t.StartsWith("tag:", StringComparison.Ordinal)
            ? "#" + t[4..]
            : names.GetValueOrDefault(long.Parse(t.AsSpan(6), System.Globalization.CultureInfo.InvariantCulture)) ?? t);
    }
}
