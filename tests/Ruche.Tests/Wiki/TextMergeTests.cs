using Ruche.Core.Wiki;

namespace Ruche.Tests.Wiki;

/// <summary>The line-based three-way merge that keeps concurrent saves of a page (ADR 25).</summary>
public sealed class TextMergeTests
{
    private const string Base = "a\nb\nc\nd\ne\nf";

    [Fact]
    public void Changes_to_separate_lines_both_apply()
    {
        var merge = TextMerge.Merge(Base, "a\nB\nc\nd\ne\nf", "a\nb\nc\nd\nE\nf");
        Assert.True(merge.IsClean);
        Assert.Equal("a\nB\nc\nd\nE\nf", merge.Text);
        Assert.Equal(1, merge.TheirChangesKept);
    }

    [Fact]
    public void Insertions_and_deletions_apart_both_apply()
    {
        var merge = TextMerge.Merge(Base, "a\nb\nc\nd\ne", "new\na\nb\nc\nd\ne\nf");
        Assert.Equal("new\na\nb\nc\nd\ne", merge.Text);
    }

    [Fact]
    public void The_same_change_on_both_sides_applies_once()
    {
        var merge = TextMerge.Merge(Base, "a\nX\nc\nd\ne\nf", "a\nX\nc\nd\ne\nf");
        Assert.True(merge.IsClean);
        Assert.Equal("a\nX\nc\nd\ne\nf", merge.Text);
    }

    [Fact]
    public void Different_changes_to_the_same_line_conflict_and_keep_both()
    {
        var merge = TextMerge.Merge(Base, "a\nb\nTHEIRS\nd\ne\nf", "a\nb\nMINE\nd\ne\nf");
        Assert.False(merge.IsClean);
        Assert.Equal(1, merge.Conflicts);
        Assert.Throws<InvalidOperationException>(() => merge.Text);
        var marked = merge.Marked("#2", "#1+");
        Assert.Equal("a\nb\n<<<<<<< #2\nTHEIRS\n=======\nMINE\n>>>>>>> #1+\nd\ne\nf", marked);
        Assert.True(TextMerge.HasConflictMarkers(marked));
    }

    [Fact]
    public void Two_insertions_at_the_same_place_conflict_rather_than_pick_an_order()
    {
        var merge = TextMerge.Merge("a\nb", "a\nT\nb", "a\nM\nb");
        Assert.Equal(1, merge.Conflicts);
        Assert.Contains("T\n=======\nM", merge.Marked("t", "m"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_conflict_leaves_the_clean_changes_around_it_merged()
    {
        var merge = TextMerge.Merge(Base, "A\nb\nTHEIRS\nd\ne\nf", "a\nb\nMINE\nd\ne\nF");
        Assert.Equal(1, merge.Conflicts);
        Assert.Equal("A\nb\n<<<<<<< t\nTHEIRS\n=======\nMINE\n>>>>>>> m\nd\ne\nF", merge.Marked("t", "m"));
    }

    [Fact]
    public void Overlapping_stretches_group_into_one_conflict()
    {
        var merge = TextMerge.Merge(Base, "a\nX\nY\nd\ne\nf", "a\nb\nZ\nW\ne\nf");
        Assert.Equal(1, merge.Conflicts);
        var chunk = Assert.Single(merge.Chunks, c => c.Kind == MergeChunkKind.Conflict);
        Assert.Equal(["b", "c", "d"], chunk.BaseLines);
        Assert.Equal(["X", "Y", "d"], chunk.TheirLines);
        Assert.Equal(["b", "Z", "W"], chunk.MyLines);
    }

    [Fact]
    public void One_side_unchanged_takes_the_other_whole()
    {
        Assert.Equal("x\ny", TextMerge.Merge(Base, Base, "x\ny").Text);
        Assert.Equal("x\ny", TextMerge.Merge(Base, "x\ny", Base).Text);
        Assert.Equal(string.Empty, TextMerge.Merge("a", string.Empty, "a").Text);
    }

    [Fact]
    public void Windows_line_endings_merge_as_lines()
    {
        var merge = TextMerge.Merge("a\r\nb\r\nc", "A\r\nb\r\nc", "a\nb\nC");
        Assert.Equal("A\nb\nC", merge.Text);
    }

    [Fact]
    public void Random_edits_to_disjoint_lines_always_merge_to_both()
    {
        var random = new Random(25);
        for (var round = 0; round < 200; round++)
        {
            var count = random.Next(4, 40);
            var lines = Enumerable.Range(0, count).Select(i => $"l{i}").ToArray();
            var split = random.Next(1, count - 1);
            var theirs = (string[])lines.Clone();
            var mine = (string[])lines.Clone();
            var t = random.Next(0, split - 0);
            var m = random.Next(split + 1, count);
            theirs[t] = "T" + round;
            mine[m] = "M" + round;
            var merge = TextMerge.Merge(string.Join('\n', lines), string.Join('\n', theirs), string.Join('\n', mine));
            var expected = (string[])lines.Clone();
            expected[t] = theirs[t];
            expected[m] = mine[m];
            Assert.Equal(string.Join('\n', expected), merge.Text);
        }
    }

    [Fact]
    public void A_text_with_only_part_of_a_block_is_not_held_as_unresolved()
    {
        Assert.False(TextMerge.HasConflictMarkers("<<<<<<< a\nx\n=======\ny"));
        Assert.False(TextMerge.HasConflictMarkers("=======\n>>>>>>> x"));
        Assert.False(TextMerge.HasConflictMarkers("Titre\n=======\n"));
    }

    [Fact]
    public void Line_changes_count_added_and_removed_lines()
    {
        Assert.Equal((1, 1), TextMerge.LineChanges("a\nb\nc", "a\nB\nc"));
        Assert.Equal((2, 0), TextMerge.LineChanges("a", "a\nb\nc"));
    }
}
