using Ruche.Core.Communication;

namespace Ruche.Tests.Communication;

/// <summary>The suppression rule on its own: no group under k shown, and no difference between shown counts reveals one.</summary>
public sealed class ReachCountsTests
{
    [Fact]
    public void Groups_under_k_are_pooled_and_the_pool_reaches_k_or_takes_the_smallest_shown_groups()
    {
        var (shown, others) = ReachCounts.Suppress([new("A", 10, 7), new("B", 6, 5), new("C", 3, 2)]);
        Assert.Equal(["A"], shown.Select(g => g.Name));
        Assert.Equal(new GroupReach(null, 9, 7), others);

        (shown, others) = ReachCounts.Suppress([new("A", 10, 7), new("B", 9, 6), new("C", 8, 5), new("D", 1, 0)]);
        Assert.Equal(["A", "B"], shown.Select(g => g.Name));
        Assert.Equal(5, others!.Reads);

        (shown, others) = ReachCounts.Suppress([new("A", 10, 7), new("B", 9, 4)]);
        Assert.Empty(shown);
        Assert.Null(others);

        (shown, others) = ReachCounts.Suppress([new("A", 10, 7), new("B", 9, 5)]);
        Assert.Equal(2, shown.Count);
        Assert.Null(others);
        Assert.Null(ReachCounts.Counted(4));
        Assert.Equal(5, ReachCounts.Counted(5));
    }
}
