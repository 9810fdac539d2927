using Microsoft.EntityFrameworkCore;
using Ruche.Core.Common;
using Ruche.Core.Data;
using Ruche.Core.Notifications;

namespace Ruche.Core.Posts;

/// <summary>Reactions are idempotent: adding one twice or removing one that is not there changes nothing.</summary>
public sealed class ReactionService(RucheDbContext db, PostService posts, LiveEvents live, Notifier notifier, TimeProvider time)
{
    public async Task AddAsync(Viewer viewer, long postId, ReactionKind kind, CancellationToken cancellationToken)
    {
        var authors = await posts.RequireVisibleAsync(viewer, postId, cancellationToken);
        if (await db.Reactions.AnyAsync(r => r.PostId == postId && r.PersonId == viewer.PersonId && r.Kind == kind, cancellationToken))
        {
            return;
        }

        db.Reactions.Add(new Reaction { PostId = postId, PersonId = viewer.PersonId, Kind = kind, CreatedAt = time.UtcNow() });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // A concurrent identical request may have won the race: then the reaction is there, as asked.
            db.ChangeTracker.Clear();
            if (!await db.Reactions.AnyAsync(r => r.PostId == postId && r.PersonId == viewer.PersonId && r.Kind == kind, cancellationToken))
            {
                throw;
            }

            return;
        }

        await live.ReactionsChangedAsync(postId);
        await notifier.NotifyAsync(PostNotifications.Reaction, viewer.PersonId, authors, postId);
    }

    public async Task RemoveAsync(Viewer viewer, long postId, ReactionKind kind, CancellationToken cancellationToken)
    {
        await posts.RequireVisibleAsync(viewer, postId, cancellationToken);
        if (await db.Reactions.Where(r => r.PostId == postId && r.PersonId == viewer.PersonId && r.Kind == kind).ExecuteDeleteAsync(cancellationToken) > 0)
        {
            await live.ReactionsChangedAsync(postId);
        }
    }
}
