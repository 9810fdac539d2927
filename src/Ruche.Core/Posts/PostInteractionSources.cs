using Microsoft.EntityFrameworkCore;
using Ruche.Core.Data;
using Ruche.Core.Influence;
using Ruche.Core.Spaces;

namespace Ruche.Core.Posts;

// The influence graph's acts on posts (ADR 24): one projected, untracked query each, never in a union or
// staff-representation space, never on hidden content or on what Ruche wrote itself. Acts name their post only: the
// posts are declared once (PostsActsAreAbout), and an act about a post not declared there never enters.

/// <summary>
/// Not an act: the posts acts may be about (visible, written by a person, outside union and staff-representation
/// spaces), with their author and space. The acts below name only the post; the graph takes its author and space from
/// here, once per post instead of once per act.
/// </summary>
internal sealed class PostsActsAreAbout : IInteractionSource
{
    public string Name => "posts";

    public async Task ReadAsync(RucheDbContext db, InteractionWindow window, IInteractionSink sink, CancellationToken cancellationToken)
    {
        var rows = db.Set<Post>().AsNoTracking()
            .Where(p => p.AuthorId != null && p.HiddenAt == null && (p.SpaceId == null || !p.Space!.KeepsMembersPrivate()))
            .Select(p => new { p.Id, AuthorId = p.AuthorId!.Value, p.SpaceId });
        await InteractionQuery.ReadPostsAsync(rows, db, sink, cancellationToken);
    }
}

/// <summary>A reacted to B's post.</summary>
internal sealed class ReactionInteractions : IInteractionSource
{
    public string Name => "reactions";

    public async Task ReadAsync(RucheDbContext db, InteractionWindow window, IInteractionSink sink, CancellationToken cancellationToken)
    {
        var rows = db.Set<Reaction>().AsNoTracking()
            .Where(r => r.CreatedAt >= window.From && r.CreatedAt <= window.To)
            .Select(r => new { r.PersonId, r.CreatedAt, r.PostId });
        await InteractionQuery.ReadAboutPostsAsync(rows, db, InteractionKind.Reaction, sink, cancellationToken);
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
            .Select(c => new { c.AuthorId, c.CreatedAt, c.PostId });
        await InteractionQuery.ReadAboutPostsAsync(rows, db, InteractionKind.Comment, sink, cancellationToken);
    }
}

/// <summary>A replied to B's comment (about the post both are under).</summary>
internal sealed class ReplyInteractions : IInteractionSource
{
    public string Name => "replies";

    public async Task ReadAsync(RucheDbContext db, InteractionWindow window, IInteractionSink sink, CancellationToken cancellationToken)
    {
        var rows = db.Set<Comment>().AsNoTracking()
            .Where(c => c.ParentCommentId != null && c.HiddenAt == null && c.CreatedAt >= window.From && c.CreatedAt <= window.To)
            .Join(db.Set<Comment>(), c => c.ParentCommentId, parent => parent.Id, (c, parent) => new { c, parent })
            .Where(x => x.parent.HiddenAt == null)
            .Select(x => new { x.c.AuthorId, ParentAuthorId = x.parent.AuthorId, x.c.CreatedAt, x.c.PostId });
        await InteractionQuery.ReadAboutPostsAsync(rows, db, InteractionKind.Reply, sink, cancellationToken);
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
            .Select(s => new { SharerId = s.AuthorId!.Value, s.CreatedAt, PostId = s.SharedPostId!.Value });
        await InteractionQuery.ReadAboutPostsAsync(rows, db, InteractionKind.Share, sink, cancellationToken);
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
