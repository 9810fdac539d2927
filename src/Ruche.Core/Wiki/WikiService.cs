using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Ruche.Core.Common;
using Ruche.Core.Content;
using Ruche.Core.Data;
using Ruche.Core.Files;
using Ruche.Core.Notifications;
using Ruche.Core.Posts;
using Ruche.Core.Spaces;

namespace Ruche.Core.Wiki;

/// <summary>
/// Writing pages: creating one, saving a revision (merged with what was saved meanwhile, or refused as a conflict that
/// keeps both texts), restoring an old revision as a new one, comments, attachments and "X is editing".
/// </summary>
public sealed class WikiService(
    RucheDbContext db, ContentRenderer renderer, SpaceService spaces, Notifier notifier, WikiLive live, FileService files, IWikiFeedWriter feedWriter, TimeProvider time)
{
    /// <summary>Consecutive saves by the same person closer than this fold into one feed entry.</summary>
    public static readonly TimeSpan SessionGap = TimeSpan.FromMinutes(30);

    /// <summary>How many times a save that lost a race is merged again before the editor is asked to try again.</summary>
    private const int Attempts = 12;

    /// <summary>Creates a page in a space the viewer may post in, as revision 1; a template only by its owners and moderators.</summary>
    public async Task<long> CreateAsync(Viewer viewer, long spaceId, NewWikiPage input, CancellationToken cancellationToken)
    {
        var title = WikiInputs.CheckTitle(input.Title);
        var text = WikiInputs.CheckText(input.Text);
        var summary = WikiInputs.CheckSummary(input.Summary);
        var space = await spaces.GetAsync(viewer, spaceId, cancellationToken);
        if (!WikiRights.MayEdit(space))
        {
            throw RucheException.Forbidden("wiki.edit-forbidden", "Only the members who may post in a space write its pages.");
        }

        if (input.IsTemplate && !WikiRights.MayMakeTemplates(space))
        {
            throw RucheException.Forbidden("wiki.template-forbidden", "Only a space's owners and moderators add its templates.");
        }

        if (input.ParentId is { } parentId && !await db.Set<WikiPage>().AnyAsync(p => p.Id == parentId && p.SpaceId == spaceId, cancellationToken))
        {
            throw RucheException.Invalid("wiki.parent-invalid", "The parent page is a page of the same space.");
        }

        var content = await renderer.RenderAsync(text, cancellationToken);
        var (added, removed) = TextMerge.LineChanges(string.Empty, text);
        for (var attempt = 0; ; attempt++)
        {
            var slug = await FreeSlugAsync(spaceId, WikiInputs.SlugOf(title), cancellationToken);
            var now = time.UtcNow();
            var page = new WikiPage
            {
                SpaceId = spaceId, ParentId = input.ParentId, Title = title, Slug = slug, Text = text, Html = content.Html, Number = 1,
                IsTemplate = input.IsTemplate, CreatedById = viewer.PersonId, CreatedAt = now, UpdatedById = viewer.PersonId, UpdatedAt = now,
            };
            try
            {
                await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                db.Add(page);
                await db.SaveChangesAsync(cancellationToken);
                db.Add(new WikiRevision
                {
                    PageId = page.Id, Number = 1, Title = title, Text = text, AuthorId = viewer.PersonId, CreatedAt = now, Summary = summary,
                    BaseNumber = 0, LinesAdded = added, LinesRemoved = removed,
                });
                await db.SaveChangesAsync(cancellationToken);
                if (!page.IsTemplate)
                {
                    await RecordSessionAsync(viewer.PersonId, new Latest(page.Id, spaceId, slug, 0, string.Empty, string.Empty, null, null, 0, viewer.PersonId, now), title, text, summary, now, cancellationToken);
                }

                await transaction.CommitAsync(cancellationToken);
            }
            catch (DbUpdateException) when (attempt < 3)
            {
                // Someone took the same address at the same moment: take the next one.
                db.ChangeTracker.Clear();
                continue;
            }

            await notifier.NotifyAsync(WikiNotifications.Mentioned, viewer.PersonId, content.MentionedPersonIds, page.Id);
            return page.Id;
        }
    }

    /// <summary>
    /// Saves what an editor sends, started from revision <see cref="WikiSave.BaseNumber"/>. If nobody saved since, it becomes
    /// the next revision. Otherwise the two changes are merged line by line (<see cref="TextMerge"/>): a clean merge is saved
    /// and says which revisions it took in; a conflict saves nothing and hands back their text, mine and the marked text.
    /// The revision lands only if the page's number is still the one the merge was made against (compare-and-swap in the
    /// same transaction as the revision, whose (page, number) is unique): a save that loses a race merges again.
    /// </summary>
    public async Task<WikiSaveResult> SaveAsync(Viewer viewer, long pageId, WikiSave input, CancellationToken cancellationToken)
    {
        // Who may not read the page learns nothing of it, not even whether what they sent would pass.
        await RequireEditableAsync(viewer, pageId, cancellationToken);
        var title = WikiInputs.CheckTitle(input.Title);
        var text = WikiInputs.CheckText(input.Text);
        var summary = WikiInputs.CheckSummary(input.Summary);
        if (input.BaseNumber is not { } baseNumber || baseNumber < 1)
        {
            throw RucheException.Invalid("wiki.base-required", "Say which revision the text was started from.");
        }

        return await SaveCoreAsync(viewer, pageId, baseNumber, title, text, summary, null, cancellationToken);
    }

    /// <summary>Brings back revision <paramref name="number"/>'s title and text as a new revision (nothing is ever rewritten).</summary>
    public async Task<WikiSaveResult> RestoreAsync(Viewer viewer, long pageId, int number, CancellationToken cancellationToken)
    {
        await RequireEditableAsync(viewer, pageId, cancellationToken);
        var old = await db.Set<WikiRevision>().AsNoTracking().Where(r => r.PageId == pageId && r.Number == number)
            .Select(r => new { r.Title, r.Text }).SingleOrDefaultAsync(cancellationToken)
            ?? throw RucheException.NotFound("wiki.revision-not-found", "No such revision.");
        var latest = await db.Set<WikiPage>().Where(p => p.Id == pageId).Select(p => p.Number).SingleAsync(cancellationToken);
        return await SaveCoreAsync(viewer, pageId, latest, old.Title, old.Text, null, number, cancellationToken);
    }

    private async Task<WikiSaveResult> SaveCoreAsync(
        Viewer viewer, long pageId, int baseNumber, string title, string text, string? summary, int? restoredFrom, CancellationToken cancellationToken)
    {
        var me = viewer.PersonId;
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            var latest = await LatestAsync(pageId, cancellationToken);
            if (baseNumber > latest.Number)
            {
                throw RucheException.Invalid("wiki.base-invalid", $"The page has no revision {baseNumber} yet.");
            }

            var path = WikiPaths.Page(latest.SpaceId, latest.Slug);
            var newTitle = title;
            var newText = text;
            List<WikiRevisionCard> meanwhile = [];
            if (baseNumber < latest.Number)
            {
                var start = await db.Set<WikiRevision>().AsNoTracking().Where(r => r.PageId == pageId && r.Number == baseNumber)
                    .Select(r => new { r.Title, r.Text }).SingleAsync(cancellationToken);
                meanwhile = await RevisionsBetweenAsync(pageId, baseNumber, latest.Number, cancellationToken);
                var merge = TextMerge.Merge(start.Text, latest.Text, text);
                var mergedTitle = MergeTitle(start.Title, latest.Title, title);
                if (!merge.IsClean || mergedTitle is null)
                {
                    var marked = merge.Marked($"#{latest.Number}", $"#{baseNumber}+");
                    var conflict = new WikiConflict(baseNumber, latest.Number, latest.Title, latest.Text, title, text, marked, Math.Max(1, merge.Conflicts), meanwhile);
                    return new WikiSaveResult(WikiSaveOutcome.Conflict, pageId, latest.Number, path, [], conflict);
                }

                newTitle = mergedTitle;
                newText = merge.Text;
            }

            if (newText == latest.Text && newTitle == latest.Title)
            {
                return new WikiSaveResult(WikiSaveOutcome.Unchanged, pageId, latest.Number, path, meanwhile, null);
            }

            if (newText.Length > WikiInputs.TextMaxLength)
            {
                throw RucheException.Invalid("wiki.text-too-long", $"Merged with the changes saved meanwhile, the page would hold more than {WikiInputs.TextMaxLength} characters.");
            }

            var content = await renderer.RenderAsync(newText, cancellationToken);
            var (added, removed) = TextMerge.LineChanges(latest.Text, newText);
            var number = latest.Number + 1;
            try
            {
                await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                var now = time.UtcNow();
                var won = await db.Set<WikiPage>().Where(p => p.Id == pageId && p.Number == latest.Number).ExecuteUpdateAsync(
                    s => s.SetProperty(p => p.Number, number).SetProperty(p => p.Title, newTitle).SetProperty(p => p.Text, newText)
                        .SetProperty(p => p.Html, content.Html).SetProperty(p => p.UpdatedAt, now).SetProperty(p => p.UpdatedById, me),
                    cancellationToken);
                if (won == 0)
                {
                    // Another save landed between the read and now: merge against it.
                    await transaction.RollbackAsync(cancellationToken);
                    continue;
                }

                db.Add(new WikiRevision
                {
                    PageId = pageId, Number = number, Title = newTitle, Text = newText, AuthorId = me, CreatedAt = now, Summary = summary,
                    BaseNumber = baseNumber, Merged = meanwhile.Count > 0, RestoredFrom = restoredFrom, LinesAdded = added, LinesRemoved = removed,
                });
                await db.SaveChangesAsync(cancellationToken);
                if (!latest.IsTemplate)
                {
                    await RecordSessionAsync(me, latest, newTitle, newText, summary, now, cancellationToken);
                }

                await transaction.CommitAsync(cancellationToken);
            }
            catch (Exception race) when (race is DbUpdateException or DbException && !cancellationToken.IsCancellationRequested)
            {
                // The unique (page, number) or the database's own locking refused a concurrent save: nothing was written.
                db.ChangeTracker.Clear();
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(5, 20 + (attempt * 10))), cancellationToken);
                continue;
            }

            var before = MarkdownContent.Parse(latest.Text).Handles;
            var named = MarkdownContent.Parse(newText).Handles.Where(h => !before.Contains(h)).ToList();
            if (named.Count > 0)
            {
                var ids = await db.People.Where(p => named.Contains(p.Handle) && p.IsActive).Select(p => p.Id).ToListAsync(cancellationToken);
                await notifier.NotifyAsync(WikiNotifications.Mentioned, me, ids, pageId);
            }

            await live.SavedAsync(pageId, number, me);
            return new WikiSaveResult(meanwhile.Count > 0 ? WikiSaveOutcome.Merged : WikiSaveOutcome.Saved, pageId, number, path, meanwhile, null);
        }

        throw RucheException.Conflict("wiki.busy", "The page is being saved by others right now: send it again.");
    }

    /// <summary>Comments on a page the viewer reads; the people who wrote it hear of it.</summary>
    public async Task<long> CommentAsync(Viewer viewer, long pageId, string? body, CancellationToken cancellationToken)
    {
        var text = Input.Text(body);
        if (text.Length == 0)
        {
            throw RucheException.Invalid("wiki.comment-required", "Write something to comment.");
        }

        if (text.Length > Limits.CommentBodyMaxLength)
        {
            throw RucheException.Invalid("wiki.comment-too-long", $"A comment holds at most {Limits.CommentBodyMaxLength} characters.");
        }

        await RequireReadableAsync(viewer, pageId, cancellationToken);
        var content = await renderer.RenderAsync(text, cancellationToken);
        var comment = new WikiComment { PageId = pageId, AuthorId = viewer.PersonId, Body = text, BodyHtml = content.Html, CreatedAt = time.UtcNow() };
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.Add(comment);
        await db.SaveChangesAsync(cancellationToken);
        await db.Set<WikiPage>().Where(p => p.Id == pageId).ExecuteUpdateAsync(s => s.SetProperty(p => p.CommentCount, p => p.CommentCount + 1), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        var writers = await db.Set<WikiRevision>().Where(r => r.PageId == pageId).Select(r => r.AuthorId).Distinct().ToListAsync(cancellationToken);
        await notifier.NotifyAsync(WikiNotifications.Commented, viewer.PersonId, writers.Concat(content.MentionedPersonIds).Distinct(), pageId);
        return comment.Id;
    }

    /// <summary>Attaches a file to a page the viewer may edit; it is then read by whoever reads the page.</summary>
    public async Task<Guid> AttachAsync(Viewer viewer, long pageId, Stream content, string? fileName, string? altText, CancellationToken cancellationToken)
    {
        await RequireEditableAsync(viewer, pageId, cancellationToken);
        var file = await files.UploadAsync(viewer, content, fileName, FilePurpose.PageAttachment, altText, cancellationToken);
        try
        {
            db.Add(new WikiPageFile { PageId = pageId, FileId = file.Id, AddedById = viewer.PersonId, AddedAt = time.UtcNow() });
            await db.SaveChangesAsync(cancellationToken);
        }
        catch
        {
            db.ChangeTracker.Clear();
            await files.DiscardUnattachedAsync(viewer, [file.Id], CancellationToken.None);
            throw;
        }

        return file.Id;
    }

    /// <summary>Tells the page's other readers that the viewer has it open in the editor.</summary>
    public async Task EditingAsync(Viewer viewer, long pageId, CancellationToken cancellationToken)
    {
        await RequireEditableAsync(viewer, pageId, cancellationToken);
        await live.EditingAsync(pageId, viewer.PersonId);
    }

    private Task<SpaceSummary> RequireEditableAsync(Viewer viewer, long pageId, CancellationToken cancellationToken) =>
        WikiRights.RequireEditableAsync(db, spaces, viewer, pageId, cancellationToken);

    private async Task RequireReadableAsync(Viewer viewer, long pageId, CancellationToken cancellationToken)
    {
        if (!await db.Set<WikiPage>().VisibleTo(viewer.PersonId).AnyAsync(p => p.Id == pageId, cancellationToken))
        {
            throw NotFound();
        }
    }

    /// <summary>
    /// The feed entry of an editing session (ADR 25): the first save of a session posts one in the page's space, signed by
    /// its editor; the same person's next saves within <see cref="SessionGap"/> rewrite it with the change since the session
    /// began, instead of posting again. Runs in the save's transaction, after the compare-and-swap won.
    /// </summary>
    private async Task RecordSessionAsync(long me, Latest latest, string title, string text, string? summary, DateTime now, CancellationToken cancellationToken)
    {
        var continuing = latest.SessionPostId is { } sessionPost && latest.SessionEditorId == me && latest.UpdatedById == me
            && now - latest.UpdatedAt <= SessionGap && await db.Posts.AnyAsync(p => p.Id == sessionPost, cancellationToken);
        var from = continuing ? latest.SessionFromNumber : latest.Number;
        var fromText = from == latest.Number ? latest.Text
            : from == 0 ? string.Empty
            : await db.Set<WikiRevision>().Where(r => r.PageId == latest.Id && r.Number == from).Select(r => r.Text).SingleAsync(cancellationToken);
        var summaries = continuing
            ? await db.Set<WikiRevision>().Where(r => r.PageId == latest.Id && r.Number > from && r.Summary != null).OrderBy(r => r.Number).Select(r => r.Summary!).ToListAsync(cancellationToken)
            : summary is null ? [] : [summary];
        var (added, removed) = TextMerge.LineChanges(fromText, text);
        var body = feedWriter.Write(new WikiSessionSummary(title, WikiPaths.Page(latest.SpaceId, latest.Slug), from, latest.Number + 1, added, removed, summaries));
        var html = (await renderer.RenderAsync(body, cancellationToken)).Html;
        long postId;
        if (continuing)
        {
            postId = latest.SessionPostId!.Value;
            await db.Posts.Where(p => p.Id == postId).ExecuteUpdateAsync(s => s.SetProperty(p => p.Body, body).SetProperty(p => p.BodyHtml, html), cancellationToken);
        }
        else
        {
            var post = new Post { AuthorId = me, SpaceId = latest.SpaceId, Body = body, BodyHtml = html, CreatedAt = now, Origin = PostOrigin.PageUpdate };
            db.Add(post);
            await db.SaveChangesAsync(cancellationToken);
            postId = post.Id;
        }

        await db.Set<WikiPage>().Where(p => p.Id == latest.Id).ExecuteUpdateAsync(
            s => s.SetProperty(p => p.SessionPostId, postId).SetProperty(p => p.SessionEditorId, me).SetProperty(p => p.SessionFromNumber, from), cancellationToken);
    }

    private async Task<string> FreeSlugAsync(long spaceId, string slug, CancellationToken cancellationToken)
    {
        var taken = await db.Set<WikiPage>().Where(p => p.SpaceId == spaceId && p.Slug.StartsWith(slug)).Select(p => p.Slug).ToListAsync(cancellationToken);
        if (!taken.Contains(slug, StringComparer.Ordinal))
        {
            return slug;
        }

        for (var n = 2; ; n++)
        {
            var candidate = $"{slug}-{n}";
            if (!taken.Contains(candidate, StringComparer.Ordinal))
            {
                return candidate;
            }
        }
    }

    private Task<List<WikiRevisionCard>> RevisionsBetweenAsync(long pageId, int after, int upTo, CancellationToken cancellationToken) =>
        WikiReader.Cards(db.Set<WikiRevision>().Where(r => r.PageId == pageId && r.Number > after && r.Number <= upTo).OrderBy(r => r.Number), time.UtcNow())
            .ToListAsync(cancellationToken);

    private Task<Latest> LatestAsync(long pageId, CancellationToken cancellationToken) =>
        db.Set<WikiPage>().AsNoTracking().Where(p => p.Id == pageId)
            .Select(p => new Latest(p.Id, p.SpaceId, p.Slug, p.Number, p.Title, p.Text, p.SessionPostId, p.SessionEditorId, p.SessionFromNumber, p.UpdatedById, p.UpdatedAt) { IsTemplate = p.IsTemplate })
            .SingleAsync(cancellationToken);

    /// <summary>A title changed on one side takes that side's; changed on both to different titles, it is a conflict (null).</summary>
    internal static string? MergeTitle(string start, string theirs, string mine) =>
        mine == start ? theirs : theirs == start || theirs == mine ? mine : null;

    internal static RucheException NotFound() => RucheException.NotFound("wiki.not-found", "No such page.");

    private sealed record Latest(
        long Id, long SpaceId, string Slug, int Number, string Title, string Text, long? SessionPostId, long? SessionEditorId, int SessionFromNumber, long UpdatedById, DateTime UpdatedAt)
    {
        public bool IsTemplate { get; init; }
    }
}
