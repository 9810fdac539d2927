using Microsoft.EntityFrameworkCore;
using NodaTime;
using Ruche.Core.Common;
using Ruche.Core.Content;
using Ruche.Core.Data;
using Ruche.Core.Goals;
using Ruche.Core.Posts;
using Ruche.Core.Spaces;
using Ruche.Core.WorkTime;

namespace Ruche.Core.Feeds;

/// <summary>
/// The feeds, newest first by created time with keyset pagination (<see cref="FeedCursor"/>). Each starts from
/// <see cref="PostQueries.VisibleTo"/>, so none can show a post its reader may not see.
/// </summary>
public sealed class FeedService(RucheDbContext db, PostCardLoader loader, GoalListLoader goalLists, SpaceService spaces, TimeProvider time)
{
    /// <summary>One post as its reader sees it (with what they may do to it), or "not found".</summary>
    public async Task<PostCard> PostAsync(Viewer viewer, long postId, CancellationToken cancellationToken) =>
        (await loader.LoadAsync(viewer, db.Posts.OpenableBy(viewer).Where(p => p.Id == postId), cancellationToken)).SingleOrDefault()
        ?? throw RucheException.NotFound("post.not-found", "No such post.");

    /// <summary>
    /// Tags starting with <paramref name="prefix"/> that the reader may see used (on a post they may read), the most used
    /// first: a tag only used in a space the reader cannot read is never suggested. For the composer's #-autocomplete.
    /// </summary>
    public async Task<IReadOnlyList<TagSuggestion>> SuggestTagsAsync(Viewer viewer, string? prefix, int limit, CancellationToken cancellationToken)
    {
        var key = Tags.Normalize(prefix?.Trim().TrimStart('#'));
        if (key is null)
        {
            return [];
        }

        var readable = db.Posts.VisibleTo(viewer.PersonId).Select(p => p.Id);
        var found = await db.PostTags
            .Where(t => t.Tag.StartsWith(key) && readable.Contains(t.PostId))
            .GroupBy(t => t.Tag)
            .Select(g => new { Tag = g.Key, Count = g.Count() })
            .OrderByDescending(g => g.Count).ThenBy(g => g.Tag)
            .Take(Math.Clamp(limit, 1, 20))
            .ToListAsync(cancellationToken);
        return found.Select(g => new TagSuggestion(g.Tag, g.Count)).ToList();
    }

    /// <summary>Every post the reader may see, optionally narrowed to a space, an author or a tag.</summary>
    public Task<Page<PostCard>> AllAsync(Viewer viewer, PostFilter filter, string? cursor, int? pageSize, CancellationToken cancellationToken)
    {
        var posts = db.Posts.VisibleTo(viewer.PersonId);
        if (filter.SpaceId is { } spaceId)
        {
            posts = posts.Where(p => p.SpaceId == spaceId);
        }

        if (filter.AuthorId is { } authorId)
        {
            posts = posts.Where(p => p.AuthorId == authorId);
        }

        if (filter.Tag is not null)
        {
            var key = Tags.Normalize(filter.Tag) ?? throw RucheException.Invalid("tag.invalid", "Not a valid tag.");
            posts = posts.Where(p => db.PostTags.Any(t => t.PostId == p.Id && t.Tag == key));
        }

        return loader.PageAsync(viewer, posts, cursor, pageSize, cancellationToken);
    }

    /// <summary>
    /// My posts, people and tags I follow, spaces I am in or follow; daily goals check-ins are not among them (they
    /// would drown people's posts: a team of ten posts ten a day) but folded into <see cref="HomeGoalsTodayAsync"/>.
    /// </summary>
    public Task<Page<PostCard>> HomeAsync(Viewer viewer, string? cursor, int? pageSize, CancellationToken cancellationToken) =>
        loader.PageAsync(viewer, HomePosts(db, viewer.PersonId), cursor, pageSize, cancellationToken);

    /// <summary>
    /// Today's goals (the reader's local date) of the people whose check-ins the home feed would show: one card on
    /// the home page instead of one post each. By name, the reader's own first.
    /// </summary>
    public async Task<IReadOnlyList<GoalListView>> HomeGoalsTodayAsync(Viewer viewer, CancellationToken cancellationToken)
    {
        var me = viewer.PersonId;
        var zone = await db.People.Where(p => p.Id == me).Select(p => p.TimeZone).SingleAsync(cancellationToken);
        var today = Instant.FromDateTimeUtc(time.UtcNow()).InZone(WorkCalendar.Zone(zone)).Date.ToDateOnly();
        var reach = HomeReach(db, me);
        var lists = await goalLists.LoadAsync(viewer, db.GoalLists.Where(l => l.LocalDate == today && reach.Any(p => p.Id == l.PostId)), cancellationToken);
        return lists.OrderBy(l => l.Person.Id != me).ThenBy(l => l.Person.DisplayName, StringComparer.CurrentCulture).ThenBy(l => l.Id).ToList();
    }

    /// <summary>Everything company-wide: open spaces and profiles, but daily goals check-ins (the goals pages show them).</summary>
    public Task<Page<PostCard>> CompanyAsync(Viewer viewer, string? cursor, int? pageSize, CancellationToken cancellationToken) =>
        loader.PageAsync(viewer, CompanyPosts(db, viewer.PersonId), cursor, pageSize, cancellationToken);

    /// <summary>The posts of a person's home feed: <see cref="HomeReach"/> but daily goals check-ins.</summary>
    internal static IQueryable<Post> HomePosts(RucheDbContext db, long me) =>
        HomeReach(db, me).Where(p => !db.GoalLists.Any(l => l.PostId == p.Id));

    /// <summary>What reaches a person's home: their posts, and those of the people, spaces and tags they follow or belong to.</summary>
    internal static IQueryable<Post> HomeReach(RucheDbContext db, long me) =>
        db.Posts.VisibleTo(me).Where(p =>
            p.AuthorId == me
            || db.PersonFollows.Any(f => f.FollowerId == me && f.FolloweeId == p.AuthorId)
            || db.SpaceMemberships.Any(m => m.PersonId == me && m.SpaceId == p.SpaceId && m.IsActive())
            || db.SpaceFollows.Any(f => f.PersonId == me && f.SpaceId == p.SpaceId)
            || p.Tags.Any(t => db.TagFollows.Any(f => f.PersonId == me && f.Tag == t.Tag)));

    /// <summary>The posts of the company feed: those of open spaces and profiles, but daily goals check-ins.</summary>
    internal static IQueryable<Post> CompanyPosts(RucheDbContext db, long me) =>
        db.Posts.VisibleTo(me).Where(p => p.IsCompanyWide() && !db.GoalLists.Any(l => l.PostId == p.Id));

    public async Task<SpaceFeed> SpaceAsync(Viewer viewer, long spaceId, string? cursor, int? pageSize, CancellationToken cancellationToken)
    {
        var space = await spaces.GetReadableAsync(viewer, spaceId, "Only members read this space's posts.", cancellationToken);

        var posts = db.Posts.VisibleTo(viewer.PersonId).Where(p => p.SpaceId == spaceId);
        var pinned = cursor is null
            ? await loader.LoadAsync(viewer, posts.Where(p => p.PinnedAt != null).OrderByDescending(p => p.PinnedAt), cancellationToken)
            : [];
        return new SpaceFeed(space, pinned, await loader.PageAsync(viewer, posts, cursor, pageSize, cancellationToken));
    }

    public Task<Page<PostCard>> TagAsync(Viewer viewer, string tag, string? cursor, int? pageSize, CancellationToken cancellationToken) =>
        AllAsync(viewer, new PostFilter(Tag: tag), cursor, pageSize, cancellationToken);

    /// <summary>A person's posts, wherever they posted them, as far as the reader may see.</summary>
    public async Task<Page<PostCard>> ProfileAsync(Viewer viewer, long personId, string? cursor, int? pageSize, CancellationToken cancellationToken)
    {
        if (!await db.People.AnyAsync(p => p.Id == personId, cancellationToken))
        {
            throw RucheException.NotFound("person.not-found", "No such person.");
        }

        var posts = db.Posts.VisibleTo(viewer.PersonId).Where(p => p.AuthorId == personId);
        return await loader.PageAsync(viewer, posts, cursor, pageSize, cancellationToken);
    }
}

public sealed record PostFilter(long? SpaceId = null, long? AuthorId = null, string? Tag = null);

public sealed record SpaceFeed(SpaceSummary Space, IReadOnlyList<PostCard> Pinned, Page<PostCard> Posts);

/// <summary>A tag the reader may use, with how many posts they can read carry it.</summary>
public sealed record TagSuggestion(string Tag, int PostCount);
