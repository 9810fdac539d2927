using Microsoft.EntityFrameworkCore;
using Ruche.Core.Data;
using Ruche.Core.Influence;
using Ruche.Core.Posts;
using Ruche.Core.Spaces;

namespace Ruche.Core.Recognition;

// Recognition's acts in the influence graph (ADR 24): one projected, untracked query each.

/// <summary>
/// A thanked B. Only thanks to a person: a thank-you to a team is no act towards each member (spreading it would give
/// every member of a large team the same edge, and say who belongs to which team), so it enters the graph as nothing.
/// Kudos never go to union spaces, and thanks to a person carry no space. A kudos moderators hid counts for nothing.
/// </summary>
internal sealed class KudosInteractions : IInteractionSource
{
    public string Name => "thanks";

    public async Task ReadAsync(RucheDbContext db, InteractionWindow window, IInteractionSink sink, CancellationToken cancellationToken)
    {
        var rows = db.Set<Kudos>().AsNoTracking()
            .Where(k => k.PersonId != null && k.HiddenAt == null && k.CreatedAt >= window.From && k.CreatedAt < window.To)
            .Select(k => new { k.GiverId, PersonId = k.PersonId!.Value, k.CreatedAt });
        await foreach (var row in rows.AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            sink.Add(InteractionKind.Thanks, row.GiverId, row.PersonId, row.CreatedAt, null, null);
        }
    }
}

/// <summary>A (a post's author) marked B's comment helpful; never in a union or staff-representation space, never on hidden content.</summary>
internal sealed class HelpfulInteractions : IInteractionSource
{
    public string Name => "helpful";

    public async Task ReadAsync(RucheDbContext db, InteractionWindow window, IInteractionSink sink, CancellationToken cancellationToken)
    {
        var rows = db.Set<HelpfulMark>().AsNoTracking()
            .Where(m => m.MarkedAt >= window.From && m.MarkedAt < window.To)
            .Join(db.Set<Comment>(), m => m.CommentId, c => c.Id, (m, c) => new { m, c })
            .Join(db.Set<Post>(), x => x.m.PostId, p => p.Id, (x, p) => new { x.m, x.c, p })
            .Where(x => x.p.AuthorId != null && x.c.HiddenAt == null && x.p.HiddenAt == null && (x.p.SpaceId == null || !x.p.Space!.KeepsMembersPrivate()))
            .Select(x => new { MarkerId = x.p.AuthorId!.Value, x.c.AuthorId, x.m.MarkedAt, x.p.SpaceId, x.m.PostId });
        await foreach (var row in rows.AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            sink.Add(InteractionKind.Helpful, row.MarkerId, row.AuthorId, row.MarkedAt, row.SpaceId, row.PostId);
        }
    }
}
