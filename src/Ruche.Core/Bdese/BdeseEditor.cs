using Microsoft.EntityFrameworkCore;
using Ruche.Core.Common;
using Ruche.Core.Data;

namespace Ruche.Core.Bdese;

/// <summary>
/// The direction's writes: a new item (table or PDF) and each later save, which adds a version and keeps every older
/// one. Everything is checked before anything changes; one save per change.
/// </summary>
public sealed class BdeseEditor(RucheDbContext db, TimeProvider time)
{
    public async Task<long> CreateTableAsync(Viewer viewer, BdeseDraft draft, BdeseTable? table, CancellationToken cancellationToken)
    {
        BdeseAccess.RequireWriter(viewer);
        var item = NewItem(draft, BdeseItemKind.Table);
        var checkedTable = Checked(table);
        return await AddVersionAsync(viewer, item, draft, v => v.TableJson = checkedTable.ToJson(), cancellationToken);
    }

    public async Task<long> CreateDocumentAsync(Viewer viewer, BdeseDraft draft, byte[]? document, string? fileName, CancellationToken cancellationToken)
    {
        BdeseAccess.RequireWriter(viewer);
        var item = NewItem(draft, BdeseItemKind.Document);
        var pdf = BdesePdf.CheckUpload(document);
        return await AddVersionAsync(viewer, item, draft, v => (v.Document, v.DocumentName) = (pdf, FileName(fileName)), cancellationToken);
    }

    /// <summary>A new version of a table item; the theme and year of the item stay.</summary>
    public async Task<int> SaveTableAsync(Viewer viewer, long itemId, BdeseDraft draft, BdeseTable? table, CancellationToken cancellationToken)
    {
        BdeseAccess.RequireWriter(viewer);
        var item = await ItemAsync(itemId, BdeseItemKind.Table, cancellationToken);
        var checkedTable = Checked(table);
        await AddVersionAsync(viewer, item, draft, v => v.TableJson = checkedTable.ToJson(), cancellationToken);
        return item.VersionCount;
    }

    /// <summary>A new version of a document item: a new PDF, or (none sent) the same PDF under a new title or confidentiality.</summary>
    public async Task<int> SaveDocumentAsync(Viewer viewer, long itemId, BdeseDraft draft, byte[]? document, string? fileName, CancellationToken cancellationToken)
    {
        BdeseAccess.RequireWriter(viewer);
        var item = await ItemAsync(itemId, BdeseItemKind.Document, cancellationToken);
        var pdf = document is null ? null : BdesePdf.CheckUpload(document);
        var previous = pdf is null
            ? await db.Set<BdeseVersion>().Where(v => v.ItemId == itemId && v.Number == item.VersionCount).Select(v => new { v.Document, v.DocumentName }).SingleAsync(cancellationToken)
            : null;
        await AddVersionAsync(
            viewer,
            item,
            draft,
            v => (v.Document, v.DocumentName) = pdf is null ? (previous!.Document, previous.DocumentName) : (pdf, FileName(fileName)),
            cancellationToken);
        return item.VersionCount;
    }

    private BdeseItem NewItem(BdeseDraft draft, BdeseItemKind kind)
    {
        var now = time.UtcNow();
        return new BdeseItem
        {
            Theme = BdeseInput.Theme(draft.Theme),
            Year = BdeseInput.Year(draft.Year, now),
            Kind = kind,
            Title = string.Empty,
            CreatedAt = now,
        };
    }

    private async Task<BdeseItem> ItemAsync(long itemId, BdeseItemKind kind, CancellationToken cancellationToken)
    {
        var item = await db.Set<BdeseItem>().SingleOrDefaultAsync(i => i.Id == itemId, cancellationToken) ?? throw BdeseAccess.NotFound();
        return item.Kind == kind
            ? item
            : throw RucheException.Invalid("bdese.kind-mismatch", $"This item is a {item.Kind.ToString().ToLowerInvariant()}.");
    }

    /// <summary>Validates the header, then writes the item's new header and its next version together.</summary>
    private async Task<long> AddVersionAsync(Viewer viewer, BdeseItem item, BdeseDraft draft, Action<BdeseVersion> content, CancellationToken cancellationToken)
    {
        var now = time.UtcNow();
        var title = BdeseInput.Title(draft.Title);
        var (reason, until) = BdeseInput.Confidentiality(draft.ConfidentialReason, draft.ConfidentialUntil, DateOnly.FromDateTime(now));
        item.Title = title;
        item.ConfidentialReason = reason;
        item.ConfidentialUntil = until;
        item.VersionCount += 1;
        item.UpdatedAt = now;
        var version = new BdeseVersion
        {
            Item = item,
            Number = item.VersionCount,
            Title = title,
            ConfidentialReason = reason,
            ConfidentialUntil = until,
            SavedById = viewer.PersonId,
            SavedAt = now,
        };
        content(version);
        if (item.Id == 0)
        {
            db.Add(item);
        }

        db.Add(version);
        await db.SaveChangesAsync(cancellationToken);
        return item.Id;
    }

    private static BdeseTable Checked(BdeseTable? table) =>
        table is null
            ? throw RucheException.Invalid("bdese.table-invalid", "A table item needs a table.")
            : BdeseTable.Validate(table.LabelHeader, table.Columns, table.Rows.Select(r => new BdeseRowInput(r.Label, r.Values)).ToList());

    private static string FileName(string? name)
    {
        var text = Path.GetFileName(Input.Text(name));
        text = new string(text.Where(c => !char.IsControl(c) && c is not ('"' or '\\' or '/')).ToArray());
        return text.Length is > 0 and <= 255 ? text : "document.pdf";
    }
}
