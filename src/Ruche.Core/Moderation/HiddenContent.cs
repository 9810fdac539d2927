using Microsoft.EntityFrameworkCore;
using Ruche.Core.Common;
using Ruche.Core.Content;
using Ruche.Core.Data;
using Ruche.Core.People;
using Ruche.Core.Recognition;

namespace Ruche.Core.Moderation;

/// <summary>
/// Content hidden by moderation that the viewer moderates, most recently hidden first: where a moderator or an
/// administrator finds it again to restore it (a hidden company-wide post is otherwise read only by its author).
/// </summary>
public sealed class HiddenContent(RucheDbContext db, TimeProvider time)
{
    public const int Shown = 200;

    private const int ExcerptLength = 280;

    public async Task<IReadOnlyList<HiddenItem>> ListAsync(Viewer viewer, CancellationToken cancellationToken)
    {
        await ModerationRights.RequireModeratorAsync(db, viewer, cancellationToken);
        var now = time.UtcNow();
        var moderated = db.Posts.Where(ModerationRights.Moderates(viewer));
        var posts = await moderated.Where(p => p.HiddenAt != null)
            .OrderByDescending(p => p.HiddenAt).Take(Shown)
            .Select(p => new Row(ReportedContent.Post, p.Id, p.Id, PersonRefs.Of(p.Author!, now), p.SpaceId == null ? null : new SpaceRef(p.Space!.Id, p.Space.Name, p.Space.Visibility), p.BodyHtml, p.HiddenReason, p.HiddenAt!.Value))
            .ToListAsync(cancellationToken);
        var comments = await db.Comments.Where(c => c.HiddenAt != null)
            .Join(moderated, c => c.PostId, p => p.Id, (c, p) => new { Comment = c, Post = p })
            .OrderByDescending(x => x.Comment.HiddenAt).Take(Shown)
            .Select(x => new Row(ReportedContent.Comment, x.Comment.Id, x.Post.Id, PersonRefs.Of(x.Comment.Author!, now), x.Post.SpaceId == null ? null : new SpaceRef(x.Post.Space!.Id, x.Post.Space.Name, x.Post.Space.Visibility), x.Comment.BodyHtml, x.Comment.HiddenReason, x.Comment.HiddenAt!.Value))
            .ToListAsync(cancellationToken);
        var kudos = (await db.Set<Kudos>().Where(k => k.HiddenAt != null).Where(ModerationRights.ModeratesKudos(viewer))
                .OrderByDescending(k => k.HiddenAt).Take(Shown)
                .Select(k => new { k.Id, Author = PersonRefs.Of(k.Giver!, now), Space = k.SpaceId == null ? null : new SpaceRef(k.Space!.Id, k.Space.Name, k.Space.Visibility), k.Message, k.HiddenReason, HiddenAt = k.HiddenAt!.Value })
                .ToListAsync(cancellationToken))
            .Select(k => new Row(ReportedContent.Kudos, k.Id, null, k.Author, k.Space, System.Net.WebUtility.HtmlEncode(k.Message), k.HiddenReason, k.HiddenAt));
        return posts.Concat(comments).Concat(kudos).OrderByDescending(r => r.HiddenAt).Take(Shown)
            .Select(r => new HiddenItem(r.Content, r.ContentId, r.PostId, r.Author, r.Space, MarkdownContent.ExcerptOfHtml(r.BodyHtml, ExcerptLength), r.Reason ?? string.Empty, r.HiddenAt))
            .ToList();
    }

    private sealed record Row(ReportedContent Content, long ContentId, long? PostId, PersonRef Author, SpaceRef? Space, string BodyHtml, string? Reason, DateTime HiddenAt);
}

/// <summary>A hidden post or comment as its moderators find it, with the reason it was hidden for.</summary>
public sealed record HiddenItem(ReportedContent Content, long ContentId, long? PostId, PersonRef Author, SpaceRef? Space, string Excerpt, string HiddenReason, DateTime HiddenAt);
