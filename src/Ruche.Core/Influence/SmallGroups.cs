namespace Ruche.Core.Influence;

/// <summary>
/// The rule every group figure is read through (ADR 24): no group under <see cref="Minimum"/> people is shown. Groups
/// under it are pooled into "other groups"; when that pool itself has fewer than 5 people, the smallest shown group
/// joins it (again until it has 5), so that no total minus the shown groups gives a small group's figure. When the
/// whole graph has fewer than 5 people nothing is shown.
/// </summary>
public static class SmallGroups
{
    public const int Minimum = 5;

    public const string Pooled = "other";

    /// <summary>The figures to show, and for each stored group key the key it is shown under (its own or <see cref="Pooled"/>); groups not shown map to nothing.</summary>
    public static (IReadOnlyList<InfluenceGroupFigure> Shown, IReadOnlyDictionary<string, string> ShownAs) Apply(IReadOnlyList<InfluenceGroupFigure> figures)
    {
        var shown = figures.Where(f => f.People >= Minimum).OrderBy(f => f.People).ThenBy(f => f.GroupKey, StringComparer.Ordinal).ToList();
        var pool = figures.Where(f => f.People < Minimum).ToList();
        while (pool.Count > 0 && pool.Sum(f => f.People) < Minimum && shown.Count > 0)
        {
            pool.Add(shown[0]);
            shown.RemoveAt(0);
        }

        var shownAs = shown.ToDictionary(f => f.GroupKey, f => f.GroupKey, StringComparer.Ordinal);
        var result = new List<InfluenceGroupFigure>(shown);
        if (pool.Count > 0 && pool.Sum(f => f.People) >= Minimum)
        {
            result.Add(new InfluenceGroupFigure
            {
                RunId = pool[0].RunId,
                Dimension = pool[0].Dimension,
                GroupKey = Pooled,
                People = pool.Sum(f => f.People),
                Participants = pool.Sum(f => f.Participants),
                ReachedFromOutside = pool.Sum(f => f.ReachedFromOutside),
                InsideWeight = pool.Sum(f => f.InsideWeight),
                AcrossWeight = pool.Sum(f => f.AcrossWeight),
            });
            foreach (var figure in pool)
            {
                shownAs[figure.GroupKey] = Pooled;
            }
        }

        return (result.OrderByDescending(f => f.People).ThenBy(f => f.GroupKey, StringComparer.Ordinal).ToList(), shownAs);
    }

    /// <summary>Links between shown groups only (pooled groups under one key; links inside the pool left out).</summary>
    public static IReadOnlyList<InfluenceGroupLink> Links(IEnumerable<InfluenceGroupLink> links, IReadOnlyDictionary<string, string> shownAs) =>
        [.. links
            .Where(l => shownAs.ContainsKey(l.FromGroup) && shownAs.ContainsKey(l.ToGroup) && shownAs[l.FromGroup] != shownAs[l.ToGroup])
            .GroupBy(l => (From: shownAs[l.FromGroup], To: shownAs[l.ToGroup]))
            .Select(g => new InfluenceGroupLink { RunId = g.First().RunId, Dimension = g.First().Dimension, FromGroup = g.Key.From, ToGroup = g.Key.To, Weight = g.Sum(l => l.Weight), Pairs = g.Sum(l => l.Pairs) })
            .OrderByDescending(l => l.Weight)
            .ThenBy(l => l.FromGroup, StringComparer.Ordinal)
            .ThenBy(l => l.ToGroup, StringComparer.Ordinal)];
}
