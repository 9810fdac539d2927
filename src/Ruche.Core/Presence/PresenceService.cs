using Microsoft.EntityFrameworkCore;
using NodaTime;
using Ruche.Core.Common;
using Ruche.Core.Data;
using Ruche.Core.People;

namespace Ruche.Core.Presence;

/// <summary>A person's own working-from status: set for today, cleared, read back.</summary>
public sealed class PresenceService(RucheDbContext db, TimeProvider time)
{
    public async Task<PresenceView?> GetAsync(Viewer viewer, CancellationToken cancellationToken)
    {
        var now = time.UtcNow();
        return await db.PresenceStatuses.Where(s => s.PersonId == viewer.PersonId && s.ExpiresAt > now)
            .Select(s => new PresenceView(s.Mode, s.Note, s.ExpiresAt)).SingleOrDefaultAsync(cancellationToken);
    }

    /// <summary>Says where the viewer works from until the end of their local day (their profile's time zone).</summary>
    public async Task<PresenceView> SetAsync(Viewer viewer, WorkingFrom mode, string? note, CancellationToken cancellationToken)
    {
        if (!Enum.IsDefined(mode))
        {
            throw RucheException.Invalid("presence.mode-invalid", "Working from is office, home, travelling or off.");
        }

        var text = Input.Text(note);
        if (text.Length > Limits.PresenceNoteMaxLength)
        {
            throw RucheException.Invalid("presence.note-too-long", $"The note holds at most {Limits.PresenceNoteMaxLength} characters.");
        }

        var timeZone = await db.People.Where(p => p.Id == viewer.PersonId).Select(p => p.TimeZone).SingleAsync(cancellationToken);
        var expires = EndOfLocalDay(time.UtcNow(), timeZone);
        var status = await db.PresenceStatuses.SingleOrDefaultAsync(s => s.PersonId == viewer.PersonId, cancellationToken);
        if (status is null)
        {
            status = new PresenceStatus { PersonId = viewer.PersonId };
            db.PresenceStatuses.Add(status);
        }

        status.Mode = mode;
        status.Note = text.Length == 0 ? null : text;
        status.ExpiresAt = expires;
        await db.SaveChangesAsync(cancellationToken);
        return new PresenceView(status.Mode, status.Note, status.ExpiresAt);
    }

    public async Task ClearAsync(Viewer viewer, CancellationToken cancellationToken) =>
        await db.PresenceStatuses.Where(s => s.PersonId == viewer.PersonId).ExecuteDeleteAsync(cancellationToken);

    /// <summary>
    /// The first instant of the next local day in the zone (UTC): usually local midnight, or the first valid time of
    /// a day whose midnight a daylight-saving change skips. An unknown zone counts as UTC.
    /// </summary>
    public static DateTime EndOfLocalDay(DateTime utcNow, string timeZone)
    {
        var zone = DateTimeZoneProviders.Tzdb.GetZoneOrNull(timeZone) ?? DateTimeZone.Utc;
        var today = Instant.FromDateTimeUtc(DateTime.SpecifyKind(utcNow, DateTimeKind.Utc)).InZone(zone).Date;
        return zone.AtStartOfDay(today.PlusDays(1)).ToInstant().ToDateTimeUtc();
    }
}

/// <summary>The viewer's own status and when it lapses (the end of their day).</summary>
public sealed record PresenceView(WorkingFrom Mode, string? Note, DateTime ExpiresAt);
