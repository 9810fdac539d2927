using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Ruche.Core.Data;
using Ruche.Core.Records;
using Ruche.Tests.Infrastructure;
using Ruche.Tests.Notifications;

namespace Ruche.Tests.Records;

/// <summary>CSE minutes: the elected secretary alone writes them; deadlines by kind and by agreement; one reminder; adoption, publication, the employer's answers.</summary>
public abstract class CseMinutesTests(RucheApp app) : ProviderTests(app)
{
    [Fact]
    public async Task Only_the_secretary_edits_the_minutes()
    {
        var (admin, president, secretary, member, hr, employee) = await CastAsync();
        var cse = await admin.RecordCseAsync(president, secretary, member);
        var meeting = await president.ScheduleAsync(cse, Today().AddDays(-2));

        await president.SendMinutesAsync(meeting, "Le président réécrit").ShouldBeProblemAsync(HttpStatusCode.Forbidden, "records.secretary-only");
        await member.SendMinutesAsync(meeting, "Un membre réécrit").ShouldBeProblemAsync(HttpStatusCode.Forbidden, "records.secretary-only");
        await admin.SendMinutesAsync(meeting, "L'administrateur réécrit").ShouldBeProblemAsync(HttpStatusCode.NotFound, "records.meeting-not-found");
        await hr.SendMinutesAsync(meeting, "Les RH réécrivent").ShouldBeProblemAsync(HttpStatusCode.NotFound, "records.meeting-not-found");
        await secretary.SendMinutesAsync(meeting, " ").ShouldBeProblemAsync(HttpStatusCode.BadRequest, "records.text-invalid");
        Assert.Null((await secretary.MeetingAsync(meeting)).MinutesSavedAt);

        await Actor.ExpectAsync(await secretary.SendMinutesAsync(meeting, "## Point 1\nLe CSE rend un avis favorable."), HttpStatusCode.NoContent);
        var seen = await president.MeetingAsync(meeting);
        Assert.Contains("avis favorable", seen.Minutes, StringComparison.Ordinal);
        Assert.False(seen.CanWrite);
        Assert.True((await secretary.MeetingAsync(meeting)).CanWrite);

        // The president and members remark; nobody else does, nor reads the draft.
        await Actor.ExpectAsync(await Remark(member, meeting, "Ajouter la question des primes"), HttpStatusCode.Created);
        await Actor.ExpectAsync(await Remark(president, meeting, "La date de la consultation est le 3"), HttpStatusCode.Created);
        await Remark(hr, meeting, "Intrusion").ShouldBeProblemAsync(HttpStatusCode.NotFound, "records.meeting-not-found");
        await employee.Http.GetAsync($"/api/v1/cse/meetings/{meeting}").ShouldBeProblemAsync(HttpStatusCode.NotFound, "records.meeting-not-found");
        Assert.Equal(2, (await secretary.MeetingAsync(meeting)).Remarks.Count);
    }

    [Fact]
    public async Task Adoption_at_a_later_meeting_then_publication_then_the_employer_answers()
    {
        var (admin, president, secretary, member, _, employee) = await CastAsync();
        var cse = await admin.RecordCseAsync(president, secretary, member);
        var first = await president.ScheduleAsync(cse, Today().AddDays(-30), title: "Réunion de novembre");
        var earlier = await president.ScheduleAsync(cse, Today().AddDays(-40), title: "Réunion d'octobre");
        var next = await secretary.ScheduleAsync(cse, Today().AddDays(-1), title: "Réunion de décembre");
        await Actor.ExpectAsync(await secretary.SendMinutesAsync(first, "Avis favorable sur le plan de formation."), HttpStatusCode.NoContent);

        await Adopt(president, first, next, 10, 2).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "records.secretary-only");
        await Adopt(secretary, first, earlier, 10, 2).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "records.adoption-invalid");
        await Adopt(secretary, first, next, 2, 10).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "records.adoption-invalid");
        await Adopt(secretary, first, next, -1, 0).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "records.adoption-invalid");
        var coming = await secretary.ScheduleAsync(cse, Today().AddDays(5), title: "Réunion de janvier");
        await Adopt(secretary, first, coming, 10, 2).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "records.adoption-invalid");
        await Publish(secretary, first).ShouldBeProblemAsync(HttpStatusCode.Conflict, "records.minutes-not-adopted");
        Assert.Equal(MinutesStatus.Draft, (await secretary.MeetingAsync(first)).Status);

        await Actor.ExpectAsync(await Adopt(secretary, first, next, 10, 2), HttpStatusCode.NoContent);
        await secretary.SendMinutesAsync(first, "Retouche").ShouldBeProblemAsync(HttpStatusCode.Conflict, "records.minutes-adopted");
        await Publish(president, first).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "records.secretary-only");
        await Actor.ExpectAsync(await Publish(secretary, first), HttpStatusCode.NoContent);

        var published = await employee.MeetingAsync(first);
        Assert.Equal(MinutesStatus.Published, published.Status);
        Assert.Equal(next, published.Adoption?.AtMeetingId);
        Assert.Empty(published.Remarks);
        await Answer(member, first, "Réponse").ShouldBeProblemAsync(HttpStatusCode.Forbidden, "records.president-only");
        await Answer(president, first, " ").ShouldBeProblemAsync(HttpStatusCode.BadRequest, "records.comment-invalid");
        await Actor.ExpectAsync(await Answer(president, first, "La direction financera 20 % de formations en plus."), HttpStatusCode.Created);
        Assert.Single((await employee.MeetingAsync(first)).EmployerAnswers);
        Assert.Contains("records.minutes-adopted", await admin.Http.GetStringAsync("/api/v1/admin/audit?pageSize=100"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deadlines_follow_the_meeting_kind_and_the_agreement()
    {
        var (admin, president, secretary, member, hr, _) = await CastAsync();
        var cse = await admin.RecordCseAsync(president, secretary, member);
        var held = Today().AddDays(-1);
        Assert.Equal(held.AddDays(15), (await secretary.MeetingAsync(await president.ScheduleAsync(cse, held))).DeadlineAt);
        Assert.Equal(held.AddDays(3), (await secretary.MeetingAsync(await president.ScheduleAsync(cse, held, "threeDay"))).DeadlineAt);
        var urgent = await secretary.MeetingAsync(await president.ScheduleAsync(cse, Today().AddDays(-3), "oneDay"));
        Assert.Equal(Today().AddDays(-2), urgent.DeadlineAt);
        Assert.True(urgent.Overdue);

        await member.SendScheduleAsync(cse, held).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "records.cse-officers-only");
        await president.SendScheduleAsync(cse, held, "weekly").ShouldBeProblemAsync(HttpStatusCode.BadRequest, "records.meeting-invalid");
        await Deadlines(hr, cse, 20, 5, 2).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "administrator-required");
        await Deadlines(admin, cse, 0, 5, 2).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "records.cse-deadlines-invalid");
        Assert.Equal(15, (await admin.GetAsync<CseView>($"/api/v1/cse/{cse}")).Deadlines.DeadlineDays);

        await Actor.ExpectAsync(await Deadlines(admin, cse, 20, 5, 2), HttpStatusCode.NoContent);
        Assert.Equal(held.AddDays(20), (await secretary.MeetingAsync(await president.ScheduleAsync(cse, held))).DeadlineAt);
        Assert.Equal(held.AddDays(2), (await secretary.MeetingAsync(await president.ScheduleAsync(cse, held, "oneDay"))).DeadlineAt);
    }

    [Fact]
    public async Task The_secretary_is_reminded_once_before_the_deadline()
    {
        var (admin, president, secretary, member, _, _) = await CastAsync();
        var cse = await admin.RecordCseAsync(president, secretary, member);
        var soon = await president.ScheduleAsync(cse, Today().AddDays(-14), title: "Réunion à rendre bientôt");
        var later = await president.ScheduleAsync(cse, Today().AddDays(-2), title: "Réunion à rendre plus tard");

        await using var scope = App.Services.CreateAsyncScope();
        var reminders = scope.ServiceProvider.GetRequiredService<MinutesReminders>();
        var db = scope.ServiceProvider.GetRequiredService<RucheDbContext>();
        await reminders.RemindAsync(CancellationToken.None);
        var told = await secretary.NotificationsAsync();
        Assert.Contains(told, n => n.Kind == RecordsNotifications.MinutesDue.Name && n.SubjectId == soon);
        Assert.DoesNotContain(told, n => n.SubjectId == later);
        Assert.DoesNotContain(await president.NotificationsAsync(), n => n.Kind == RecordsNotifications.MinutesDue.Name);

        // Once: with the first reminder gone, a second run does not send it again.
        await db.Notifications.Where(n => n.SubjectId == soon && n.Kind == RecordsNotifications.MinutesDue.Name).ExecuteDeleteAsync();
        await reminders.RemindAsync(CancellationToken.None);
        Assert.DoesNotContain(await secretary.NotificationsAsync(), n => n.Kind == RecordsNotifications.MinutesDue.Name && n.SubjectId == soon);
    }

    [Fact]
    public async Task Recording_a_cse_is_for_administrators_with_valid_people()
    {
        var (admin, president, secretary, member, hr, _) = await CastAsync();
        await hr.SendRecordCseAsync(president, secretary, member).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "administrator-required");
        await admin.SendRecordCseAsync(president, president, member).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "records.cse-secretary-invalid");

        // The employer's side never writes the minutes nor sits as an elected member: not HR, not the administrator recording it.
        await admin.SendRecordCseAsync(president, hr, member).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "records.cse-elected-employer");
        await admin.SendRecordCseAsync(president, secretary, admin).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "records.cse-elected-employer");
        await admin.Http.PostAsJsonAsync("/api/v1/admin/cse", new { name = "CSE", presidentId = president.Id, secretaryId = long.MaxValue }, Actor.Json)
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "records.cse-people-invalid");
        Assert.DoesNotContain(await admin.GetAsync<List<CseView>>("/api/v1/cse"), c => c.President.Id == president.Id);
    }

    private static DateTime Today() => DateTime.SpecifyKind(TimeProvider.System.GetUtcNow().UtcDateTime.Date.AddHours(9), DateTimeKind.Utc);

    private static Task<HttpResponseMessage> Remark(Actor person, long meeting, string text) =>
        person.Http.PostAsJsonAsync($"/api/v1/cse/meetings/{meeting}/remarks", new { text }, Actor.Json);

    private static Task<HttpResponseMessage> Answer(Actor person, long meeting, string text) =>
        person.Http.PostAsJsonAsync($"/api/v1/cse/meetings/{meeting}/answers", new { text }, Actor.Json);

    private static Task<HttpResponseMessage> Adopt(Actor person, long meeting, long at, int votesFor, int votesAgainst) =>
        person.Http.PostAsJsonAsync($"/api/v1/cse/meetings/{meeting}/adoption", new { atMeetingId = at, votesFor, votesAgainst, votesAbstaining = 1 }, Actor.Json);

    private static Task<HttpResponseMessage> Publish(Actor person, long meeting) => person.Http.PostAsync($"/api/v1/cse/meetings/{meeting}/publication", null);

    private static Task<HttpResponseMessage> Deadlines(Actor person, long cse, int days, int shortDays, int urgentDays) =>
        person.Http.PutAsJsonAsync($"/api/v1/admin/cse/{cse}/deadlines", new { deadlineDays = days, shortDeadlineDays = shortDays, urgentDeadlineDays = urgentDays }, Actor.Json);

    private async Task<(Actor Admin, Actor President, Actor Secretary, Actor Member, Actor Hr, Actor Employee)> CastAsync() => (
        await NewPersonAsync("Admin", roles: "administrator"),
        await NewPersonAsync("Président", roles: "direction"),
        await NewPersonAsync("Secrétaire", roles: "staff-representative"),
        await NewPersonAsync("Élue", roles: "staff-representative"),
        await NewPersonAsync("RH", roles: "hr"),
        await NewPersonAsync("Salarié"));
}

public sealed class CseMinutesTestsOnSqlite(SqliteApp app) : CseMinutesTests(app), IClassFixture<SqliteApp>;

public sealed class CseMinutesTestsOnPostgres(PostgresApp app) : CseMinutesTests(app), IClassFixture<PostgresApp>;
