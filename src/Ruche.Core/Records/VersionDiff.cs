using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;

namespace Ruche.Core.Records;

public enum DiffChange
{
    Unchanged,
    Inserted,
    Deleted,
}

/// <summary>A run of words in a diff line, kept, inserted or deleted.</summary>
public sealed record DiffSegment(DiffChange Change, string Text);

/// <summary>One line of a diff: kept, inserted, deleted; a modified line comes as its old words then its new words.</summary>
public sealed record DiffLine(DiffChange Change, IReadOnlyList<DiffSegment> Segments);

/// <summary>Between two versions of a record's text, line by line and, inside a modified line, word by word (DiffPlex).</summary>
public sealed record VersionDiff(int From, int To, IReadOnlyList<DiffLine> Lines)
{
    public int Inserted => Lines.Count(l => l.Change == DiffChange.Inserted);

    public int Deleted => Lines.Count(l => l.Change == DiffChange.Deleted);

    public static VersionDiff Between(int from, string oldText, int to, string newText)
    {
        var model = SideBySideDiffBuilder.Diff(oldText, newText, ignoreWhiteSpace: false, ignoreCase: false);
        var lines = new List<DiffLine>();
        for (var i = 0; i < Math.Max(model.OldText.Lines.Count, model.NewText.Lines.Count); i++)
        {
            var old = i < model.OldText.Lines.Count ? model.OldText.Lines[i] : null;
            var @new = i < model.NewText.Lines.Count ? model.NewText.Lines[i] : null;
            if (old?.Type == ChangeType.Modified || @new?.Type == ChangeType.Modified)
            {
                lines.Add(new DiffLine(DiffChange.Deleted, Words(old, ChangeType.Deleted, DiffChange.Deleted)));
                lines.Add(new DiffLine(DiffChange.Inserted, Words(@new, ChangeType.Inserted, DiffChange.Inserted)));
                continue;
            }

            if (old is { Type: ChangeType.Deleted })
            {
                lines.Add(new DiffLine(DiffChange.Deleted, [new DiffSegment(DiffChange.Deleted, old.Text ?? string.Empty)]));
            }

            if (@new is { Type: ChangeType.Inserted })
            {
                lines.Add(new DiffLine(DiffChange.Inserted, [new DiffSegment(DiffChange.Inserted, @new.Text ?? string.Empty)]));
            }
            else if (@new is { Type: ChangeType.Unchanged })
            {
                lines.Add(new DiffLine(DiffChange.Unchanged, [new DiffSegment(DiffChange.Unchanged, @new.Text ?? string.Empty)]));
            }
        }

        return new VersionDiff(from, to, lines);
    }

    private static List<DiffSegment> Words(DiffPiece? line, ChangeType changed, DiffChange shownAs)
    {
        var segments = new List<DiffSegment>();
        foreach (var piece in line?.SubPieces ?? [])
        {
            if (piece.Type == ChangeType.Imaginary || piece.Text is null)
            {
                continue;
            }

            var change = piece.Type == changed ? shownAs : DiffChange.Unchanged;
            if (segments.Count > 0 && segments[^1].Change == change)
            {
                segments[^1] = segments[^1] with { Text = segments[^1].Text + piece.Text };
            }
            else
            {
                segments.Add(new DiffSegment(change, piece.Text));
            }
        }

        return segments;
    }
}
