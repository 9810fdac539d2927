using Microsoft.EntityFrameworkCore;
using Ruche.Core.Common;
using Ruche.Core.Content;
using Ruche.Core.Data;
using Ruche.Core.People;
using Ruche.Core.Recognition;

namespace Ruche.Core.Moderation;

/// <summary>
/// The moderation queue: the open reports a moderator handles (<see cref="ModerationRights.Moderates"/>), one item per reported piece of
/// content, oldest first. Reports about content since deleted are left out (nothing is left to decide).
/// </summary>
public sealed class OpenReports(RucheDbContext db, TimeProvider time)
{
    /// <summary>Enough for a day's work; a longer queue shows its oldest first and the rest after decisions.</summary>
    public const int ReportsShown = 500;

    private const int ExcerptLength = 280;

    /// <summary>Whether the queue is for this person (the navigation shows it to them).</summary>
    public Task<bool> IsForAsync(Viewer viewer, CancellationToken cancellationToken) => ModerationRights.IsModeratorAsync(db, viewer, cancellationToken);

    public async Task<IReadOnlyList<ReportedItem>> OpenAsync(Viewer viewer, CancellationToken cancellationToken)
    {
        await ModerationRights.RequireModeratorAsync(db, viewer, cancellationToken);
        var now = time.UtcNow();
        var moderated = db.Posts.Where(ModerationRights.Moderates(viewer));
        var moderatedKudos = db.Set<Kudos>().Where(ModerationRights.ModeratesKudos(viewer));
        var reports = await db.Set<ContentReport>()
            .Where(r => r.DecisionId == null
                && ((r.Content == ReportedContent.Kudos && moderatedKudos.Any(k => k.Id == r.ContentId))
                    || (r.Content != ReportedContent.Kudos && moderated.Any(p => p.Id == r.PostId))))
            .Where(r => r.Content != ReportedContent.Comment || db.Comments.Any(c => c.Id == r.ContentId))
            .OrderBy(r => r.Id).Take(ReportsShown)
            .Select(r => new { r.Content, r.ContentId, View = new ReportView(r.Id, r.Reason, r.Note, PersonRefs.Of(r.Reporter!, now), r.CreatedAt) })
            .ToListAsync(cancellationToken);
        if (reports.Count == 0)
        {
            return [];
        }

        var postIds = reports.Where(r => r.Content == ReportedContent.Post).Select(r => r.ContentId).Distinct().ToList();
        var commentIds = reports.Where(r => r.Content == ReportedContent.Comment).Select(r => r.ContentId).Distinct().ToList();
        var kudosIds = reports.Where(r => r.Content == ReportedContent.Kudos).Select(r => r.ContentId).Distinct().ToList();
        var posts = await db.Posts.Where(p => postIds.Contains(p.Id))
            .Select(p => new Reported(p.Id, p.Id, PersonRefs.Of(p.Author!, now), p.SpaceId == null ? null : new SpaceRef(p.Space!.Id, p.Space.Name, p.Space.Visibility), p.BodyHtml, p.HiddenAt != null))
            .ToDictionaryAsync(p => p.Id, cancellationToken);
        var comments = await db.Comments.Where(c => commentIds.Contains(c.Id))
            .Join(db.Posts, c => c.PostId, p => p.Id, (c, p) => new Reported(
                c.Id, c.PostId, PersonRefs.Of(c.Author!, now), p.SpaceId == null ? null : new SpaceRef(p.Space!.Id, p.Space.Name, p.Space.Visibility), c.BodyHtml, c.HiddenAt != null))
            .ToDictionaryAsync(c => c.Id, cancellationToken);
        var kudos = kudosIds.Count == 0 ? [] : (await db.Set<Kudos>().Where(k => kudosIds.Contains(k.Id))
                .Select(k => new { k.Id, Author = PersonRefs.Of(k.Giver!, now), Space = k.SpaceId == null ? null : new SpaceRef(k.Space!.Id, k.Space.Name, k.Space.Visibility), k.Message, Hidden = k.HiddenAt != null })
                .ToListAsync(cancellationToken))
            .ToDictionary(k => k.Id, k => new Reported(k.Id, null, k.Author, k.Space, System.Net.WebUtility.HtmlEncode(k.Message), k.Hidden));

        return reports.GroupBy(r => (r.Content, r.ContentId))
            .Select(g => (Reports: g.Select(r => r.View).ToList(), Content: (g.Key.Content switch { ReportedContent.Post => posts, ReportedContent.Comment => comments, _ => kudos }).GetValueOrDefault(g.Key.ContentId), g.Key))
            .Where(g => g.Content is not null)
            .Select(g => new ReportedItem(
                g.Key.Content, g.Key.ContentId, g.Content!.PostId, g.Content.Author, g.Content.Space, Excerpt(g.Content.BodyHtml), g.Content.Hidden, g.Reports))
            .ToList();
    }

    private static string Excerpt(string html) => MarkdownContent.ExcerptOfHtml(html, ExcerptLength);

    private sealed record Reported(long Id, long? PostId, PersonRef Author, SpaceRef? Space, string BodyHtml, bool Hidden);
}
