using System.Diagnostics;
using Ruche.Core.Records;
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

    /// <summary>The figures ADR 25 quotes: diffing two 50 KB revisions and merging a conflicting save, in process (median of 5).</summary>
    [Fact]
    public void Diffing_two_50_KB_revisions_and_merging_a_conflicting_save_take_milliseconds()
    {
        var lines = Enumerable.Range(1, 700).Select(i => $"Ligne {i} : un paragraphe de compte rendu, assez long pour peser ses 70 octets.").ToArray();
        var baseText = string.Join('\n', lines);
        var theirs = string.Join('\n', lines.Select((l, i) => i % 10 == 0 ? l + " (leur ajout)" : l));
        var mine = string.Join('\n', lines.Select((l, i) => i % 10 == 0 ? l + " (mon ajout)" : i % 10 == 5 ? l.ToUpperInvariant() : l));
        Assert.InRange(theirs.Length, 50_000, 60_000);

        double Median(Action action)
        {
            var times = new List<double>();
            for (var run = 0; run < 5; run++)
            {
                var clock = Stopwatch.StartNew();
                action();
                times.Add(clock.Elapsed.TotalMilliseconds);
            }

            return times.Order().ElementAt(2);
        }

        VersionDiff? diff = null;
        MergeResult? merge = null;
        var diffMs = Median(() => diff = VersionDiff.Between(1, baseText, 2, mine));
        var mergeMs = Median(() => merge = TextMerge.Merge(baseText, theirs, mine));
        Assert.Equal(70, merge!.Conflicts);
        Assert.Equal(140, diff!.Inserted);
        Assert.InRange(diffMs + mergeMs, 0, 5_000);
        TestContext.Current.TestOutputHelper?.WriteLine($"50 KB revisions: word-level diff {diffMs:F1} ms; three-way merge with 70 conflicts {mergeMs:F1} ms (median of 5).");
    }
}
