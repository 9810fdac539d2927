namespace Ruche.Core.Surveys;

/// <summary>
/// Which results of one round may be shown (ADR 17), from respondent counts alone. The groups of the survey's one cut
/// partition the round's respondents (people without a band form a group of their own), so the company total is the
/// sum of the groups. Shown: the company when it has at least k respondents; a group when it has at least k
/// <em>and</em> what the hidden groups hold together — the company minus every shown group, which anyone can compute —
/// is none or at least k. When the hidden groups hold between 1 and k − 1 respondents, the smallest shown group is
/// hidden too (complementary suppression), again until the rest is none or at least k. Pure, so it can be property-tested.
/// </summary>
public static class SmallGroupSuppression
{
    public static bool CompanyShown(int respondents, int k) => respondents >= k && respondents > 0;

    /// <summary>For each group's respondent count, whether the group's result may be shown.</summary>
    public static bool[] ShownGroups(IReadOnlyList<int> counts, int k)
    {
        ArgumentNullException.ThrowIfNull(counts);
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        var shown = new bool[counts.Count];
        var total = counts.Sum();
        if (!CompanyShown(total, k))
        {
            return shown;
        }

        var hidden = 0;
        for (var i = 0; i < counts.Count; i++)
        {
            shown[i] = counts[i] >= k;
            hidden += shown[i] ? 0 : counts[i];
        }

        while (hidden > 0 && hidden < k)
        {
            // Hide the smallest shown group (the first of equals, so the choice is the same at every read).
            var smallest = -1;
            for (var i = 0; i < counts.Count; i++)
            {
                if (shown[i] && (smallest < 0 || counts[i] < counts[smallest]))
                {
                    smallest = i;
                }
            }

            if (smallest < 0)
            {
                break;
            }

            shown[smallest] = false;
            hidden += counts[smallest];
        }

        return shown;
    }

    /// <summary>The same rule for groups named by key, in a stable order of keys.</summary>
    public static IReadOnlySet<TKey> ShownGroups<TKey>(IReadOnlyDictionary<TKey, int> counts, int k)
        where TKey : notnull
    {
        ArgumentNullException.ThrowIfNull(counts);
        var keys = counts.Keys.Order().ToList();
        var shown = ShownGroups(keys.Select(key => counts[key]).ToList(), k);
        return keys.Where((_, i) => shown[i]).ToHashSet();
    }
}
