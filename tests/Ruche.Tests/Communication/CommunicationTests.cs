using System.Net;
using Ruche.Core.Communication;
using Ruche.Core.People;
using Ruche.Tests.Infrastructure;
using Ruche.Tests.Notifications;

namespace Ruche.Tests.Communication;

/// <summary>
/// Targeted HR messages: only HR and the communication role send; the audience and each recipient's refusals decide who
/// receives; the sender sees counts of at least 5, overall and per group, never a reader.
/// </summary>
public abstract class CommunicationTests(RucheApp app) : ProviderTests(app)
{
    [Fact]
    public async Task Only_hr_and_communication_send_and_bad_messages_are_refused_with_nothing_sent()
    {
        var employee = await NewPersonAsync("Salarié");
        var admin = await NewPersonAsync("Admin", roles: "administrator");
        var delegateActor = await NewPersonAsync("Délégué", roles: "union-delegate");
        var hr = await NewPersonAsync("Rh", roles: "hr");
        var communication = await NewPersonAsync("Communication", roles: "communication");
        foreach (var other in new[] { employee, admin, delegateActor })
        {
            await other.SendMessageAsync("Usurpation").ShouldBeProblemAsync(HttpStatusCode.Forbidden, "communication.senders-only");
            await other.Http.GetAsync("/api/v1/communication/messages/sent").ShouldBeProblemAsync(HttpStatusCode.Forbidden, "communication.senders-only");
        }

        await hr.SendMessageAsync("  ").ShouldBeProblemAsync(HttpStatusCode.BadRequest, "communication.title-invalid");
        await hr.SendMessageAsync("Titre", body: "").ShouldBeProblemAsync(HttpStatusCode.BadRequest, "communication.body-invalid");
        await hr.SendMessageAsync("Titre", category: "gossip").ShouldBeProblemAsync(HttpStatusCode.BadRequest, "communication.category-invalid");
        await hr.SendMessageAsync("Titre", audience: new { siteId = 987654321 }).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "audience.site-unknown");
        await hr.SendMessageAsync("Titre", audience: new { departmentId = 987654321 }).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "audience.department-unknown");
        await hr.SendMessageAsync("Titre", audience: new { topic = "#!!" }).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "audience.topic-invalid");
        Assert.Empty(await hr.GetAsync<List<SentMessage>>("/api/v1/communication/messages/sent"));
        Assert.Empty(await employee.GetAsync<List<InboxItem>>("/api/v1/communication/inbox"));

        var (site, _) = await App.NewSiteAndDepartmentAsync();
        await App.PlaceAsync(employee, site, null);
        var sent = await communication.MessageAsync("Nouveaux badges", "essential", new { siteId = site });
        Assert.Equal("Nouveaux badges", (await employee.OpenAsync(sent)).Title);
        Assert.Single(await communication.GetAsync<List<SentMessage>>("/api/v1/communication/messages/sent"));

        // The sender's reach is theirs: another sender, an administrator and a recipient are refused it.
        await hr.Http.GetAsync($"/api/v1/communication/messages/{sent}/reach").ShouldBeProblemAsync(HttpStatusCode.NotFound, "communication.message-not-found");
        await admin.Http.GetAsync($"/api/v1/communication/messages/{sent}/reach").ShouldBeProblemAsync(HttpStatusCode.Forbidden, "communication.senders-only");
        await employee.Http.GetAsync($"/api/v1/communication/messages/{sent}/reach").ShouldBeProblemAsync(HttpStatusCode.Forbidden, "communication.senders-only");
        await admin.Http.GetAsync($"/api/v1/communication/messages/{sent}").ShouldBeProblemAsync(HttpStatusCode.NotFound, "communication.message-not-found");
    }

    [Fact]
    public async Task The_audience_and_each_refusal_decide_who_receives_and_a_refusal_holds_for_the_very_next_message()
    {
        var hr = await NewPersonAsync("Rh", roles: "hr");
        var (site, department) = await App.NewSiteAndDepartmentAsync();
        var executive = await NewPersonAsync("Cadre");
        var clerk = await NewPersonAsync("Employée");
        var refusing = await NewPersonAsync("Refuse la vie au travail");
        var elsewhere = await NewPersonAsync("Ailleurs");
        var follower = await NewPersonAsync("Suit le sujet");
        await App.PlaceAsync(executive, site, department, JobCategory.Executives);
        await App.PlaceAsync(clerk, site, null, JobCategory.Employees);
        await App.PlaceAsync(refusing, site, department, JobCategory.Executives);
        var topic = "mobilite" + Guid.NewGuid().ToString("N")[..6];
        await follower.FollowTagAsync(topic);
        await refusing.RefuseAsync("life-at-work");

        var bySite = await hr.MessageAsync("Semaine QVT", "life-at-work", new { siteId = site });
        Assert.Contains(await executive.NotificationsAsync(), n => n.Kind == CommunicationNotifications.Message.Name && n.SubjectId == bySite);
        Assert.Contains(await clerk.NotificationsAsync(), n => n.SubjectId == bySite && n.Kind == CommunicationNotifications.Message.Name);
        Assert.DoesNotContain(await refusing.NotificationsAsync(), n => n.Kind == CommunicationNotifications.Message.Name);
        Assert.DoesNotContain(await elsewhere.NotificationsAsync(), n => n.Kind == CommunicationNotifications.Message.Name);
        foreach (var outsider in new[] { refusing, elsewhere, follower })
        {
            await outsider.Http.GetAsync($"/api/v1/communication/messages/{bySite}").ShouldBeProblemAsync(HttpStatusCode.NotFound, "communication.message-not-found");
        }

        // Category and department narrow further; a topic reaches its followers; essential messages cannot be refused.
        var executives = await hr.MessageAsync("Séminaire cadres", "company-news", new { siteId = site, jobCategory = "executives" });
        Assert.Equal("Séminaire cadres", (await refusing.OpenAsync(executives)).Title);
        await clerk.Http.GetAsync($"/api/v1/communication/messages/{executives}").ShouldBeProblemAsync(HttpStatusCode.NotFound, "communication.message-not-found");
        var byTopic = await hr.MessageAsync("Plan de mobilité", "company-news", new { topic = "#" + topic });
        Assert.Equal("Plan de mobilité", (await follower.OpenAsync(byTopic)).Title);
        await executive.Http.GetAsync($"/api/v1/communication/messages/{byTopic}").ShouldBeProblemAsync(HttpStatusCode.NotFound, "communication.message-not-found");
        await refusing.Http.PutAsync("/api/v1/communication/opt-outs/essential", System.Net.Http.Json.JsonContent.Create(new { refuses = true }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "communication.category-not-refusable");
        var essential = await hr.MessageAsync("Exercice incendie", "essential", new { siteId = site, departmentId = department });
        Assert.Equal("Exercice incendie", (await refusing.OpenAsync(essential)).Title);
        await clerk.Http.GetAsync($"/api/v1/communication/messages/{essential}").ShouldBeProblemAsync(HttpStatusCode.NotFound, "communication.message-not-found");

        // Changed their mind: the very next message respects it, both ways.
        await executive.RefuseAsync("life-at-work");
        await refusing.RefuseAsync("life-at-work", refuses: false);
        var next = await hr.MessageAsync("Atelier sommeil", "life-at-work", new { siteId = site });
        await executive.Http.GetAsync($"/api/v1/communication/messages/{next}").ShouldBeProblemAsync(HttpStatusCode.NotFound, "communication.message-not-found");
        Assert.Equal("Atelier sommeil", (await refusing.OpenAsync(next)).Title);
        Assert.Contains(await refusing.GetAsync<List<OptOutView>>("/api/v1/communication/opt-outs"), o => o.Category == "life-at-work" && !o.Refused);
    }

    [Fact]
    public async Task The_sender_sees_reach_as_counts_of_five_or_more_overall_and_per_group_and_never_a_reader()
    {
        var communication = await NewPersonAsync("Communication", roles: "communication");
        var (site, first) = await App.NewSiteAndDepartmentAsync();
        var second = await App.NewDepartmentAsync();
        var readers = new List<Actor>();
        for (var i = 0; i < 12; i++)
        {
            var person = await NewPersonAsync($"Lecteur {i}");
            await App.PlaceAsync(person, site, i < 7 ? first : second);
            readers.Add(person);
        }

        var message = await communication.MessageAsync("Résultats annuels", "company-news", new { siteId = site });
        var sent = Assert.Single(await communication.GetAsync<List<SentMessage>>("/api/v1/communication/messages/sent"), m => m.Id == message);
        Assert.Equal(12, sent.Recipients);
        Assert.Null(sent.Reads);

        // Four readers: no count anywhere; opening twice counts once.
        foreach (var reader in readers.Take(4))
        {
            await reader.OpenAsync(message);
        }

        await readers[0].OpenAsync(message);
        var reach = await communication.ReachAsync(message);
        Assert.Equal(12, reach.Recipients);
        Assert.Null(reach.Reads);
        Assert.Empty(reach.BySite);
        Assert.Empty(reach.ByDepartment);

        // The fifth (of the first department): the total and the site show (5 read, 7 did not); the departments still
        // do not (5 of 7 read in the first: too few did not; none in the second), nor would one by difference.
        await readers[4].OpenAsync(message);
        reach = await communication.ReachAsync(message);
        Assert.Equal(5, reach.Reads);
        var siteGroup = Assert.Single(reach.BySite);
        Assert.Equal(5, siteGroup.Reads);
        Assert.Empty(reach.ByDepartment);
        Assert.Null(reach.OtherDepartments);

        // Nothing in what the sender receives names a person.
        var raw = await communication.Http.GetStringAsync($"/api/v1/communication/messages/{message}/reach")
            + await communication.Http.GetStringAsync("/api/v1/communication/messages/sent")
            + await (await App.SignInWithBrowserCookiesAsync(communication)).GetStringAsync($"/communication/{message}");
        foreach (var reader in readers)
        {
            Assert.DoesNotContain(reader.Name, raw, StringComparison.Ordinal);
        }

        // The reader alone sees their flag.
        Assert.True(Assert.Single(await readers[0].GetAsync<List<InboxItem>>("/api/v1/communication/inbox"), m => m.Id == message).IsRead);
        Assert.False(Assert.Single(await readers[6].GetAsync<List<InboxItem>>("/api/v1/communication/inbox"), m => m.Id == message).IsRead);
    }
}

public sealed class CommunicationTestsOnSqlite(SqliteApp app) : CommunicationTests(app), IClassFixture<SqliteApp>;

public sealed class CommunicationTestsOnPostgres(PostgresApp app) : CommunicationTests(app), IClassFixture<PostgresApp>;
