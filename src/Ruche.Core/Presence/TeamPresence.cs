using Microsoft.EntityFrameworkCore;
using NodaTime;
using Ruche.Core.Common;
using Ruche.Core.Data;
using Ruche.Core.People;
using Ruche.Core.Spaces;
using Ruche.Core.WorkTime;

namespace Ruche.Core.Presence;

/// <summary>
/// A space's team across time zones: each member's local time, working-from status and whether they are within their
/// working hours now (<see cref="WorkCalendar"/>: their week, hours, holidays and leave). A constant number of SQL
/// commands whatever the team's size: the space, its members with their statuses, then their work calendars.
/// </summary>
public sealed class TeamPresence(RucheDbContext db, SpaceService spaces, WorkCalendar calendar, TimeProvider time)
{
    public async Task<TeamView> ForSpaceAsync(Viewer viewer, long spaceId, CancellationToken cancellationToken)
    {
        var space = await spaces.GetMemberListableAsync(viewer, spaceId, cancellationToken);

        var now = time.UtcNow();
        var members = await db.SpaceMemberships.Where(m => m.SpaceId == spaceId && m.IsActive() && m.Person!.IsActive)
            .Select(m => PersonRefs.Of(m.Person!, now))
            .ToListAsync(cancellationToken);
        var ids = members.Select(m => m.Id).ToList();
        var working = await calendar.WorkingNowAsync(db.People.Where(p => ids.Contains(p.Id)), now, cancellationToken);
        var instant = Instant.FromDateTimeUtc(now);
        var rows = members.Select(m =>
            {
                var local = instant.InZone(DateTimeZoneProviders.Tzdb.GetZoneOrNull(m.TimeZone) ?? DateTimeZone.Utc);
                return new TeamMemberView(
                    m,
                    local.LocalDateTime.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture),
                    (int)local.Offset.ToTimeSpan().TotalMinutes,
                    working.Contains(m.Id) && m.Presence?.Mode != WorkingFrom.Off);
            })
            .OrderByDescending(r => r.WorkingNow).ThenBy(r => r.UtcOffsetMinutes).ThenBy(r => r.Person.DisplayName, StringComparer.CurrentCulture)
            .ToList();
        return new TeamView(space.Id, space.Name, rows);
    }
}

public sealed record TeamView(long SpaceId, string SpaceName, IReadOnlyList<TeamMemberView> Members);

/// <param name="LocalTime">The time on their clock now ("14:05").</param>
/// <param name="WorkingNow">Within their working hours and not marked off today.</param>
public sealed record TeamMemberView(PersonRef Person, string LocalTime, int UtcOffsetMinutes, bool WorkingNow);
