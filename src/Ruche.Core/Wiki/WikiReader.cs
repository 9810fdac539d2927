using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Ruche.Core.Common;
using Ruche.Core.Data;
using Ruche.Core.People;
using Ruche.Core.Records;
using Ruche.Core.Spaces;

namespace Ruche.Core.Wiki;

/// <summary>
/// Pages as the pages and the API read them, always through <see cref="WikiQueries.VisibleTo"/>: a page nobody may
/// read, its history, revisions and diffs are "not found" alike.
/// </summary>
public sealed class WikiReader(RucheDbContext db, SpaceService spaces, TimeProvider time)
{
    /// <summary>A space's pages are a handful to a few hundred: one bounded list, by title, parents given so the tree can be drawn.</summary>
    public const int ListMax = 500;

    /// <summary>How far up the breadcrumb climbs.</summary>
    private const int DepthMax = 12;

    public async Task<IReadOnlyList<WikiPageCard>> ListAsync(Viewer viewer, long spaceId, CancellationToken cancellationToken)
    {
        await spaces.GetReadableAsync(viewer, spaceId, "Only the space's members read its pages.", cancellationToken);
        var now = time.UtcNow();
        var rows = await db.Set<WikiPage>().VisibleTo(viewer.PersonId).Where(p => p.SpaceId == spaceId)
            .OrderBy(p => p.Title).ThenBy(p => p.Id).Take(ListMax)
            .Select(p => new { p.Id, p.ParentId, p.Title, p.Slug, p.IsTemplate, p.Number, UpdatedBy = PersonRefs.Of(p.UpdatedBy!, now), p.UpdatedAt })
            .ToListAsync(cancellationToken);
        return rows.Select(p => new WikiPageCard(p.Id, p.ParentId, p.Title, p.Slug, WikiPaths.Page(spaceId, p.Slug), p.IsTemplate, p.Number, p.UpdatedBy, p.UpdatedAt)).ToList();
    }

    /// <summary>The page's id for its address in a space: its slug, or its id written as digits.</summary>
    public async Task<long> IdOfAsync(Viewer viewer, long spaceId, string idOrSlug, CancellationToken cancellationToken)
    {
        var pages = db.Set<WikiPage>().VisibleTo(viewer.PersonId).Where(p => p.SpaceId == spaceId);
        var found = long.TryParse(idOrSlug, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? await pages.Where(p => p.Id == id).Select(p => (long?)p.Id).SingleOrDefaultAsync(cancellationToken)
            : await pages.Where(p => p.Slug == idOrSlug).Select(p => (long?)p.Id).SingleOrDefaultAsync(cancellationToken);
        return found ?? throw WikiService.NotFound();
    }

    public async Task<WikiPageView> GetAsync(Viewer viewer, long pageId, CancellationToken cancellationToken)
    {
        var now = time.UtcNow();
        var me = viewer.PersonId;
        var page = await db.Set<WikiPage>().VisibleTo(me).Where(p => p.Id == pageId)
            .Select(p => new
            {
                p.Id, p.SpaceId, p.ParentId, p.Title, p.Slug, p.Text, p.Html, p.Number, p.IsTemplate, p.CreatedById, p.CreatedAt, p.UpdatedAt,
                Space = new SpaceRef(p.Space!.Id, p.Space.Name, p.Space.Visibility),
                CreatedBy = PersonRefs.Of(p.CreatedBy!, now),
                UpdatedBy = PersonRefs.Of(p.UpdatedBy!, now),
            })
            .SingleOrDefaultAsync(cancellationToken) ?? throw WikiService.NotFound();
        var space = await spaces.GetAsync(viewer, page.SpaceId, cancellationToken);

        var breadcrumb = new List<WikiPageLink>();
        var parentId = page.ParentId;
        while (parentId is { } up && breadcrumb.Count < DepthMax)
        {
            var parent = await db.Set<WikiPage>().Where(p => p.Id == up).Select(p => new { p.Id, p.Title, p.Slug, p.ParentId }).SingleAsync(cancellationToken);
            breadcrumb.Insert(0, new WikiPageLink(parent.Id, parent.Title, WikiPaths.Page(page.SpaceId, parent.Slug)));
            parentId = parent.ParentId;
        }

        var children = (await db.Set<WikiPage>().Where(p => p.ParentId == pageId).OrderBy(p => p.Title).Take(ListMax)
            .Select(p => new { p.Id, p.Title, p.Slug }).ToListAsync(cancellationToken))
            .Select(c => new WikiPageLink(c.Id, c.Title, WikiPaths.Page(page.SpaceId, c.Slug))).ToList();
        var comments = await db.Set<WikiComment>().Where(c => c.PageId == pageId).OrderBy(c => c.Id)
            .Select(c => new WikiCommentView(c.Id, PersonRefs.Of(c.Author!, now), c.BodyHtml, c.CreatedAt)).ToListAsync(cancellationToken);
        var files = await db.Set<WikiPageFile>().Where(f => f.PageId == pageId).OrderBy(f => f.AddedAt)
            .Select(f => new WikiFileView(f.FileId, f.File!.FileName, f.File.ContentType, f.File.Length, "/files/" + f.FileId, db.People.Where(p => p.Id == f.AddedById).Select(p => PersonRefs.Of(p, now)).FirstOrDefault(), f.AddedAt))
            .ToListAsync(cancellationToken);
        return new WikiPageView(
            page.Id, page.Space, page.Title, page.Slug, WikiPaths.Page(page.SpaceId, page.Slug), page.Text, page.Html, page.Number, page.IsTemplate,
            page.CreatedBy, page.CreatedAt, page.UpdatedBy, page.UpdatedAt, breadcrumb, children, comments, files,
            WikiRights.MayEdit(space), WikiRights.MayMakeTemplates(space), WikiRights.MayDelete(space, page.CreatedById == me, viewer.IsAdministrator));
    }

    /// <summary>Every revision of a page, newest first (a page's history is its revisions: bounded by how often people save it).</summary>
    public async Task<IReadOnlyList<WikiRevisionCard>> HistoryAsync(Viewer viewer, long pageId, CancellationToken cancellationToken)
    {
        var revisions = db.Set<WikiRevision>().Where(r => r.PageId == pageId && db.Set<WikiPage>().VisibleTo(viewer.PersonId).Any(p => p.Id == pageId));
        var list = await Cards(revisions.OrderByDescending(r => r.Number), time.UtcNow()).ToListAsync(cancellationToken);
        return list.Count > 0 ? list : throw WikiService.NotFound();
    }

    public async Task<WikiRevisionView> RevisionAsync(Viewer viewer, long pageId, int number, CancellationToken cancellationToken)
    {
        var now = time.UtcNow();
        await RequireReadableAsync(viewer, pageId, cancellationToken);
        return await db.Set<WikiRevision>().Where(r => r.PageId == pageId && r.Number == number)
            .Select(r => new WikiRevisionView(r.PageId, r.Number, r.Title, r.Text, PersonRefs.Of(r.Author!, now), r.CreatedAt, r.Summary))
            .SingleOrDefaultAsync(cancellationToken) ?? throw RevisionNotFound();
    }

    /// <summary>Two revisions compared line by line and, inside a changed line, word by word (DiffPlex).</summary>
    public async Task<VersionDiff> DiffAsync(Viewer viewer, long pageId, int? fromNumber, int? toNumber, CancellationToken cancellationToken)
    {
        await RequireReadableAsync(viewer, pageId, cancellationToken);
        if (fromNumber is not { } from || toNumber is not { } to)
        {
            throw RucheException.Invalid("wiki.revision-invalid", "Give two revision numbers, from and to.");
        }

        var texts = await db.Set<WikiRevision>().Where(r => r.PageId == pageId && (r.Number == from || r.Number == to))
            .Select(r => new { r.Number, r.Text }).ToDictionaryAsync(r => r.Number, r => r.Text, cancellationToken);
        if (!texts.TryGetValue(from, out var old) || !texts.TryGetValue(to, out var @new))
        {
            throw RevisionNotFound();
        }

        return VersionDiff.Between(from, old, to, @new);
    }

    /// <summary>What a new page in the space may start from: Ruche's templates, then the space's own.</summary>
    public async Task<IReadOnlyList<WikiTemplate>> TemplatesAsync(Viewer viewer, long spaceId, CancellationToken cancellationToken)
    {
        await spaces.GetReadableAsync(viewer, spaceId, "Only the space's members read its pages.", cancellationToken);
        var own = await db.Set<WikiPage>().VisibleTo(viewer.PersonId).Where(p => p.SpaceId == spaceId && p.IsTemplate).OrderBy(p => p.Title).Take(ListMax)
            .Select(p => new WikiTemplate(null, p.Id, p.Title)).ToListAsync(cancellationToken);
        return [.. WikiTemplates.BuiltIn.Select(n => new WikiTemplate(n, null, null)), .. own];
    }

    /// <summary>A template page's text, to start a new page from.</summary>
    public async Task<string> TemplateTextAsync(Viewer viewer, long spaceId, long templateId, CancellationToken cancellationToken) =>
        await db.Set<WikiPage>().VisibleTo(viewer.PersonId).Where(p => p.Id == templateId && p.SpaceId == spaceId && p.IsTemplate).Select(p => p.Text)
            .SingleOrDefaultAsync(cancellationToken) ?? throw RucheException.NotFound("wiki.template-not-found", "No such template in this space.");

    internal static IQueryable<WikiRevisionCard> Cards(IQueryable<WikiRevision> revisions, DateTime now) =>
        revisions.Select(r => new WikiRevisionCard(r.Number, r.Title, PersonRefs.Of(r.Author!, now), r.CreatedAt, r.Summary, r.BaseNumber, r.Merged, r.RestoredFrom, r.LinesAdded, r.LinesRemoved));

    private async Task RequireReadableAsync(Viewer viewer, long pageId, CancellationToken cancellationToken)
    {
        if (!await db.Set<WikiPage>().VisibleTo(viewer.PersonId).AnyAsync(p => p.Id == pageId, cancellationToken))
        {
            throw WikiService.NotFound();
        }
    }

    private static RucheException RevisionNotFound() => RucheException.NotFound("wiki.revision-not-found", "No such revision.");
}

/// <summary>Ruche's own templates; their texts are the host's, in the reader's language (Wiki/Texts.resx).</summary>
public static class WikiTemplates
{
    public const string MeetingNotes = "meeting-notes";
    public const string ProjectPlan = "project-plan";
    public const string DecisionRecord = "decision-record";
    public const string ObjectivesMeeting = "objectives-meeting";

    public static readonly IReadOnlyList<string> BuiltIn = [MeetingNotes, ProjectPlan, DecisionRecord, ObjectivesMeeting];
}
