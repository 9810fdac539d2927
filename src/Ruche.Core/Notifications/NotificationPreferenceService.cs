using Microsoft.EntityFrameworkCore;
using Ruche.Core.Common;
using Ruche.Core.Data;

namespace Ruche.Core.Notifications;

/// <summary>A person's own choices: a channel per kind, and quiet hours on their own clock.</summary>
public sealed class NotificationPreferenceService(RucheDbContext db, NotificationKinds kinds)
{
    public async Task<NotificationSettingsView> GetAsync(Viewer viewer, CancellationToken cancellationToken)
    {
        var chosen = await db.NotificationPreferences.Where(p => p.PersonId == viewer.PersonId)
            .ToDictionaryAsync(p => p.Kind, p => p.Channel, cancellationToken);
        var quiet = await db.QuietHours.SingleOrDefaultAsync(q => q.PersonId == viewer.PersonId, cancellationToken);
        var timeZone = await db.People.Where(p => p.Id == viewer.PersonId).Select(p => p.TimeZone).SingleAsync(cancellationToken);
        var frequency = await db.DigestSchedules.Where(d => d.PersonId == viewer.PersonId).Select(d => (DigestFrequency?)d.Frequency)
            .SingleOrDefaultAsync(cancellationToken);
        return new NotificationSettingsView(
            kinds.All.Select(k => new KindPreference(k.Name, chosen.GetValueOrDefault(k.Name, k.DefaultChannel))).ToList(),
            quiet is null ? null : new QuietHoursView(Time(quiet.StartMinute), Time(quiet.EndMinute)),
            timeZone,
            frequency ?? DigestFrequency.Daily);
    }

    public async Task SetDigestFrequencyAsync(Viewer viewer, DigestFrequency frequency, CancellationToken cancellationToken)
    {
        if (!Enum.IsDefined(frequency))
        {
            throw RucheException.Invalid("notification.frequency-invalid", "The digest is daily or weekly.");
        }

        var row = await db.DigestSchedules.SingleOrDefaultAsync(d => d.PersonId == viewer.PersonId, cancellationToken);
        if (row is null)
        {
            db.DigestSchedules.Add(new DigestSchedule { PersonId = viewer.PersonId, Frequency = frequency });
        }
        else
        {
            row.Frequency = frequency;
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task SetChannelAsync(Viewer viewer, string? kindName, NotificationChannel channel, CancellationToken cancellationToken)
    {
        var kind = kinds.Find(kindName)
            ?? throw RucheException.NotFound("notification.kind-unknown", $"Unknown notification kind. Known: {string.Join(", ", kinds.All.Select(k => k.Name))}.");
        if (!Enum.IsDefined(channel))
        {
            throw RucheException.Invalid("notification.channel-invalid", "Unknown channel: in-app, e-mail digest or none.");
        }

        var row = await db.NotificationPreferences.SingleOrDefaultAsync(p => p.PersonId == viewer.PersonId && p.Kind == kind.Name, cancellationToken);
        if (row is null)
        {
            db.NotificationPreferences.Add(new NotificationPreference { PersonId = viewer.PersonId, Kind = kind.Name, Channel = channel });
        }
        else
        {
            row.Channel = channel;
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Sets quiet hours (local times; a start after the end spans midnight), or removes them when both are null.</summary>
    public async Task SetQuietHoursAsync(Viewer viewer, TimeOnly? start, TimeOnly? end, CancellationToken cancellationToken)
    {
        var row = await db.QuietHours.SingleOrDefaultAsync(q => q.PersonId == viewer.PersonId, cancellationToken);
        if (start is null && end is null)
        {
            if (row is not null)
            {
                db.QuietHours.Remove(row);
                await db.SaveChangesAsync(cancellationToken);
            }

            return;
        }

        if (start is not { } from || end is not { } to || from == to)
        {
            throw RucheException.Invalid("notification.quiet-hours-invalid", "Quiet hours need a start and a different end.");
        }

        if (row is null)
        {
            row = new QuietHours { PersonId = viewer.PersonId };
            db.QuietHours.Add(row);
        }

        row.StartMinute = (from.Hour * 60) + from.Minute;
        row.EndMinute = (to.Hour * 60) + to.Minute;
        await db.SaveChangesAsync(cancellationToken);
    }

    private static TimeOnly Time(int minute) => new(minute / 60, minute % 60);
}

public sealed record NotificationSettingsView(IReadOnlyList<KindPreference> Kinds, QuietHoursView? QuietHours, string TimeZone, DigestFrequency DigestFrequency);

public sealed record KindPreference(string Kind, NotificationChannel Channel);

public sealed record QuietHoursView(TimeOnly Start, TimeOnly End);
