using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Ruche.Core.Common;
using Ruche.Core.Data;
using Ruche.Core.Goals;
using Ruche.Core.Notifications;
using Ruche.Core.People;
using Ruche.Core.Spaces;
using Ruche.Core.WorkTime;
using Ruche.Tests.Infrastructure;
using Ruche.Tests.Notifications;

namespace Ruche.Tests.Goals;

public abstract class GoalReminderTests(RucheApp app) : ProviderTests(app)
{
    [Fact]
    public async Task The_reminder_comes_once_at_the_team_hour_on_working_days_only()
    {
        App.SetUtc(new DateTimeOffset(2026, 3, 2, 7, 0, 0, TimeSpan.Zero)); // Monday 08:00 in Paris
        var anna = await App.NewWorkerAsync("Anna", "Europe/Paris", "FR");
        await anna.CreateSpaceAsync("Équipe Anna", SpaceVisibility.Private, SpaceKind.Team);

        await RemindAtAsync(2026, 3, 2, 7, 59);
        Assert.Empty(await RemindersOfAsync(anna));
        await RemindAtAsync(2026, 3, 2, 8, 0);
        await RemindAtAsync(2026, 3, 2, 8, 5);
        await RemindAtAsync(2026, 3, 2, 12, 0);
        Assert.Equal([new DateOnly(2026, 3, 2)], await RemindersOfAsync(anna));
        var notification = Assert.Single(await anna.NotificationsAsync(), n => n.Kind == GoalNotifications.Reminder.Name);
        Assert.Null(notification.PostId);
        Assert.Empty(notification.Actors);

        // Tuesday: goals posted before the reminder hour, so no reminder.
        App.SetUtc(new DateTimeOffset(2026, 3, 3, 7, 30, 0, TimeSpan.Zero));
        await anna.PostGoalsAsync("Commencer tôt");
        await RemindAtAsync(2026, 3, 3, 8, 30);

        // Wednesday on leave, Saturday off, Friday 1 May a public holiday in France, Monday 4 May a working day again.
        await anna.AddLeaveAsync(new DateOnly(2026, 3, 4), new DateOnly(2026, 3, 4));
        await RemindAtAsync(2026, 3, 4, 9, 0);
        await RemindAtAsync(2026, 3, 7, 9, 0);
        await RemindAtAsync(2026, 5, 1, 9, 0);
        await RemindAtAsync(2026, 5, 4, 9, 0);
        Assert.Equal([new DateOnly(2026, 3, 2), new DateOnly(2026, 5, 4)], await RemindersOfAsync(anna));
    }

    [Fact]
    public async Task The_reminder_follows_the_team_hour_in_each_members_own_time_zone()
    {
        App.SetUtc(new DateTimeOffset(2026, 3, 9, 0, 0, 0, TimeSpan.Zero));
        var lead = await App.NewWorkerAsync("Lead", "Europe/Paris", "FR");
        var team = await lead.CreateSpaceAsync("Équipe monde", SpaceVisibility.Private, SpaceKind.Team);
        var montreal = await App.NewWorkerAsync("Montréal", "America/Montreal", "CA", "QC");
        var singapore = await App.NewWorkerAsync("Singapour", "Asia/Singapore", "SG");
        await lead.AddToSpaceAsync(team, montreal);
        await lead.AddToSpaceAsync(team, singapore);
        await lead.SetReminderAsync(team.Id, (10 * 60) + 30);
        await Actor.ExpectAsync(
            await lead.Http.PutAsJsonAsync($"/api/v1/spaces/{team.Id}/goals-settings", new { reminderMinute = 24 * 60 }, Actor.Json), HttpStatusCode.BadRequest);
        await Actor.ExpectAsync(
            await montreal.Http.PutAsJsonAsync($"/api/v1/spaces/{team.Id}/goals-settings", new { reminderMinute = 60 }, Actor.Json), HttpStatusCode.Forbidden);

        // Monday 9 March 2026, 10:30 in Singapore is 02:30 UTC; in Paris 09:30 UTC; in Montréal (UTC-4 since Sunday) 14:30 UTC.
        await RemindAtAsync(2026, 3, 9, 2, 29);
        Assert.Empty(await RemindersOfAsync(singapore));
        await RemindAtAsync(2026, 3, 9, 2, 30);
        Assert.Single(await RemindersOfAsync(singapore));
        await RemindAtAsync(2026, 3, 9, 9, 29);
        Assert.Empty(await RemindersOfAsync(lead));
        await RemindAtAsync(2026, 3, 9, 9, 30);
        Assert.Single(await RemindersOfAsync(lead));
        await RemindAtAsync(2026, 3, 9, 14, 29);
        Assert.Empty(await RemindersOfAsync(montreal));
        await RemindAtAsync(2026, 3, 9, 14, 30);
        Assert.Single(await RemindersOfAsync(montreal));
    }

    [Fact]
    public async Task A_reminder_missed_while_every_node_was_down_comes_later_that_day_but_not_once_it_is_over()
    {
        App.SetUtc(new DateTimeOffset(2026, 3, 10, 0, 0, 0, TimeSpan.Zero));
        var person = await App.NewWorkerAsync("Late", "Europe/Paris", "FR");

        // Tuesday: the nodes come back at 15:00 Paris time, still within the working day.
        await RemindAtAsync(2026, 3, 10, 14, 0);
        Assert.Equal([new DateOnly(2026, 3, 10)], await RemindersOfAsync(person));

        // Wednesday: they come back at 18:30, after the working day: no reminder for a day that is over.
        await RemindAtAsync(2026, 3, 11, 17, 30);
        await RemindAtAsync(2026, 3, 11, 22, 0);
        Assert.Equal([new DateOnly(2026, 3, 10)], await RemindersOfAsync(person));
    }

    [Fact]
    public async Task Someone_who_silenced_the_reminder_is_claimed_but_not_notified()
    {
        App.SetUtc(new DateTimeOffset(2026, 3, 12, 0, 0, 0, TimeSpan.Zero));
        var quiet = await App.NewWorkerAsync("Quiet", "Europe/Paris");
        await quiet.SetChannelAsync(GoalNotifications.Reminder, NotificationChannel.None);
        await RemindAtAsync(2026, 3, 12, 9, 0);
        Assert.Single(await RemindersOfAsync(quiet));
        Assert.DoesNotContain(await quiet.NotificationsAsync(), n => n.Kind == GoalNotifications.Reminder.Name);
    }

    /// <summary>
    /// Walks the clock in ten-minute steps over three days around each clock change, for people in five zones whose
    /// team reminder is at 02:30 (a minute that does not exist, or happens twice, on those nights in Paris and Montréal)
    /// or at 09:00, all working every day. Each local date gets exactly one reminder, in the first pass after its time.
    /// </summary>
    [Theory]
    [InlineData(2026, 3, 7)] // Montréal springs forward on Sunday 8 March
    [InlineData(2026, 3, 28)] // Paris springs forward on Sunday 29 March
    [InlineData(2026, 10, 24)] // Paris falls back on Sunday 25 October
    [InlineData(2026, 10, 31)] // Montréal falls back on Sunday 1 November
    public async Task Across_clock_changes_a_reminder_is_never_sent_twice_nor_skipped(int year, int month, int day)
    {
        var start = new DateTimeOffset(year, month, day, 0, 0, 0, TimeSpan.Zero).AddHours(-14);
        var end = start.AddDays(3).AddHours(14);
        App.SetUtc(start);
        var lead = await App.NewWorkerAsync("Lead", "Europe/Paris");
        var early = await lead.CreateSpaceAsync($"Équipe de nuit {year}{month}{day}", SpaceVisibility.Private, SpaceKind.Team);
        await lead.SetReminderAsync(early.Id, (2 * 60) + 30);
        var people = new List<(Actor Person, string Zone, int Minute)>();
        foreach (var zone in new[] { "Europe/Paris", "America/Montreal", "Asia/Singapore", "Pacific/Kiritimati", "Pacific/Pago_Pago" })
        {
            foreach (var minute in new[] { (2 * 60) + 30, 9 * 60 })
            {
                var person = await App.NewWorkerAsync($"{zone}-{minute}", zone);
                await Actor.ExpectAsync(
                    await person.Http.PutAsJsonAsync("/api/v1/me/work-schedule", new { days = WorkingDays.All, startMinute = 0, endMinute = 23 * 60 }, Actor.Json),
                    HttpStatusCode.OK);
                if (minute != 9 * 60)
                {
                    await lead.AddToSpaceAsync(early, person);
                }

                people.Add((person, zone, minute));
            }
        }

        var claimedAt = new Dictionary<(long, DateOnly), DateTimeOffset>();
        for (var now = start; now < end; now = now.AddMinutes(10))
        {
            App.SetUtc(now);
            await App.RemindAsync();
            foreach (var claim in await ClaimsAsync(people.Select(p => p.Person.Id)))
            {
                claimedAt.TryAdd(claim, now);
            }
        }

        foreach (var (person, zoneId, minute) in people)
        {
            var zone = DateTimeZoneProviders.Tzdb[zoneId];
            var expected = Enumerable.Range(-1, 6)
                .Select(offset => LocalDate.FromDateTime(start.UtcDateTime).PlusDays(offset))
                .Select(date => (
                    Date: date.ToDateOnly(),
                    At: date.At(LocalTime.Midnight).PlusMinutes(minute).InZoneLeniently(zone).ToDateTimeOffset(),
                    Over: date.At(new LocalTime(23, 0)).InZoneLeniently(zone).ToDateTimeOffset()))
                .Where(d => d.At < end && d.Over > start)

                // A day whose reminder time passed before the walk (the people did not exist yet) is caught up at once.
                .Select(d => (d.Date, At: d.At < start ? start : d.At))
                .ToList();
            var got = claimedAt.Where(c => c.Key.Item1 == person.Id).OrderBy(c => c.Key.Item2).ToList();
            Assert.Equal(expected.Select(e => e.Date), got.Select(g => g.Key.Item2));
            foreach (var (expectedDay, claim) in expected.Zip(got))
            {
                // Sent by the first pass at or after its time: never early, never skipped to a later pass.
                Assert.InRange(claim.Value, expectedDay.At, expectedDay.At.AddMinutes(10).AddTicks(-1));
            }

            Assert.Equal(got.Count, (await person.NotificationsAsync()).Count(n => n.Kind == GoalNotifications.Reminder.Name));
        }

        // Pinned: in Paris, 02:30 on 29 March does not exist (03:30 summer time, 01:30 UTC); on 25 October it is 00:30 UTC, the first of two.
        var parisEarly = people.Single(p => p.Zone == "Europe/Paris" && p.Minute != 9 * 60).Person.Id;
        if ((month, day) == (3, 28))
        {
            Assert.Equal(new DateTimeOffset(2026, 3, 29, 1, 30, 0, TimeSpan.Zero), claimedAt[(parisEarly, new DateOnly(2026, 3, 29))]);
        }

        if ((month, day) == (10, 24))
        {
            Assert.Equal(new DateTimeOffset(2026, 10, 25, 0, 30, 0, TimeSpan.Zero), claimedAt[(parisEarly, new DateOnly(2026, 10, 25))]);
        }
    }

    [Fact]
    public async Task Two_schedulers_racing_on_the_same_database_remind_each_person_exactly_once()
    {
        App.RequireAvailable();
        App.SetUtc(new DateTimeOffset(2026, 3, 16, 0, 0, 0, TimeSpan.Zero));
        var ids = await App.InDatabaseAsync(async db =>
        {
            var people = Enumerable.Range(0, 400).Select(i => new Person
            {
                DisplayName = $"Racer {i}",
                Handle = $"racer-{Guid.NewGuid():N}"[..30],
                UserName = $"racer-{Guid.NewGuid():N}",
                Email = $"racer-{Guid.NewGuid():N}@test.ruche",
                TimeZone = (i % 3) switch { 0 => "Europe/Paris", 1 => "Europe/Berlin", _ => "Africa/Lagos" },
            }).ToList();
            db.People.AddRange(people);
            await db.SaveChangesAsync();
            return people.Select(p => p.Id).ToList();
        });

        // 09:30 in Paris and Berlin, 09:30 in Lagos (UTC+1 too): everyone is due. Two nodes run the pass at once.
        App.SetUtc(new DateTimeOffset(2026, 3, 16, 8, 30, 0, TimeSpan.Zero));
        await using var other = App.StartAnotherNode();
        var results = await Task.WhenAll(
            Task.Run(() => App.RemindAsync()),
            Task.Run(async () =>
            {
                await using var scope = other.Services.CreateAsyncScope();
                return await scope.ServiceProvider.GetRequiredService<GoalReminderService>().SendDueAsync(CancellationToken.None);
            }),
            Task.Run(() => App.RemindAsync()));

        var counts = await App.InDatabaseAsync(async db => (
            Claims: await db.GoalReminders.CountAsync(r => ids.Contains(r.PersonId)),
            Notifications: await db.Notifications.Where(n => ids.Contains(n.RecipientId) && n.Kind == GoalNotifications.Reminder.Name)
                .GroupBy(n => n.RecipientId).Select(g => g.Count()).ToListAsync()));
        Assert.Equal(ids.Count, counts.Claims);
        Assert.Equal(ids.Count, counts.Notifications.Count);
        Assert.All(counts.Notifications, c => Assert.Equal(1, c));
        Assert.True(results.Sum() >= ids.Count, $"Passes claimed {string.Join(" + ", results)}");
    }

    private async Task RemindAtAsync(int year, int month, int day, int hour, int minute)
    {
        App.SetUtc(new DateTimeOffset(year, month, day, hour, minute, 0, TimeSpan.Zero));
        await App.RemindAsync();
    }

    private async Task<List<DateOnly>> RemindersOfAsync(Actor person) =>
        await App.InDatabaseAsync(db => db.GoalReminders.Where(r => r.PersonId == person.Id).OrderBy(r => r.LocalDate).Select(r => r.LocalDate).ToListAsync());

    private async Task<List<(long, DateOnly)>> ClaimsAsync(IEnumerable<long> personIds)
    {
        var ids = personIds.ToList();
        return (await App.InDatabaseAsync(db => db.GoalReminders.Where(r => ids.Contains(r.PersonId)).Select(r => new { r.PersonId, r.LocalDate }).ToListAsync()))
            .Select(r => (r.PersonId, r.LocalDate)).ToList();
    }
}

public sealed class GoalReminderTestsOnSqlite(GoalsSqliteApp app) : GoalReminderTests(app), IClassFixture<GoalsSqliteApp>;

public sealed class GoalReminderTestsOnPostgres(GoalsPostgresApp app) : GoalReminderTests(app), IClassFixture<GoalsPostgresApp>;
