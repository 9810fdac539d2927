using Ruche.Core.Communication;

namespace Ruche.Tests.Communication;

/// <summary>The suppression rule on its own: no group under k shown, no read receipt, and no difference between shown counts reveals one.</summary>
public sealed class ReachCountsTests
{
    [Fact]
    public void Groups_failing_the_rule_are_pooled_and_the_pool_passes_it_or_takes_the_smallest_shown_groups()
    {
        var (shown, others) = ReachCounts.Suppress([new("A", 20, 12), new("B", 12, 6), new("C", 3, 2)]);
        Assert.Equal(["A"], shown.Select(g => g.Name));
        Assert.Equal(10, shown[0].Reads);
        Assert.Equal(new GroupReach(null, 15, 5), others);

        (shown, others) = ReachCounts.Suppress([new("A", 20, 10), new("B", 19, 9), new("C", 18, 8), new("D", 1, 0)]);
        Assert.Equal(["A", "B"], shown.Select(g => g.Name));
        Assert.Equal(new GroupReach(null, 19, 5), others);

        (shown, others) = ReachCounts.Suppress([new("A", 20, 10), new("B", 9, 4)]);
        Assert.Empty(shown);
        Assert.Null(others);
    }

    [Fact]
    public void A_group_where_everyone_or_nearly_everyone_read_shows_no_reads()
    {
        var (shown, others) = ReachCounts.Suppress([new("A", 10, 10), new("B", 7, 5)]);
        Assert.Empty(shown);
        Assert.Null(others);

        Assert.Null(ReachCounts.Reads(10, 10));
        Assert.Null(ReachCounts.Reads(10, 6));
        Assert.Null(ReachCounts.Reads(9, 4));
        Assert.Equal(5, ReachCounts.Reads(12, 7));
        Assert.Equal(10, ReachCounts.Reads(30, 14));
        Assert.Null(ReachCounts.Counted(4));
        Assert.Equal(5, ReachCounts.Counted(5));
    }
}
