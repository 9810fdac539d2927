using Microsoft.EntityFrameworkCore;
using Ruche.Core.Data;
using Ruche.Core.Notifications;
using Ruche.Core.Posts;
using Ruche.Core.Spaces;

namespace Ruche.Demo.Notifications;

/// <summary>
/// The demo's last two weeks of reactions, comments and mentions, folded into notification groups as
/// <see cref="Notifier"/> would have folded them live (the activity is written in bulk, not through the services), so a
/// demo person opens a realistic notification centre. Older groups are already read.
/// </summary>
internal static class DemoNotifications
{
    private static readonly TimeSpan Window = TimeSpan.FromDays(14);
    private static readonly TimeSpan StillUnread = TimeSpan.FromDays(3);

    public static async Task WriteAsync(RucheDbContext db, DateTime now, CancellationToken cancellationToken)
    {
        var since = now - Window;
        var postsFrom = since - Window;
        // Posts Ruche wrote (weekly recaps) have nobody to tell.
        var posts = db.Posts.Where(p => p.CreatedAt >= postsFrom && p.AuthorId != null);
        var reactions = (await db.Reactions.Where(r => r.CreatedAt >= since)
                .Join(posts, r => r.PostId, p => p.Id, (r, p) => new { p.AuthorId, PostId = p.Id, r.PersonId, r.CreatedAt })
                .ToListAsync(cancellationToken))
            .Select(r => new Event(PostNotifications.Reaction.Name, r.AuthorId!.Value, r.PostId, r.PersonId, r.CreatedAt));
        var comments = (await db.Comments.Where(c => c.CreatedAt >= since)
                .Join(posts, c => c.PostId, p => p.Id, (c, p) => new { p.AuthorId, PostId = p.Id, CommenterId = c.AuthorId, c.CreatedAt })
                .ToListAsync(cancellationToken))
            .Select(c => new Event(PostNotifications.Comment.Name, c.AuthorId!.Value, c.PostId, c.CommenterId, c.CreatedAt));

        // Mentions reach only people who may read the post (the post's own read rule, as the notifier applies it).
        var mentions = (await db.PostMentions
                .Join(posts.Where(p => p.CreatedAt >= since), m => m.PostId, p => p.Id, (m, p) => new
                {
                    m.PersonId, PostId = p.Id, p.AuthorId, p.CreatedAt, p.SpaceId,
                    Readable = p.IsReadableBy(m.PersonId),
                })
                .ToListAsync(cancellationToken))
            .Where(m => m.Readable)
            .Select(m => new Event(PostNotifications.Mention.Name, m.PersonId, m.PostId, m.AuthorId!.Value, m.CreatedAt));

        foreach (var group in reactions.Concat(comments).Concat(mentions).Where(e => e.ActorId != e.RecipientId)
                     .GroupBy(e => (e.Kind, e.RecipientId, e.PostId)))
        {
            var actors = group.GroupBy(e => e.ActorId).Select(a => new NotificationActor { PersonId = a.Key, ActedAt = a.Max(e => e.At) }).ToList();
            var updated = actors.Max(a => a.ActedAt);
            db.Notifications.Add(new Notification
            {
                RecipientId = group.Key.RecipientId,
                Kind = group.Key.Kind,
                GroupKey = Notifier.GroupKey(PostNotifications.All.Single(k => k.Name == group.Key.Kind), group.Key.PostId),
                SubjectKind = PostSubject.Kind,
                SubjectId = group.Key.PostId,
                ActorCount = actors.Count,
                Actors = actors,
                IsRead = now - updated > StillUnread,
                CreatedAt = group.Min(e => e.At),
                UpdatedAt = updated,
            });
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private sealed record Event(string Kind, long RecipientId, long PostId, long ActorId, DateTime At);
}
