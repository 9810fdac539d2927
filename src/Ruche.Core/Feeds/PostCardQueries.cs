using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Ruche.Core.Common;
using Ruche.Core.Data;
using Ruche.Core.People;
using Ruche.Core.Posts;
using Ruche.Core.Spaces;

namespace Ruche.Core.Feeds;

/// <summary>
/// The card queries of every feed, compiled once (EF.CompileAsyncQuery). Every page runs them, and translating them
/// anew each time cost more than running their SQL: building the expression tree, extracting its parameters and
/// looking it up in EF's query cache took about a third of a page (see docs/adr/0010 and bench/README.md).
/// They take post ids that the caller's query already filtered by <see cref="PostQueries.VisibleTo"/>.
/// A compiled query keeps the SQL of the first database it ran on, so there is one set per model (per provider: one
/// in the app, both in the tests and benchmarks).
/// </summary>
internal sealed class PostCardQueries
{
    private static readonly ConditionalWeakTable<IModel, PostCardQueries> PerModel = [];

    public static PostCardQueries For(RucheDbContext db) => PerModel.GetValue(db.Model, _ => new PostCardQueries());

    /// <summary>The posts' own columns, author (with their status still in force at <c>now</c>), space and counts; in no order.</summary>
    public readonly Func<RucheDbContext, long[], DateTime, IAsyncEnumerable<PostCardRow>> Rows = EF.CompileAsyncQuery(
        (RucheDbContext db, long[] ids, DateTime now) => db.Posts
            .Where(p => ids.Contains(p.Id))
            .Select(p => new PostCardRow(
                p.Id,
                p.AuthorId == null ? null : PersonRefs.Of(p.Author!, now),
                p.Origin,
                p.SpaceId == null ? null : new SpaceRef(p.Space!.Id, p.Space.Name, p.Space.Visibility),
                p.Body,
                p.BodyHtml,
                p.CreatedAt,
                p.EditedAt,
                p.PinnedAt,
                p.SharedPostId,
                p.IsShare,
                p.Comments.Count(c => c.HiddenAt == null),
                db.GoalLists.Any(l => l.PostId == p.Id),
                db.Set<Polls.Poll>().Any(x => x.PostId == p.Id),
                db.Set<PostDocument>().Any(d => d.PostId == p.Id),
                p.HiddenAt == null ? null : p.HiddenReason ?? string.Empty)));

    public readonly Func<RucheDbContext, long[], IAsyncEnumerable<PostTagRow>> Tags = EF.CompileAsyncQuery(
        (RucheDbContext db, long[] ids) => db.PostTags.Where(t => ids.Contains(t.PostId)).Select(t => new PostTagRow(t.PostId, t.Tag)));

    public readonly Func<RucheDbContext, long[], IAsyncEnumerable<PostImageRow>> Images = EF.CompileAsyncQuery(
        (RucheDbContext db, long[] ids) => db.PostImages.Where(i => ids.Contains(i.PostId)).OrderBy(i => i.Position).Select(i => new PostImageRow(i.PostId, i.FileId, db.Files.Where(f => f.Id == i.FileId).Select(f => f.AltText).FirstOrDefault())));

    /// <summary>Reactions counted by post and kind, with whether the reader is among them.</summary>
    public readonly Func<RucheDbContext, long[], long, IAsyncEnumerable<PostReactionRow>> Reactions = EF.CompileAsyncQuery(
        (RucheDbContext db, long[] ids, long readerId) => db.Reactions
            .Where(r => ids.Contains(r.PostId))
            .GroupBy(r => new { r.PostId, r.Kind })
            .Select(g => new PostReactionRow(g.Key.PostId, g.Key.Kind, g.Count(), g.Count(r => r.PersonId == readerId))));

    /// <summary>
    /// Among the given posts, those the reader moderates (<see cref="PostQueries.IsModeratedBy"/>), and whether they
    /// moderate the post's space (pinning is for space moderators only).
    /// </summary>
    public readonly Func<RucheDbContext, long[], long, bool, IAsyncEnumerable<PostModerationRow>> Moderation = EF.CompileAsyncQuery(
        (RucheDbContext db, long[] ids, long readerId, bool administrator) => db.Posts
            .Where(p => ids.Contains(p.Id) && p.IsModeratedBy(readerId, administrator))
            .Select(p => new PostModerationRow(p.Id, p.SpaceId != null && p.Space!.IsModeratedBy(readerId))));
}

internal sealed record PostModerationRow(long PostId, bool ModeratesSpace);

internal sealed record PostCardRow(
    long Id,
    PersonRef? Author,
    PostOrigin Origin,
    SpaceRef? Space,
    string Body,
    string BodyHtml,
    DateTime CreatedAt,
    DateTime? EditedAt,
    DateTime? PinnedAt,
    long? SharedPostId,
    bool IsShare,
    int CommentCount,
    bool HasGoals,
    bool HasPoll,
    bool HasDocuments,
    string? HiddenReason);

internal sealed record PostTagRow(long PostId, string Tag);

internal sealed record PostImageRow(long PostId, Guid FileId, string? AltText);

internal sealed record PostReactionRow(long PostId, ReactionKind Kind, int Count, int Mine);
