using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Ruche.Core.Audit;
using Ruche.Core.Common;
using Ruche.Core.Data;
using Ruche.Core.Files;
using Ruche.Core.Notifications;
using Ruche.Core.Spaces;

namespace Ruche.Core.Wiki;

/// <summary>
/// Where a page sits in its space's tree, and whether it stays: moving it under another page of the space (or to the
/// top), deleting a page that has no sub-pages. Moves and deletions of one space take turns (a lock per space), so two
/// moves at once cannot make a cycle and a page cannot be deleted while another is moved under it.
/// </summary>
public sealed class WikiTreeService(RucheDbContext db, SpaceService spaces, IDatabaseProvider provider, IFileStore store, AuditLog audit, Notifier notifier)
{
    /// <summary>
    /// Puts the page under <paramref name="parentId"/> (a page of the same space the viewer reads), or at the top when
    /// null. Whoever may edit the page moves it; nothing else changes (no revision, no feed entry).
    /// </summary>
    public async Task MoveAsync(Viewer viewer, long pageId, long? parentId, CancellationToken cancellationToken)
    {
        // Who may not read the page learns nothing of it, not even whether the parent they chose would do.
        var space = await WikiRights.RequireEditableAsync(db, spaces, viewer, pageId, cancellationToken);
        if (parentId == pageId)
        {
            throw Cycle();
        }

        if (parentId is { } wanted
            && !await db.Set<WikiPage>().VisibleTo(viewer.PersonId).AnyAsync(p => p.Id == wanted && p.SpaceId == space.Id, cancellationToken))
        {
            throw ParentNotFound();
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await provider.SerializeAsync(db, TreeLock(space.Id), cancellationToken);

        // The space's tree as it stands inside the turn: two numbers a page, read once.
        var parents = await db.Set<WikiPage>().Where(p => p.SpaceId == space.Id)
            .Select(p => new { p.Id, p.ParentId }).ToDictionaryAsync(p => p.Id, p => p.ParentId, cancellationToken);
        if (parentId is { } parent)
        {
            if (!parents.ContainsKey(parent))
            {
                throw ParentNotFound();
            }

            // Climbing from the new parent must never meet the page: it would sit under itself.
            for (long? up = parent; up is { } id; up = parents.GetValueOrDefault(id))
            {
                if (id == pageId)
                {
                    throw Cycle();
                }
            }
        }

        if (parents.GetValueOrDefault(pageId) != parentId)
        {
            await db.Set<WikiPage>().Where(p => p.Id == pageId).ExecuteUpdateAsync(s => s.SetProperty(p => p.ParentId, parentId), cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>
    /// Deletes a page with its revisions, comments and attachments (their rows and bytes), its search document and the
    /// notifications about it, in one transaction; the bytes go once it committed. Its creator (while they may edit the
    /// space's pages), the space's moderators and, for a company-wide space, administrators (<see cref="WikiRights.MayDelete"/>).
    /// A page with sub-pages is refused: they are moved or deleted first. The feed entries of its editing sessions stay
    /// as posts; their link answers "not found". Returns the page's space.
    /// </summary>
    public async Task<long> DeleteAsync(Viewer viewer, long pageId, CancellationToken cancellationToken)
    {
        var page = await db.Set<WikiPage>().VisibleTo(viewer.PersonId).Where(p => p.Id == pageId)
            .Select(p => new { p.SpaceId, p.CreatedById }).SingleOrDefaultAsync(cancellationToken) ?? throw WikiService.NotFound();
        var space = await spaces.GetAsync(viewer, page.SpaceId, cancellationToken);
        if (!WikiRights.MayDelete(space, page.CreatedById == viewer.PersonId, viewer.IsAdministrator))
        {
            throw RucheException.Forbidden("wiki.delete-forbidden", "Only the page's creator or the space's moderators delete it.");
        }

        List<Guid> fileIds;
        IReadOnlyList<long> told;
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            await provider.SerializeAsync(db, TreeLock(page.SpaceId), cancellationToken);
            if (await db.Set<WikiPage>().AnyAsync(p => p.ParentId == pageId, cancellationToken))
            {
                throw HasChildren();
            }

            fileIds = await db.Set<WikiPageFile>().Where(f => f.PageId == pageId).Select(f => f.FileId).ToListAsync(cancellationToken);
            try
            {
                // Revisions, comments and the page's file links go with the page (cascade).
                await db.Set<WikiPage>().Where(p => p.Id == pageId).ExecuteDeleteAsync(cancellationToken);
            }
            catch (Exception refused) when (refused is DbException or DbUpdateException && !cancellationToken.IsCancellationRequested)
            {
                // A sub-page was created under it meanwhile (creation does not take the turn): its parent key refuses.
                throw HasChildren();
            }

            await db.Files.Where(f => fileIds.Contains(f.Id)).ExecuteDeleteAsync(cancellationToken);
            await db.SearchDocuments.Where(d => d.Kind == WikiSearchSource.KindName && d.SourceId == pageId).ExecuteDeleteAsync(cancellationToken);
            told = await notifier.ForgetAsync(WikiPageSubject.Instance, pageId, cancellationToken);
            if (page.CreatedById != viewer.PersonId)
            {
                // Removing a page someone else started is moderation: it leaves a trace.
                await audit.RecordAsync(
                    viewer.PersonId, "moderation.page-deleted", string.Create(CultureInfo.InvariantCulture, $"page:{pageId}"),
                    new { author = page.CreatedById, space = page.SpaceId }, cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
        }

        // Bytes go once the rows are gone for good; a crash before leaves an orphan file, never a broken page.
        foreach (var id in fileIds)
        {
            await store.DeleteAsync(id, CancellationToken.None);
        }

        await notifier.PushAsync(told);
        return page.SpaceId;
    }

    /// <summary>The resource a space's moves and deletions take turns on.</summary>
    private static string TreeLock(long spaceId) => string.Create(CultureInfo.InvariantCulture, $"wiki.tree:{spaceId}");

    private static RucheException Cycle() => RucheException.Invalid("wiki.parent-cycle", "A page cannot sit under itself or under one of its own sub-pages.");

    private static RucheException ParentNotFound() =>
        RucheException.NotFound("wiki.parent-not-found", "The parent page is not a page of this space that you can read.");

    private static RucheException HasChildren() =>
        RucheException.Conflict("wiki.has-children", "The page has sub-pages: move or delete them first.");
}
