namespace Ruche.Core.Communication;

/// <summary>
/// The suppression rule of a message's reach (ADR 21): a count of people is shown only when at least k. Per group, a
/// group is shown only when at least k of it read the message; the others are pooled, and the pool must itself reach
/// k readers: otherwise the smallest shown groups join it until it does (or nothing is shown per group), so that the
/// total minus the shown groups never reveals a group under k.
/// </summary>
public static class ReachCounts
{
    public static int? Counted(int people) => people >= CommunicationLimits.SmallestCountedGroup ? people : null;

    public static (IReadOnlyList<GroupReach> Shown, GroupReach? Others) Suppress(IEnumerable<GroupReach> groups)
    {
        const int k = CommunicationLimits.SmallestCountedGroup;
        var shown = groups.Where(g => g.Reads >= k).OrderBy(g => g.Reads).ThenBy(g => g.Name, StringComparer.Ordinal).ToList();
        var pooled = groups.Where(g => g.Reads < k).ToList();
        int PoolReads() => pooled.Sum(g => g.Reads);
        while (pooled.Count > 0 && PoolReads() < k && shown.Count > 0)
        {
            pooled.Add(shown[0]);
            shown.RemoveAt(0);
        }

        if (shown.Count == 0)
        {
            return ([], null);
        }

        var others = pooled.Count == 0 ? null : new GroupReach(null, pooled.Sum(g => g.Recipients), PoolReads());
        return ([.. shown.OrderByDescending(g => g.Reads).ThenBy(g => g.Name, StringComparer.Ordinal)], others);
    }
}
