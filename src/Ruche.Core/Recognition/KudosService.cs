using Microsoft.EntityFrameworkCore;
using Ruche.Core.Common;
using Ruche.Core.Data;
using Ruche.Core.Notifications;
using Ruche.Core.Spaces;

namespace Ruche.Core.Recognition;

/// <summary>
/// Giving kudos: to an active colleague other than oneself, or to a team space the giver reads and does not belong to
/// (never a union's or the staff representatives'), for one of the company's values in use, with a few words; at most
/// <see cref="RecognitionInputs.KudosPerDay"/> a day. Everything is checked before anything is written.
/// </summary>
public sealed class KudosService(RucheDbContext db, SpaceService spaces, Notifier notifier, BadgeAwarder badges, TimeProvider time)
{
    public async Task<long> GiveAsync(Viewer viewer, NewKudos input, CancellationToken cancellationToken)
    {
        var me = viewer.PersonId;
        var message = RecognitionInputs.Message(input.Message);
        if (input.PersonId is null == input.SpaceId is null)
        {
            throw RucheException.Invalid("kudos.recipient-required", "Thank one colleague or one team.");
        }

        if (input.ValueId is not { } valueId || !await db.Set<CompanyValue>().AnyAsync(v => v.Id == valueId && !v.IsArchived, cancellationToken))
        {
            throw RucheException.Invalid("kudos.value-unknown", "Choose one of the company's values.");
        }

        if (input.PersonId is { } personId)
        {
            if (personId == me)
            {
                throw RucheException.Invalid("kudos.self", "Thank a colleague, not yourself.");
            }

            if (!await db.People.AnyAsync(p => p.Id == personId && p.IsActive, cancellationToken))
            {
                throw RucheException.Invalid("kudos.recipient-unknown", "Thank an active colleague.");
            }
        }

        if (input.SpaceId is { } spaceId)
        {
            var space = await spaces.GetAsync(viewer, spaceId, cancellationToken);
            if (space.MembersPrivate)
            {
                throw RucheException.Invalid("kudos.union-space", "Kudos never go to a union's or the staff representatives' space.");
            }

            if (!space.CanRead)
            {
                throw RucheException.NotFound("space.not-found", "No such space.");
            }

            if (space.Kind != SpaceKind.Team)
            {
                throw RucheException.Invalid("kudos.team-only", "Thank a team through its team space.");
            }

            if (space.IsMember)
            {
                throw RucheException.Invalid("kudos.own-team", "Thank your teammates one by one: nobody thanks themselves.");
            }
        }

        var now = time.UtcNow();
        var since = now.AddDays(-1);
        if (await db.Set<Kudos>().CountAsync(k => k.GiverId == me && k.CreatedAt > since, cancellationToken) >= RecognitionInputs.KudosPerDay)
        {
            throw RucheException.Conflict("kudos.rate-limited", $"You already gave {RecognitionInputs.KudosPerDay} kudos today: thanks mean more when they are rare.");
        }

        var kudos = new Kudos { GiverId = me, PersonId = input.PersonId, SpaceId = input.SpaceId, ValueId = valueId, Message = message, CreatedAt = now };
        db.Add(kudos);
        await db.SaveChangesAsync(cancellationToken);

        var recipients = input.PersonId is { } person
            ? [person]
            : await db.Spaces.Where(s => s.Id == input.SpaceId).SelectMany(s => s.ActiveMemberIds()).ToListAsync(cancellationToken);
        await notifier.NotifyAsync(RecognitionNotifications.KudosReceived, me, recipients, kudos.Id);
        if (input.PersonId is { } thanked)
        {
            await badges.AwardAsync([thanked], cancellationToken);
        }

        return kudos.Id;
    }

    /// <summary>The giver takes their thank-you back (a mistake, a wrong person).</summary>
    public async Task WithdrawAsync(Viewer viewer, long kudosId, CancellationToken cancellationToken)
    {
        var kudos = await db.Set<Kudos>().VisibleTo(viewer.PersonId).Where(k => k.Id == kudosId).Select(k => new { k.GiverId }).SingleOrDefaultAsync(cancellationToken)
            ?? throw NotFound();
        if (kudos.GiverId != viewer.PersonId)
        {
            throw RucheException.Forbidden("kudos.giver-only", "Only the person who gave a thank-you takes it back.");
        }

        await db.Set<Kudos>().Where(k => k.Id == kudosId).ExecuteDeleteAsync(cancellationToken);
    }

    internal static RucheException NotFound() => RucheException.NotFound("kudos.not-found", "No such thank-you.");
}
