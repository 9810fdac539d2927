namespace Ruche.Core.Communication;

/// <summary>
/// The suppression rule of a message's reach (ADR 21). A count of people is shown only when at least k. Reads are shown
/// only when both those who read and those who did not are at least k — when everyone in a group read, the count is a
/// read receipt for each of them — and rounded down to a multiple of k, so one more read rarely moves the figure and
/// watching it does not tell who just opened the message. Per group, a group is shown only when it passes that rule;
/// the others are pooled, and the pool must pass it too: otherwise the smallest shown groups join it until it does (or
/// nothing is shown per group), so that the total minus the shown groups never reveals a group under k.
/// </summary>
public static class ReachCounts
{
    private const int K = CommunicationLimits.SmallestCountedGroup;

    public static int? Counted(int people) => people >= K ? people : null;

    /// <summary>How many read, as the sender sees it: null unless readers and non-readers are both at least k; rounded down to a multiple of k.</summary>
    public static int? Reads(int recipients, int reads) => Shows(recipients, reads) ? reads / K * K : null;

    public static (IReadOnlyList<GroupReach> Shown, GroupReach? Others) Suppress(IEnumerable<GroupReach> groups)
    {
        var all = groups.ToList();
        var shown = all.Where(Shows).OrderBy(g => g.Reads).ThenBy(g => g.Name, StringComparer.Ordinal).ToList();
        var pooled = all.Where(g => !Shows(g)).ToList();
        GroupReach Pool() => new(null, pooled.Sum(g => g.Recipients), pooled.Sum(g => g.Reads));
        while (pooled.Count > 0 && !Shows(Pool()) && shown.Count > 0)
        {
            pooled.Add(shown[0]);
            shown.RemoveAt(0);
        }

        if (shown.Count == 0)
        {
            return ([], null);
        }

        var others = pooled.Count == 0 ? null : Rounded(Pool());
        return ([.. shown.OrderByDescending(g => g.Reads).ThenBy(g => g.Name, StringComparer.Ordinal).Select(Rounded)], others);
    }

    private static bool Shows(GroupReach group) => Shows(group.Recipients, group.Reads);

    private static bool Shows(int recipients, int reads) => reads >= K && recipients - reads >= K;

    private static GroupReach Rounded(GroupReach group) => group with { Reads = group.Reads / K * K };
}
