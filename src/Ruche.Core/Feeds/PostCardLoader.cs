using Microsoft.EntityFrameworkCore;
using Ruche.Core.Common;
using Ruche.Core.Data;
using Ruche.Core.Polls;
using Ruche.Core.Posts;
using Ruche.Core.Spaces;

namespace Ruche.Core.Feeds;

/// <summary>
/// Turns a filtered query of posts into cards with a fixed number of SQL commands, whatever the page
/// size: the page's ids, then its rows, tags, images, reactions, shared originals and the reader's moderation rights
/// (<see cref="PostCardQueries"/>, compiled once).
/// </summary>
public sealed class PostCardLoader(RucheDbContext db, Goals.GoalListLoader goalLists, PollReader polls, TimeProvider time)
{
    public async Task<Page<PostCard>> PageAsync(Viewer viewer, IQueryable<Post> posts, string? cursor, int? pageSize, CancellationToken cancellationToken)
    {
        var size = Cursor.PageSize(pageSize);
        if (FeedCursor.Parse(cursor) is { } last)
        {
            posts = posts.After(last);
        }

        var cards = await LoadAsync(viewer, posts.NewestFirst().Take(size + 1), cancellationToken);
        var hasMore = cards.Count > size;
        var items = hasMore ? cards.Take(size).ToList() : cards;
        return new Page<PostCard>(items, hasMore ? FeedCursor.Format(items[^1].CreatedAt, items[^1].Id) : null);
    }

    /// <summary>Loads cards for an ordered, already visibility-filtered query.</summary>
    public async Task<List<PostCard>> LoadAsync(Viewer viewer, IQueryable<Post> orderedPosts, CancellationToken cancellationToken)
    {
        // One connection for the page's queries, not one opening per query.
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            return await LoadOpenAsync(viewer, orderedPosts, cancellationToken);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private async Task<List<PostCard>> LoadOpenAsync(Viewer viewer, IQueryable<Post> orderedPosts, CancellationToken cancellationToken)
    {
        var ids = await orderedPosts.Select(p => p.Id).ToArrayAsync(cancellationToken);
        if (ids.Length == 0)
        {
            return [];
        }

        var queries = PostCardQueries.For(db);
        var rows = (await queries.Rows(db, ids, time.UtcNow()).ToListAsync(cancellationToken)).ToDictionary(r => r.Id);
        var tags = (await queries.Tags(db, ids).ToListAsync(cancellationToken)).ToLookup(t => t.PostId, t => t.Tag);
        var images = (await queries.Images(db, ids).ToListAsync(cancellationToken)).ToLookup(i => i.PostId, i => new PostImageView(i.FileId, i.AltText));
        var reactions = (await queries.Reactions(db, ids, viewer.PersonId).ToListAsync(cancellationToken))
            .ToLookup(r => r.PostId, r => new ReactionCount(r.Kind, r.Count, r.Mine > 0));

        var sharedIds = rows.Values.Where(r => r.SharedPostId != null).Select(r => r.SharedPostId!.Value).Distinct().ToList();
        var visibleShared = sharedIds.Count == 0
            ? []
            : await db.Posts.VisibleTo(viewer.PersonId).Where(p => sharedIds.Contains(p.Id)).Select(p => p.Id).ToArrayAsync(cancellationToken);
        var shared = visibleShared.Length == 0
            ? []
            : (await queries.Rows(db, visibleShared, time.UtcNow()).ToListAsync(cancellationToken)).ToDictionary(r => r.Id);

        var moderation = (await queries.Moderation(db, ids, viewer.PersonId, viewer.IsAdministrator).ToListAsync(cancellationToken))
            .ToDictionary(m => m.PostId, m => m.ModeratesSpace);

        // Daily goals posts bring their list (three more queries, only on pages that hold one).
        var goalPostIds = rows.Values.Where(r => r.HasGoals).Select(r => r.Id).ToList();
        var goals = goalPostIds.Count == 0
            ? []
            : (await goalLists.LoadAsync(viewer, db.GoalLists.Where(l => goalPostIds.Contains(l.PostId)), cancellationToken)).ToDictionary(l => l.PostId);

        // Posts with a poll bring it (a few more queries, only on pages that hold one).
        var pollPostIds = rows.Values.Where(r => r.HasPoll).Select(r => r.Id).ToList();
        IReadOnlyDictionary<long, PollView> pollViews = pollPostIds.Count == 0 ? new Dictionary<long, PollView>() : await polls.LoadAsync(viewer, pollPostIds, cancellationToken);

        // Posts with documents list them (one more query, only on pages that hold one).
        var documentPostIds = rows.Values.Where(r => r.HasDocuments).Select(r => r.Id).ToList();
        var documents = documentPostIds.Count == 0 ? null : await PostDocuments.OfPostsAsync(db, documentPostIds, cancellationToken);

        // The ids keep the caller's order; a post deleted between the two reads is left out.
        return ids.Where(rows.ContainsKey).Select(id =>
        {
            var r = rows[id];
            var mine = r.Author?.Id == viewer.PersonId;
            var moderates = moderation.TryGetValue(r.Id, out var moderatesSpace);
            return new PostCard(
                r.Id,
                r.Author,
                r.Origin,
                r.Space,
                r.Body,
                r.BodyHtml,
                r.CreatedAt,
                r.EditedAt,
                r.PinnedAt,
                tags[r.Id].Order(StringComparer.Ordinal).ToList(),
                images[r.Id].Select(i => i.Id).ToList(),
                r.CommentCount,
                reactions[r.Id].OrderBy(c => c.Kind).ToList(),
                r.SharedPostId is null && !r.IsShare ? null : SharedCard(r.SharedPostId, shared),
                PostRights.Of(mine, moderatesSpace, moderates),
                goals.GetValueOrDefault(r.Id),
                r.HiddenReason,
                pollViews.GetValueOrDefault(r.Id),
                images[r.Id].ToList(),
                documents?[r.Id].ToList());
        }).ToList();
    }

    private static SharedPostCard SharedCard(long? id, Dictionary<long, PostCardRow> shared) =>
        id is { } sharedId && shared.TryGetValue(sharedId, out var original)
            ? new SharedPostCard(true, original.Id, original.Author, original.Space, original.BodyHtml, original.CreatedAt)
            : new SharedPostCard(false, null, null, null, null, null);
}
