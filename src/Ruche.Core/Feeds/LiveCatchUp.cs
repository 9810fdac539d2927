using Microsoft.EntityFrameworkCore;
using Ruche.Core.Common;
using Ruche.Core.Data;
using Ruche.Core.Feeds;
using Ruche.Core.Notifications;
using Ruche.Core.Posts;

namespace Ruche.Core.Feeds;

/// <summary>
/// What a connection missed while it was not listening (the page rendering before it connected, a dropped network, a
/// node restarting): live messages are not queued, so on every (re)connection the page asks for the present state of
/// what it shows, through the same read rules as the pages. Nothing is replayed that the reader may no longer see.
/// </summary>
public sealed class LiveCatchUp(RucheDbContext db, NotificationService notifications)
{
    /// <summary>Most posts on a page that a catch-up reports on, and most new posts it lists.</summary>
    public const int MaxPosts = 50;

    public async Task<CatchUpView> ReadAsync(Viewer viewer, CatchUpRequest request, CancellationToken cancellationToken)
    {
        var shown = request.PostIds ?? [];
        if (shown.Count > MaxPosts)
        {
            throw RucheException.Invalid("live.too-many-posts", $"A catch-up covers at most {MaxPosts} posts.");
        }

        var me = viewer.PersonId;
        var newPosts = await NewPostsAsync(me, request, cancellationToken);
        var visible = db.Posts.VisibleTo(me).Where(p => shown.Contains(p.Id)).Select(p => p.Id);
        var comments = await db.Comments.Where(c => visible.Contains(c.PostId))
            .GroupBy(c => c.PostId).Select(g => new { PostId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(c => c.PostId, c => c.Count, cancellationToken);
        var reactions = (await db.Reactions.Where(r => visible.Contains(r.PostId))
                .GroupBy(r => new { r.PostId, r.Kind }).Select(g => new { g.Key.PostId, g.Key.Kind, Count = g.Count() })
                .ToListAsync(cancellationToken))
            .ToLookup(r => r.PostId);
        var readable = await visible.ToListAsync(cancellationToken);
        var unread = await notifications.UnreadCountAsync(viewer, cancellationToken);

        var posts = readable.Order().Select(id => new PostCounts(
                id,
                comments.GetValueOrDefault(id),
                ReactionKinds.All.ToDictionary(ReactionKinds.Name, kind => reactions[id].Where(r => r.Kind == kind).Sum(r => r.Count), StringComparer.Ordinal)))
            .ToList();
        return new CatchUpView(newPosts, unread, posts);
    }

    /// <summary>
    /// Posts published since the page showed its newest one, in the feed it shows, oldest first: a greater id (ids grow
    /// as posts are written) and not older than that post (seeded or imported posts with greater ids but earlier dates
    /// sit further down the feed, not at its top).
    /// </summary>
    private async Task<IReadOnlyList<long>> NewPostsAsync(long me, CatchUpRequest request, CancellationToken cancellationToken)
    {
        if (request.Feed is null || request.AfterPostId is not { } after)
        {
            return [];
        }

        var posts = request.Feed switch
        {
            LiveFeeds.Home => FeedService.HomePosts(db, me),
            LiveFeeds.Company => FeedService.CompanyPosts(db, me),
            LiveFeeds.Space when request.SpaceId is { } spaceId => db.Posts.VisibleTo(me).Where(p => p.SpaceId == spaceId),
            _ => throw RucheException.Invalid("live.feed-unknown", $"Unknown feed '{request.Feed}'. Known: home, company, space (with a space id)."),
        };
        return await posts.Where(p => p.Id > after && !db.Posts.Any(shown => shown.Id == after && shown.CreatedAt > p.CreatedAt))
            .OrderBy(p => p.CreatedAt).ThenBy(p => p.Id).Select(p => p.Id).Take(MaxPosts).ToListAsync(cancellationToken);
    }
}

/// <param name="Feed">The live feed on screen (<see cref="LiveFeeds"/>), if any.</param>
/// <param name="AfterPostId">The newest post that feed showed.</param>
/// <param name="PostIds">The posts on screen whose comment and reaction counts to refresh (at most <see cref="LiveCatchUp.MaxPosts"/>).</param>
public sealed record CatchUpRequest(string? Feed, long? SpaceId, long? AfterPostId, IReadOnlyList<long>? PostIds);

/// <param name="NewPostIds">Posts the feed gained since it was shown, that the reader may see.</param>
/// <param name="Posts">Present counts of the posts on screen the reader may still see (others are left out).</param>
public sealed record CatchUpView(IReadOnlyList<long> NewPostIds, int Unread, IReadOnlyList<PostCounts> Posts);

public sealed record PostCounts(long PostId, int Comments, IReadOnlyDictionary<string, int> Reactions);
