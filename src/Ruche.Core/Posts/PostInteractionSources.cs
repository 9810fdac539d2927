using Microsoft.EntityFrameworkCore;
using Ruche.Core.Data;
using Ruche.Core.Influence;
using Ruche.Core.Spaces;

namespace Ruche.Core.Posts;

// The influence graph's acts on posts (ADR 24): one projected, untracked query each, never in a union or
// staff-representation space, never on hidden content or on what Ruche wrote itself.

/// <summary>A reacted to B's post.</summary>
internal sealed class ReactionInteractions : IInteractionSource
{
    public string Name => "reactions";

    public async Task ReadAsync(RucheDbContext db, InteractionWindow window, IInteractionSink sink, CancellationToken cancellationToken)
    {
        var rows = db.Set<Reaction>().AsNoTracking()
            .Where(r => r.CreatedAt >= window.From && r.CreatedAt <= window.To)
            .Join(db.Set<Post>(), r => r.PostId, p => p.Id, (r, p) => new { r, p })
            .Where(x => x.p.AuthorId != null && x.p.HiddenAt == null && (x.p.SpaceId == null || !x.p.Space!.KeepsMembersPrivate()))
            .Select(x => new { x.r.PersonId, AuthorId = x.p.AuthorId!.Value, x.r.CreatedAt, x.p.SpaceId, x.r.PostId });
        await InteractionQuery.ReadAsync(rows, db, InteractionKind.Reaction, sink, cancellationToken);
    }
}

/// <summary>A commented on B's post (top-level comments).</summary>
internal sealed class CommentInteractions : IInteractionSource
{
    public string Name => "comments";

    public async Task ReadAsync(RucheDbContext db, InteractionWindow window, IInteractionSink sink, CancellationToken cancellationToken)
    {
        var rows = db.Set<Comment>().AsNoTracking()
            .Where(c => c.ParentCommentId == null && c.HiddenAt == null && c.CreatedAt >= window.From && c.CreatedAt <= window.To)
            .Join(db.Set<Post>(), c => c.PostId, p => p.Id, (c, p) => new { c, p })
            .Where(x => x.p.AuthorId != null && x.p.HiddenAt == null && (x.p.SpaceId == null || !x.p.Space!.KeepsMembersPrivate()))
            .Select(x => new { x.c.AuthorId, PostAuthorId = x.p.AuthorId!.Value, x.c.CreatedAt, x.p.SpaceId, x.c.PostId });
        await InteractionQuery.ReadAsync(rows, db, InteractionKind.Comment, sink, cancellationToken);
    }
}

/// <summary>A replied to B's comment.</summary>
internal sealed class ReplyInteractions : IInteractionSource
{
    public string Name => "replies";

    public async Task ReadAsync(RucheDbContext db, InteractionWindow window, IInteractionSink sink, CancellationToken cancellationToken)
    {
        var rows = db.Set<Comment>().AsNoTracking()
            .Where(c => c.ParentCommentId != null && c.HiddenAt == null && c.CreatedAt >= window.From && c.CreatedAt <= window.To)
            .Join(db.Set<Comment>(), c => c.ParentCommentId, parent => parent.Id, (c, parent) => new { c, parent })
            .Join(db.Set<Post>(), x => x.c.PostId, p => p.Id, (x, p) => new { x.c, x.parent, p })
            .Where(x => x.parent.HiddenAt == null && x.p.HiddenAt == null && (x.p.SpaceId == null || !x.p.Space!.KeepsMembersPrivate()))
            .Select(x => new { x.c.AuthorId, ParentAuthorId = x.parent.AuthorId, x.c.CreatedAt, x.p.SpaceId, x.c.PostId });
        await InteractionQuery.ReadAsync(rows, db, InteractionKind.Reply, sink, cancellationToken);
    }
}

/// <summary>A mentioned B in a post (at the post's time).</summary>
internal sealed class MentionInteractions : IInteractionSource
{
    public string Name => "mentions";

    public async Task ReadAsync(RucheDbContext db, InteractionWindow window, IInteractionSink sink, CancellationToken cancellationToken)
    {
        var rows = db.Set<PostMention>().AsNoTracking()
            .Join(db.Set<Post>(), m => m.PostId, p => p.Id, (m, p) => new { m, p })
            .Where(x => x.p.AuthorId != null && x.p.HiddenAt == null && x.p.CreatedAt >= window.From && x.p.CreatedAt <= window.To
                && (x.p.SpaceId == null || !x.p.Space!.KeepsMembersPrivate()))
            .Select(x => new { AuthorId = x.p.AuthorId!.Value, x.m.PersonId, x.p.CreatedAt, x.p.SpaceId, x.m.PostId });
        await InteractionQuery.ReadAsync(rows, db, InteractionKind.Mention, sink, cancellationToken);
    }
}

/// <summary>A shared B's post (neither the share nor the original in a union or staff-representation space).</summary>
internal sealed class ShareInteractions : IInteractionSource
{
    public string Name => "shares";

    public async Task ReadAsync(RucheDbContext db, InteractionWindow window, IInteractionSink sink, CancellationToken cancellationToken)
    {
        var rows = db.Set<Post>().AsNoTracking()
            .Where(s => s.SharedPostId != null && s.AuthorId != null && s.HiddenAt == null && s.CreatedAt >= window.From && s.CreatedAt <= window.To
                && (s.SpaceId == null || !s.Space!.KeepsMembersPrivate()))
            .Join(db.Set<Post>(), s => s.SharedPostId, p => p.Id, (s, p) => new { s, p })
            .Where(x => x.p.AuthorId != null && x.p.HiddenAt == null && (x.p.SpaceId == null || !x.p.Space!.KeepsMembersPrivate()))
            .Select(x => new { SharerId = x.s.AuthorId!.Value, AuthorId = x.p.AuthorId!.Value, x.s.CreatedAt, x.p.SpaceId, PostId = x.p.Id });
        await InteractionQuery.ReadAsync(rows, db, InteractionKind.Share, sink, cancellationToken);
    }
}

/// <summary>
/// Not an act: the tags of the posts acts may be about (posts of the window and of the year before it, outside union
/// and staff-representation spaces), so that "voices per topic" can group them.
/// </summary>
internal sealed class PostTopics : IInteractionSource
{
    public string Name => "post-tags";

    public async Task ReadAsync(RucheDbContext db, InteractionWindow window, IInteractionSink sink, CancellationToken cancellationToken)
    {
        var since = window.From.AddDays(-365);
        var rows = db.Set<PostTag>().AsNoTracking()
            .Join(db.Set<Post>(), t => t.PostId, p => p.Id, (t, p) => new { t, p })
            .Where(x => x.p.CreatedAt >= since && x.p.CreatedAt <= window.To && (x.p.SpaceId == null || !x.p.Space!.KeepsMembersPrivate()))
            .Select(x => new { x.t.PostId, x.t.Tag });
        await foreach (var row in rows.AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            sink.TagPost(row.PostId, row.Tag);
        }
    }
}
