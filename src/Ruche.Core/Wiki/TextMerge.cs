using DiffPlex;
using DiffPlex.Model;

namespace Ruche.Core.Wiki;

/// <summary>
/// A line-based three-way merge (diff3) built on DiffPlex's two-way line diffs: the changes from a common
/// <c>base</c> to <c>theirs</c> (what was saved meanwhile) and to <c>mine</c> (what the editor sends) are laid on the
/// base together. Changes to separate stretches of the base both apply; the same change made on both sides applies
/// once; two different changes to the same stretch (or two insertions at the same place) are a conflict, kept whole
/// with both sides so nobody's words are lost. Line endings are read as "\n".
/// </summary>
public static class TextMerge
{
    public const string TheirsMarker = "<<<<<<< ";
    public const string Separator = "=======";
    public const string MineMarker = ">>>>>>> ";

    public static MergeResult Merge(string baseText, string theirs, string mine)
    {
        var lines = Lines(baseText);
        var hunks = Hunks(lines, theirs, MergeSide.Theirs).Concat(Hunks(lines, mine, MergeSide.Mine))
            .OrderBy(h => h.Start).ThenBy(h => h.End).ThenBy(h => h.Side).ToList();
        var chunks = new List<MergeChunk>();
        var position = 0;
        var i = 0;
        while (i < hunks.Count)
        {
            // A group: hunks whose stretches of the base overlap (or that insert at the same place), transitively.
            var group = new List<Hunk> { hunks[i] };
            var start = hunks[i].Start;
            var end = hunks[i].End;
            i++;
            while (i < hunks.Count && (hunks[i].Start < end || hunks[i].Start == start))
            {
                end = Math.Max(end, hunks[i].End);
                group.Add(hunks[i]);
                i++;
            }

            if (start > position)
            {
                chunks.Add(MergeChunk.Same(lines[position..start]));
            }

            var theirSide = Apply(lines, start, end, group.Where(h => h.Side == MergeSide.Theirs));
            var mySide = Apply(lines, start, end, group.Where(h => h.Side == MergeSide.Mine));
            var onlyTheirs = group.All(h => h.Side == MergeSide.Theirs);
            var onlyMine = group.All(h => h.Side == MergeSide.Mine);
            if (onlyTheirs || onlyMine || theirSide.SequenceEqual(mySide, StringComparer.Ordinal))
            {
                chunks.Add(new MergeChunk(onlyMine ? MergeChunkKind.Mine : onlyTheirs ? MergeChunkKind.Theirs : MergeChunkKind.Both, onlyMine ? mySide : theirSide, lines[start..end], theirSide, mySide));
            }
            else
            {
                chunks.Add(new MergeChunk(MergeChunkKind.Conflict, [], lines[start..end], theirSide, mySide));
            }

            position = end;
        }

        if (position < lines.Length)
        {
            chunks.Add(MergeChunk.Same(lines[position..]));
        }

        return new MergeResult(chunks);
    }

    /// <summary>True when the text still holds a conflict block as <see cref="MergeResult.Marked"/> writes it.</summary>
    public static bool HasConflictMarkers(string text)
    {
        var lines = Lines(text);
        var opened = false;
        var separated = false;
        foreach (var line in lines)
        {
            if (line.StartsWith(TheirsMarker, StringComparison.Ordinal))
            {
                opened = true;
                separated = false;
            }
            else if (opened && line == Separator)
            {
                separated = true;
            }
            else if (opened && separated && line.StartsWith(MineMarker, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>How many lines a change adds and removes (a modified line counts once each way).</summary>
    public static (int Added, int Removed) LineChanges(string before, string after)
    {
        var diff = Differ.Instance.CreateDiffs(before.ReplaceLineEndings("\n"), after.ReplaceLineEndings("\n"), false, false, Chunker.Instance);
        return (diff.DiffBlocks.Sum(b => b.InsertCountB), diff.DiffBlocks.Sum(b => b.DeleteCountA));
    }

    internal static string[] Lines(string text) => text.ReplaceLineEndings("\n").Split('\n');

    /// <summary>A side's changes to the base, each a stretch [Start, End) of base lines and the lines put instead.</summary>
    private static IEnumerable<Hunk> Hunks(string[] baseLines, string other, MergeSide side)
    {
        var otherLines = Lines(other);
        var diff = Differ.Instance.CreateDiffs(string.Join('\n', baseLines), string.Join('\n', otherLines), false, false, Chunker.Instance);
        foreach (DiffBlock block in diff.DiffBlocks)
        {
            yield return new Hunk(side, block.DeleteStartA, block.DeleteStartA + block.DeleteCountA, otherLines[block.InsertStartB..(block.InsertStartB + block.InsertCountB)]);
        }
    }

    private static string[] Apply(string[] baseLines, int start, int end, IEnumerable<Hunk> hunks)
    {
        var result = new List<string>();
        var position = start;
        foreach (var hunk in hunks.OrderBy(h => h.Start))
        {
            result.AddRange(baseLines[position..hunk.Start]);
            result.AddRange(hunk.Lines);
            position = hunk.End;
        }

        result.AddRange(baseLines[position..end]);
        return [.. result];
    }

    private sealed record Hunk(MergeSide Side, int Start, int End, string[] Lines);

    private enum MergeSide
    {
        Theirs,
        Mine,
    }

    /// <summary>Lines exactly as split, so a diff's indexes are the merge's (DiffPlex's line chunker would drop "\r" and blank handling).</summary>
    private sealed class Chunker : IChunker
    {
        public static readonly Chunker Instance = new();

        public IReadOnlyList<string> Chunk(string text) => text.Split('\n');
    }
}

public enum MergeChunkKind
{
    /// <summary>Neither side changed these lines.</summary>
    Same,

    /// <summary>Only what was saved meanwhile changed them.</summary>
    Theirs,

    /// <summary>Only the editor changed them.</summary>
    Mine,

    /// <summary>Both sides made the same change.</summary>
    Both,

    /// <summary>Both sides changed them differently: <see cref="MergeChunk.TheirLines"/> and <see cref="MergeChunk.MyLines"/> are kept for the editor.</summary>
    Conflict,
}

/// <summary>A stretch of the merge: its lines when resolved, and what the base, their side and mine held there.</summary>
public sealed record MergeChunk(MergeChunkKind Kind, string[] Lines, string[] BaseLines, string[] TheirLines, string[] MyLines)
{
    public static MergeChunk Same(string[] lines) => new(MergeChunkKind.Same, lines, lines, lines, lines);
}

/// <summary>The chunks of a three-way merge, in order.</summary>
public sealed record MergeResult(IReadOnlyList<MergeChunk> Chunks)
{
    public int Conflicts => Chunks.Count(c => c.Kind == MergeChunkKind.Conflict);

    public bool IsClean => Conflicts == 0;

    /// <summary>How many stretches of their change were taken in along with mine.</summary>
    public int TheirChangesKept => Chunks.Count(c => c.Kind == MergeChunkKind.Theirs);

    /// <summary>The merged text; only for a clean merge.</summary>
    public string Text => IsClean
        ? string.Join('\n', Chunks.SelectMany(c => c.Lines))
        : throw new InvalidOperationException("A merge with conflicts has no text: use Marked.");

    /// <summary>The text with each conflict written as a block to resolve: their lines, a separator, my lines.</summary>
    public string Marked(string theirLabel, string myLabel)
    {
        var lines = new List<string>();
        foreach (var chunk in Chunks)
        {
            if (chunk.Kind == MergeChunkKind.Conflict)
            {
                lines.Add(TextMerge.TheirsMarker + theirLabel);
                lines.AddRange(chunk.TheirLines);
                lines.Add(TextMerge.Separator);
                lines.AddRange(chunk.MyLines);
                lines.Add(TextMerge.MineMarker + myLabel);
            }
            else
            {
                lines.AddRange(chunk.Lines);
            }
        }

        return string.Join('\n', lines);
    }
}
