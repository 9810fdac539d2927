using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Ruche.Core.Data;
using Ruche.Core.Notifications;
using Ruche.Core.WorkTime;

namespace Ruche.Core.Goals;

/// <summary>
/// The morning prompt to post the day's goals. One pass finds, set-based, everyone for whom it is now a working day
/// (their week, their site's public holidays, not on leave), past their team's reminder minute on their own clock and
/// before the end of their working day, who has not posted today's goals; then claims (person, local date) in the
/// database and writes the notification in the same transaction. The claim is a unique row inserted with
/// "on conflict do nothing … returning", and raises the notifications through <see cref="Notifier"/> (which leaves out
/// whoever turned the kind off): two nodes running the pass at once each notify only the people they claimed,
/// a restart resumes where the claims stop, and a reminder missed while every node was down is still sent later that
/// working day (never once it is over).
/// </summary>
public sealed class GoalReminderService(RucheDbContext db, WorkCalendar calendar, Notifier notifier, TimeProvider time)
{
    /// <summary>People read per query; each page is one transaction of claims and notifications.</summary>
    public const int PageSize = 5_000;

    private const int RowsPerInsert = 400;

    /// <summary>Sends every reminder due now; returns how many people this pass claimed.</summary>
    public async Task<int> SendDueAsync(CancellationToken cancellationToken)
    {
        var now = time.UtcNow();
        var holidays = await calendar.HolidaysAsync(cancellationToken);
        var sent = 0;
        long after = 0;
        while (true)
        {
            var page = await DuePageAsync(after, now, holidays, cancellationToken);
            if (page.LastId is not { } last)
            {
                return sent;
            }

            after = last;
            if (page.Due.Count > 0)
            {
                sent += await ClaimAndNotifyAsync(page.Due, cancellationToken);
            }
        }
    }

    private async Task<(long? LastId, List<(long PersonId, DateOnly Date)> Due)> DuePageAsync(
        long after, DateTime now, Holidays holidays, CancellationToken cancellationToken)
    {
        var teams = TeamSpaces.GoalsSpaceIds(db);
        var rows = await db.People
            .Where(p => p.Id > after && p.IsActive && p.ErasedAt == null)
            .OrderBy(p => p.Id)
            .Take(PageSize)
            .Select(p => new
            {
                p.Id,
                p.TimeZone,
                Country = p.Site == null ? null : p.Site.CountryCode,
                Region = p.Site == null ? null : p.Site.Region,
                Schedule = db.WorkSchedules.Where(s => s.PersonId == p.Id).Select(s => new { s.Days, s.StartMinute, s.EndMinute }).FirstOrDefault(),
                ReminderMinute = db.TeamGoalSettings
                    .Where(t => teams.Where(x => x.PersonId == p.Id).Select(x => x.SpaceId).Contains(t.SpaceId))
                    .Select(t => (int?)t.ReminderMinute).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        if (rows.Count == 0)
        {
            return (null, []);
        }

        var last = rows[^1].Id;
        var today = DateOnly.FromDateTime(now);
        var ids = db.People.Where(p => p.Id > after && p.Id <= last).Select(p => p.Id);
        var leave = await calendar.LeaveAsync(ids, today.AddDays(-1), today.AddDays(1), cancellationToken);
        var candidates = new List<(long PersonId, DateOnly Date)>();
        foreach (var row in rows)
        {
            var profile = WorkCalendar.Profile(
                row.Id, row.TimeZone, row.Country, row.Region, row.Schedule?.Days, row.Schedule?.StartMinute, row.Schedule?.EndMinute, leave[row.Id].ToList());
            var date = profile.LocalDate(now);
            if (profile.IsWorkingDay(date, holidays)
                && now >= profile.At(date, row.ReminderMinute ?? TeamGoalSettings.DefaultReminderMinute)
                && now < profile.EndOfDay(date))
            {
                candidates.Add((row.Id, date.ToDateOnly()));
            }
        }

        if (candidates.Count == 0)
        {
            return (last, candidates);
        }

        // Local dates differ by at most a day or two across the world: few values, so the filter stays short.
        var dates = candidates.Select(c => c.Date).Distinct().ToList();
        var done = (await db.GoalReminders.Where(r => r.PersonId > after && r.PersonId <= last && dates.Contains(r.LocalDate))
                .Select(r => new { r.PersonId, r.LocalDate })
                .Concat(db.GoalLists.Where(l => l.PersonId > after && l.PersonId <= last && dates.Contains(l.LocalDate))
                    .Select(l => new { l.PersonId, l.LocalDate }))
                .ToListAsync(cancellationToken))
            .Select(r => (r.PersonId, r.LocalDate))
            .ToHashSet();
        return (last, candidates.Where(c => !done.Contains(c)).ToList());
    }

    private async Task<int> ClaimAndNotifyAsync(List<(long PersonId, DateOnly Date)> due, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var claimed = new List<(long PersonId, DateOnly Date)>();
        foreach (var chunk in due.Chunk(RowsPerInsert))
        {
            claimed.AddRange(await ClaimAsync(chunk, cancellationToken));
        }

        // One row per person and local day; local dates differ by a day or two across the world, so few calls.
        var notified = new List<long>();
        foreach (var day in claimed.GroupBy(c => c.Date))
        {
            var group = day.Key.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            notified.AddRange(await notifier.RaiseForEachAsync(GoalNotifications.Reminder, [.. day.Select(c => c.PersonId)], group));
        }

        await transaction.CommitAsync(cancellationToken);
        await notifier.PushAsync(notified);
        return claimed.Count;
    }

    /// <summary>
    /// Inserts the claims that do not exist yet and returns those this call inserted. The statement is the same on SQLite
    /// (3.35+) and PostgreSQL; a concurrent insert of the same row waits for the other transaction and then skips it.
    /// </summary>
    private async Task<List<(long PersonId, DateOnly Date)>> ClaimAsync((long PersonId, DateOnly Date)[] chunk, CancellationToken cancellationToken)
    {
        var sql = new StringBuilder("INSERT INTO \"GoalReminders\" (\"PersonId\", \"LocalDate\") VALUES ");
        var parameters = new object[chunk.Length * 2];
        for (var i = 0; i < chunk.Length; i++)
        {
            sql.Append(i == 0 ? string.Empty : ", ").Append(CultureInfo.InvariantCulture, $"({{{2 * i}}}, {{{(2 * i) + 1}}})");
            parameters[2 * i] = chunk[i].PersonId;
            parameters[(2 * i) + 1] = chunk[i].Date;
        }

        sql.Append(" ON CONFLICT DO NOTHING RETURNING \"PersonId\" AS \"Value\"");
#pragma warning disable EF1002 // Only numbered placeholders are built into the text; every value is a parameter.
        var inserted = (await db.Database.SqlQueryRaw<long>(sql.ToString(), parameters).ToListAsync(cancellationToken)).ToHashSet();
#pragma warning restore EF1002
        return chunk.Where(c => inserted.Contains(c.PersonId)).ToList();
    }
}
