using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Ruche.Core.Data;
using Ruche.Core.Live;
using Ruche.Core.Spaces;

namespace Ruche.Core.Posts;

/// <summary>
/// Tells the people who may read a post that something changed, once the change is committed. The audience is
/// read from the database at that moment, never kept in a per-node group that could go stale: a post in an open
/// space or on a profile goes to the company-wide group; a post in a private or secret space goes to the person
/// groups of its active members, so someone removed from a space hears nothing more from it, at once, on every node.
/// </summary>
public sealed class LiveEvents(RucheDbContext db, ILiveChannel channel, ILogger<LiveEvents> logger)
{
    /// <param name="inFeeds">
    /// False for a post the home and company feeds fold away (a daily goals check-in): no "new post" there, only in its
    /// space's feed.
    /// </param>
    public Task PostPublishedAsync(long postId, bool inFeeds = true) => LiveDelivery.TryAsync(logger, nameof(PostPublishedAsync), postId, async cancellationToken =>
    {
        var audience = await PostSubject.Instance.AudienceAsync(db, postId, cancellationToken);
        var post = await db.Posts.Where(p => p.Id == postId).Select(p => new { p.AuthorId, p.SpaceId }).SingleOrDefaultAsync(cancellationToken);
        if (!audience.Exists || post is null)
        {
            return;
        }

        if (audience.CompanyWide)
        {
            IReadOnlyList<string> feeds = [.. inFeeds ? [LiveFeeds.Company] : Array.Empty<string>(), .. post.SpaceId is null ? Array.Empty<string>() : [LiveFeeds.Space]];
            if (feeds.Count > 0)
            {
                await channel.Company<IPostsLiveClient>().PostPublished(new PostPublishedEvent(postId, post.SpaceId, feeds));
            }

            if (inFeeds)
            {
                var home = await HomeAudienceAsync(postId, post.AuthorId, post.SpaceId, cancellationToken);
                await channel.People<IPostsLiveClient>(home).PostPublished(new PostPublishedEvent(postId, post.SpaceId, [LiveFeeds.Home]));
            }
        }
        else
        {
            // Members have their spaces in their home feed; nobody else may know the post exists.
            IReadOnlyList<string> feeds = inFeeds ? [LiveFeeds.Home, LiveFeeds.Space] : [LiveFeeds.Space];
            await channel.People<IPostsLiveClient>(audience.People).PostPublished(new PostPublishedEvent(postId, post.SpaceId, feeds));
        }
    });

    public Task CommentsChangedAsync(long postId) => LiveDelivery.TryAsync(logger, nameof(CommentsChangedAsync), postId, async cancellationToken =>
    {
        if (await ReadersAsync(postId, cancellationToken) is { } readers)
        {
            var count = await db.Comments.CountAsync(c => c.PostId == postId, cancellationToken);
            await readers.CommentsChanged(new CommentsChangedEvent(postId, count));
        }
    });

    public Task ReactionsChangedAsync(long postId) => LiveDelivery.TryAsync(logger, nameof(ReactionsChangedAsync), postId, async cancellationToken =>
    {
        if (await ReadersAsync(postId, cancellationToken) is { } readers)
        {
            var counts = await db.Reactions.Where(r => r.PostId == postId).GroupBy(r => r.Kind)
                .Select(g => new { Kind = g.Key, Count = g.Count() })
                .ToDictionaryAsync(c => c.Kind, c => c.Count, cancellationToken);
            var all = ReactionKinds.All.ToDictionary(ReactionKinds.Name, kind => counts.GetValueOrDefault(kind), StringComparer.Ordinal);
            await readers.ReactionsChanged(new ReactionsChangedEvent(postId, all));
        }
    });

    /// <summary>
    /// Who may read the post now, by the reverse half of its read rule (<see cref="PostSubject"/>): the company group,
    /// or the person groups of its space's active members. Null when it is gone.
    /// </summary>
    private async Task<IPostsLiveClient?> ReadersAsync(long postId, CancellationToken cancellationToken) =>
        await Readers<IPostsLiveClient>(db, channel, postId, cancellationToken);

    /// <summary>
    /// The live client of whoever may read the post now, by the reverse half of its read rule (<see cref="PostSubject"/>):
    /// the company group, or the person groups of its space's active members. Null when it is gone. For features whose
    /// live messages are about a post (a day's goals).
    /// </summary>
    public static async Task<TClient?> Readers<TClient>(RucheDbContext db, ILiveChannel channel, long postId, CancellationToken cancellationToken)
        where TClient : class
    {
        var audience = await PostSubject.Instance.AudienceAsync(db, postId, cancellationToken);
        return !audience.Exists ? null : audience.CompanyWide ? channel.Company<TClient>() : channel.People<TClient>(audience.People);
    }

    /// <summary>
    /// Whose home feed a company-wide post enters: the inverse of <see cref="Feeds.FeedService.HomeAsync"/> (its author,
    /// the author's followers, the space's members and followers, the followers of its tags). LiveTests checks the two agree.
    /// </summary>
    private async Task<List<long>> HomeAudienceAsync(long postId, long? authorId, long? spaceId, CancellationToken cancellationToken)
    {
        var tags = db.PostTags.Where(t => t.PostId == postId).Select(t => t.Tag);
        var people = await db.PersonFollows.Where(f => f.FolloweeId == authorId).Select(f => f.FollowerId)
            .Union(db.SpaceMemberships.Where(m => m.SpaceId == spaceId && m.IsActive()).Select(m => m.PersonId))
            .Union(db.SpaceFollows.Where(f => f.SpaceId == spaceId).Select(f => f.PersonId))
            .Union(db.TagFollows.Where(f => tags.Contains(f.Tag)).Select(f => f.PersonId))
            .ToListAsync(cancellationToken);
        if (authorId is { } author && !people.Contains(author))
        {
            people.Add(author);
        }

        return people;
    }
}
