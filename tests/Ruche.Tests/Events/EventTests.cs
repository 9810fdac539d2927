using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Ruche.Core.Common;
using Ruche.Core.Data;
using Ruche.Core.Events;
using Ruche.Core.Notifications;
using Ruche.Core.Spaces;
using Ruche.Tests.Infrastructure;
using Ruche.Tests.Notifications;

namespace Ruche.Tests.Events;

public abstract class EventTests(RucheApp app) : ProviderTests(app)
{
    [Fact]
    public async Task An_event_is_created_answered_changed_and_cancelled_and_attendees_hear_of_each_step()
    {
        var organizer = await NewPersonAsync("Organisatrice");
        var member = await NewPersonAsync("Membre");
        var moderator = await NewPersonAsync("Modératrice");
        var space = await organizer.CreateSpaceAsync("Équipe Produit");
        await organizer.AddToSpaceAsync(space, member);
        await organizer.AddToSpaceAsync(space, moderator);
        await Actor.ExpectAsync(
            await organizer.Http.PutAsJsonAsync($"/api/v1/spaces/{space.Id}/members/{moderator.Id}/role", new { role = SpaceRole.Moderator }, Actor.Json),
            HttpStatusCode.NoContent);

        var created = await organizer.CreateEventAsync(space, "Point mensuel", invitees: [member.Id], description: "**Ordre du jour** : budget");
        Assert.Equal("2027-03-01T08:00:00Z", created.StartsAt.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("2027-03-01T09:00", created.LocalStart);
        Assert.Contains("<strong>Ordre du jour</strong>", created.DescriptionHtml, StringComparison.Ordinal);
        Assert.Matches("^https://meet\\.jit\\.si/ruche-[0-9a-f]{24}$", created.VideoLink);
        Assert.Equal(RsvpResponse.Yes, created.MyResponse);
        Assert.Contains(await member.NotificationsAsync(), n => n.Kind == EventNotifications.Invitation.Name && n.EventId == created.Id && n.EventTitle == "Point mensuel");

        await Actor.ExpectAsync(await member.RespondAsync(created.Id, "maybe"), HttpStatusCode.NoContent);
        await Actor.ExpectAsync(await member.RespondAsync(created.Id, "yes"), HttpStatusCode.NoContent);
        var answered = await member.EventAsync(created.Id);
        Assert.Equal(RsvpResponse.Yes, answered.MyResponse);
        Assert.Equal(2, answered.Attendees.Count(a => a.Response == RsvpResponse.Yes));
        Assert.False(answered.Can.Edit);

        // A member who is not the organiser changes nothing; the organiser moves it, and the room stays the same.
        var change = new { title = "Point mensuel (décalé)", start = "2027-03-02T14:00", end = "2027-03-02T15:00", timeZone = "Europe/Paris" };
        await member.Http.PutAsJsonAsync($"/api/v1/events/{created.Id}", change, Actor.Json).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "event.organizer-only");
        var moved = await Actor.ReadAsync<EventView>(await organizer.Http.PutAsJsonAsync($"/api/v1/events/{created.Id}", change, Actor.Json), HttpStatusCode.OK);
        Assert.Equal("2027-03-02T14:00", moved.LocalStart);
        Assert.Equal(created.VideoLink, moved.VideoLink);
        Assert.Contains(await member.NotificationsAsync(), n => n.Kind == EventNotifications.Changed.Name && n.EventId == created.Id);

        // A moderator of the space cancels it; answering a cancelled event is refused.
        await Actor.ExpectAsync(await moderator.Http.PostAsync($"/api/v1/events/{created.Id}/cancel", null), HttpStatusCode.NoContent);
        Assert.NotNull((await member.EventAsync(created.Id)).CancelledAt);
        Assert.Contains(await member.NotificationsAsync(), n => n.Kind == EventNotifications.Cancelled.Name && n.EventId == created.Id);
        await member.RespondAsync(created.Id, "no").ShouldBeProblemAsync(HttpStatusCode.Conflict, "event.cancelled");
        await organizer.Http.PutAsJsonAsync($"/api/v1/events/{created.Id}", change, Actor.Json).ShouldBeProblemAsync(HttpStatusCode.Conflict, "event.cancelled");
    }

    [Fact]
    public async Task A_secret_spaces_event_does_not_exist_for_a_non_member_anywhere()
    {
        var owner = await NewPersonAsync("Owner");
        var member = await NewPersonAsync("Member");
        var outsider = await NewPersonAsync("Outsider");
        var secret = await owner.CreateSpaceAsync("Projet Kzqwx", SpaceVisibility.Secret);
        await owner.AddToSpaceAsync(secret, member);
        var e = await owner.CreateEventAsync(secret, "Comité Kzqwx", invitees: [member.Id]);

        Assert.Single((await member.SearchAsync("kzqwx", "&type=event")).Items);
        Assert.Equal($"/events/{e.Id}", (await member.SearchAsync("kzqwx", "&type=event")).Items[0].Path);

        await outsider.Http.GetAsync($"/api/v1/events/{e.Id}").ShouldBeProblemAsync(HttpStatusCode.NotFound, "event.not-found");
        await outsider.Http.GetAsync($"/api/v1/events/{e.Id}/ics").ShouldBeProblemAsync(HttpStatusCode.NotFound, "event.not-found");
        await outsider.Http.GetAsync($"/events/{e.Id}/event.ics").ShouldBeProblemAsync(HttpStatusCode.NotFound, "event.not-found");
        await outsider.RespondAsync(e.Id, "yes").ShouldBeProblemAsync(HttpStatusCode.NotFound, "event.not-found");
        await outsider.Http.PostAsync($"/api/v1/events/{e.Id}/cancel", null).ShouldBeProblemAsync(HttpStatusCode.NotFound, "event.not-found");
        await outsider.Http.GetAsync($"/api/v1/spaces/{secret.Id}/events").ShouldBeProblemAsync(HttpStatusCode.NotFound, "space.not-found");
        await outsider.SendEventAsync(secret, "Intrus").ShouldBeProblemAsync(HttpStatusCode.NotFound, "space.not-found");
        Assert.Empty((await outsider.SearchAsync("kzqwx")).Items);
        Assert.DoesNotContain(await outsider.MyEventsAsync(), s => s.Id == e.Id);

        // Nobody outside can be invited into it, and nothing changes when one tries.
        await owner.Http.PostAsJsonAsync($"/api/v1/events/{e.Id}/invitations", new { personIds = new[] { outsider.Id } }, Actor.Json)
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "event.invitee-invalid");
        Assert.DoesNotContain((await owner.EventAsync(e.Id)).Attendees, a => a.Person.Id == outsider.Id);
        Assert.Empty(await outsider.NotificationsAsync());
    }

    [Fact]
    public async Task The_private_calendar_feed_lists_what_its_owner_attends_and_stops_with_revocation()
    {
        var owner = await NewPersonAsync("Owner");
        var member = await NewPersonAsync("Member");
        var open = await owner.CreateSpaceAsync("Café Xylo");
        var secret = await owner.CreateSpaceAsync("Secret Xylo", SpaceVisibility.Secret);
        await owner.AddToSpaceAsync(secret, member);
        var shared = await owner.CreateEventAsync(open, "Apéro Xylo", repeat: EventRepeat.MonthlyByWeekday, repeatWeek: -1, start: "2027-01-29T18:00", end: "2027-01-29T19:00");
        var hidden = await owner.CreateEventAsync(secret, "Conseil Xylo", invitees: [member.Id]);
        var declined = await owner.CreateEventAsync(open, "Séminaire Xylo", invitees: [member.Id]);
        await Actor.ExpectAsync(await member.RespondAsync(shared.Id, "yes"), HttpStatusCode.NoContent);
        await Actor.ExpectAsync(await member.RespondAsync(declined.Id, "no"), HttpStatusCode.NoContent);

        var feed = await member.NewCalendarFeedAsync();
        var anonymous = App.Anonymous();
        var ics = await ReadCalendarAsync(anonymous, feed);
        Assert.Contains($"UID:event-{shared.Id}@", ics, StringComparison.Ordinal);
        Assert.Contains($"UID:event-{hidden.Id}@", ics, StringComparison.Ordinal);
        Assert.DoesNotContain($"UID:event-{declined.Id}@", ics, StringComparison.Ordinal);
        Assert.Contains("RRULE:FREQ=MONTHLY;BYDAY=-1FR", ics, StringComparison.Ordinal);
        Assert.Contains("BEGIN:VTIMEZONE", ics, StringComparison.Ordinal);

        // Out of the secret space, its event leaves the feed at once.
        await owner.RemoveFromSpaceAsync(secret, member);
        Assert.DoesNotContain($"UID:event-{hidden.Id}@", await ReadCalendarAsync(anonymous, feed), StringComparison.Ordinal);

        // A new address replaces the old one; a revoked one, and one never issued, are not found.
        var second = await member.NewCalendarFeedAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(feed)).StatusCode);
        Assert.Contains($"UID:event-{shared.Id}@", await ReadCalendarAsync(anonymous, second), StringComparison.Ordinal);
        Assert.True((await member.GetAsync<CalendarFeedView>("/api/v1/calendar-feed")).Active);
        await Actor.ExpectAsync(await member.Http.DeleteAsync("/api/v1/calendar-feed"), HttpStatusCode.NoContent);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(second)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/calendar/rcal_guessed.ics")).StatusCode);
        Assert.False((await member.GetAsync<CalendarFeedView>("/api/v1/calendar-feed")).Active);

        // Only a hash is stored.
        await using var scope = App.Services.CreateAsyncScope();
        var stored = await scope.ServiceProvider.GetRequiredService<RucheDbContext>().CalendarFeeds.CountAsync(f => f.PersonId == member.Id);
        Assert.Equal(0, stored);
    }

    [Fact]
    public async Task The_events_ics_download_holds_the_event_for_whoever_sees_it()
    {
        var owner = await NewPersonAsync("Owner");
        var space = await owner.CreateSpaceAsync("Équipe Montréal");
        var e = await owner.CreateEventAsync(space, "Standup", start: "2027-03-01T09:00", end: "2027-03-01T09:15", timeZone: "America/Montreal", repeat: EventRepeat.Weekly);
        var reader = await NewPersonAsync("Reader");

        var response = await reader.Http.GetAsync($"/api/v1/events/{e.Id}/ics");
        await Actor.ExpectAsync(response, HttpStatusCode.OK);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType?.MediaType);
        var ics = await response.Content.ReadAsStringAsync();
        Assert.Contains("DTSTART;TZID=America/Montreal:20270301T090000", ics, StringComparison.Ordinal);
        Assert.Contains("RRULE:FREQ=WEEKLY;BYDAY=MO", ics, StringComparison.Ordinal);
        Assert.Contains("LOCATION:" + e.VideoLink, ics.Replace("\r\n ", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Réunion", "2027-03-01T10:00", "2027-03-01T09:00", "Europe/Paris", "none", null, "event.end-before-start")]
    [InlineData("Réunion", "2027-03-01T10:00", "2027-03-01T10:00", "Europe/Paris", "none", null, "event.end-before-start")]
    [InlineData("Réunion", "2027-03-01T09:00", "2027-03-01T10:00", "Europe/Atlantis", "none", null, "event.time-zone-invalid")]
    [InlineData("Réunion", "2027-03-01T09:00", "2027-03-01T10:00", "+02:00", "none", null, "event.time-zone-invalid")]
    [InlineData("Réunion", "2027-03-01T09:00+02:00", "2027-03-01T10:00", "Europe/Paris", "none", null, "event.time-invalid")]
    [InlineData("Réunion", "demain", "2027-03-01T10:00", "Europe/Paris", "none", null, "event.time-invalid")]
    [InlineData("   ", "2027-03-01T09:00", "2027-03-01T10:00", "Europe/Paris", "none", null, "event.title-invalid")]
    [InlineData("Réunion", "2027-03-01T09:00", "2027-03-20T10:00", "Europe/Paris", "none", null, "event.too-long")]
    [InlineData("Réunion", "2027-03-01T09:00", "2027-03-01T10:00", "Europe/Paris", "monthlyByWeekday", 5, "event.repeat-invalid")]
    [InlineData("Réunion", "2027-03-01T09:00", "2027-03-01T10:00", "Europe/Paris", "monthlyByWeekday", null, "event.repeat-invalid")]
    [InlineData("Réunion", "2027-03-01T09:00", "2027-03-09T10:00", "Europe/Paris", "weekly", null, "event.too-long")]
    public async Task Bad_events_are_refused_and_nothing_is_stored(string title, string start, string end, string timeZone, string repeat, int? repeatWeek, string code)
    {
        var owner = await NewPersonAsync("Owner");
        var space = await owner.CreateSpaceAsync("Équipe");
        var response = await owner.Http.PostAsJsonAsync("/api/v1/events", new { spaceId = space.Id, title, start, end, timeZone, repeat, repeatWeek }, Actor.Json);

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, code);
        Assert.Empty(await owner.SpaceEventsAsync(space));
    }

    [Fact]
    public async Task An_oversized_title_an_unknown_invitee_and_a_bad_answer_are_refused_with_nothing_changed()
    {
        var owner = await NewPersonAsync("Owner");
        var space = await owner.CreateSpaceAsync("Équipe");
        await owner.SendEventAsync(space, new string('x', 201)).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "event.title-invalid");
        await owner.SendEventAsync(space, "Réunion", invitees: [owner.Id + 100_000]).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "event.invitee-invalid");
        Assert.Empty(await owner.SpaceEventsAsync(space));

        var e = await owner.CreateEventAsync(space, "Réunion");
        var reader = await NewPersonAsync("Reader");
        await reader.RespondAsync(e.Id, "pending").ShouldBeProblemAsync(HttpStatusCode.BadRequest, "event.response-invalid");
        await reader.RespondAsync(999_999, "yes").ShouldBeProblemAsync(HttpStatusCode.NotFound, "event.not-found");
        Assert.DoesNotContain((await owner.EventAsync(e.Id)).Attendees, a => a.Person.Id == reader.Id);

        // Only members create events in a space, and only its moderators in an announcements space.
        await reader.SendEventAsync(space, "Intrus").ShouldBeProblemAsync(HttpStatusCode.Forbidden, "space.members-only");
    }

    [Fact]
    public async Task A_monthly_series_starts_on_its_first_matching_day_and_lists_its_next_occurrences()
    {
        var owner = await NewPersonAsync("Owner");
        var space = await owner.CreateSpaceAsync("Objectifs");

        // Asked from Monday 10 May 2027 for "last Friday": 28 May, then 25 June (09:00 Paris, summer time).
        var e = await owner.CreateEventAsync(space, "Objectifs du mois", start: "2027-05-10T09:00", end: "2027-05-10T10:00",
            repeat: EventRepeat.MonthlyByWeekday, repeatWeek: -1, repeatDay: DayOfWeek.Friday);

        Assert.Equal("2027-05-28T09:00", e.LocalStart);
        Assert.Equal(
            ["2027-05-28T07:00Z", "2027-06-25T07:00Z", "2027-07-30T07:00Z", "2027-08-27T07:00Z", "2027-09-24T07:00Z"],
            e.NextOccurrences.Select(o => EventScheduleTests.Format(o.StartsAt)));
    }

    [Fact]
    public async Task An_invitation_disappears_from_the_centre_when_its_reader_leaves_the_space()
    {
        var owner = await NewPersonAsync("Owner");
        var member = await NewPersonAsync("Member");
        var space = await owner.CreateSpaceAsync("Comité", SpaceVisibility.Private);
        await owner.AddToSpaceAsync(space, member);
        var e = await owner.CreateEventAsync(space, "Réunion du comité", invitees: [member.Id]);
        Assert.Contains(await member.NotificationsAsync(), n => n.EventId == e.Id);

        await owner.RemoveFromSpaceAsync(space, member);

        Assert.DoesNotContain(await member.NotificationsAsync(), n => n.EventId == e.Id);
        Assert.Equal(0, await member.UnreadAsync());
    }

    [Fact]
    public async Task Event_lists_take_the_same_number_of_SQL_commands_for_3_or_15_events()
    {
        var owner = await NewPersonAsync("Owner");
        var space = await owner.CreateSpaceAsync("Équipe");
        var others = new List<Actor>();
        for (var i = 0; i < 3; i++)
        {
            others.Add(await NewPersonAsync("Invité"));
        }

        async Task<(int Space, int Mine)> MeasureAsync()
        {
            App.Commands.Reset();
            await owner.SpaceEventsAsync(space);
            var forSpace = App.Commands.Count;
            App.Commands.Reset();
            await owner.MyEventsAsync();
            return (forSpace, App.Commands.Count);
        }

        for (var i = 0; i < 3; i++)
        {
            await owner.CreateEventAsync(space, $"Réunion {i}", repeat: EventRepeat.Weekly, invitees: others.Select(o => o.Id).ToList());
        }

        var few = await MeasureAsync();
        for (var i = 0; i < 12; i++)
        {
            await owner.CreateEventAsync(space, $"Autre {i}", repeat: i % 2 == 0 ? EventRepeat.MonthlyByWeekday : EventRepeat.None, repeatWeek: i % 2 == 0 ? 2 : null,
                invitees: others.Select(o => o.Id).ToList());
        }

        var many = await MeasureAsync();
        Assert.True(many.Space <= few.Space && many.Mine <= few.Mine, $"3 events: {few}, 15 events: {many}");
        Assert.InRange(many.Space, 1, 4);
        Assert.InRange(many.Mine, 1, 3);
        TestContext.Current.TestOutputHelper?.WriteLine($"SQL commands: space events {many.Space}, my events {many.Mine} (with the bearer token check)");
    }

    private static async Task<string> ReadCalendarAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        await Actor.ExpectAsync(response, HttpStatusCode.OK);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadAsStringAsync();
    }
}

public sealed class EventTestsOnSqlite(SqliteApp app) : EventTests(app), IClassFixture<SqliteApp>;

public sealed class EventTestsOnPostgres(PostgresApp app) : EventTests(app), IClassFixture<PostgresApp>;
