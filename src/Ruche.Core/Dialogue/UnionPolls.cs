using Microsoft.EntityFrameworkCore;
using Ruche.Core.Common;
using Ruche.Core.Data;
using Ruche.Core.Notifications;
using Ruche.Core.Spaces;

namespace Ruche.Core.Dialogue;

/// <summary>
/// Polls in a union's space are a channel the agreement opens (ADR 15, 21): refused while no agreement in force allows
/// them. A delegate's poll needs nobody's validation and is announced to the employees who accept that union's polls
/// (or, when the agreement pushes by default, who did not refuse them); a member's poll is announced to nobody.
/// </summary>
public sealed class UnionPolls(RucheDbContext db, AgreementService agreements, Notifier notifier)
{
    /// <summary>
    /// Refuses a poll in a union's space unless the agreement in force opens polls, and a named poll in any space whose
    /// members are private (a union's, the staff representatives'): its voters' names would tell every reader who takes
    /// part. Any other space passes.
    /// </summary>
    public async Task RequireAllowedAsync(long? spaceId, bool anonymous, CancellationToken cancellationToken)
    {
        if (spaceId is not { } id)
        {
            return;
        }

        if (await db.Set<Union>().AnyAsync(u => u.SpaceId == id, cancellationToken) && !UnionChannel.Polls.IsOpenedBy(await agreements.InForceAsync(cancellationToken)))
        {
            throw RucheException.Forbidden("dialogue.polls-not-agreed", "No agreement in force opens polls in union spaces.");
        }

        if (!anonymous && await db.Spaces.AnyAsync(s => s.Id == id && s.KeepsMembersPrivate(), cancellationToken))
        {
            throw RucheException.Invalid("dialogue.union-poll-named", "A poll in a union or staff-representation space is anonymous: who votes there is nobody else's to see.");
        }
    }

    /// <summary>After the poll's post is saved: tells those who accept the union's polls, when a delegate published it.</summary>
    public async Task AnnounceAsync(Viewer viewer, long? spaceId, long postId, CancellationToken cancellationToken)
    {
        if (spaceId is not { } id)
        {
            return;
        }

        var me = viewer.PersonId;
        var union = await db.Set<Union>().Where(u => u.SpaceId == id && u.IsRunBy(me)).Select(u => (long?)u.Id).SingleOrDefaultAsync(cancellationToken);
        if (union is not { } unionId)
        {
            return;
        }

        var pushed = (await agreements.InForceAsync(cancellationToken))?.BroadcastsPushedByDefault ?? false;
        var recipients = await db.People
            .Where(p => p.IsActive && p.Id != me && db.Set<Union>().Any(u => u.Id == unionId && u.IsPushedTo(p.Id, UnionChannel.Polls, pushed)))
            .Select(p => p.Id)
            .ToListAsync(cancellationToken);
        await notifier.NotifyAsync(DialogueNotifications.Poll, me, recipients, postId);
    }
}
