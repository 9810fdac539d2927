using System.Net;
using System.Net.Http.Json;
using Ruche.Core.Dialogue;
using Ruche.Tests.Infrastructure;
using Ruche.Tests.Notifications;
using Ruche.Web.Dialogue;

namespace Ruche.Tests.Dialogue;

/// <summary>The company removes illicit union content only through a recorded procedure that the union sees and may contest.</summary>
public abstract class TakedownTests(RucheApp app) : ProviderTests(app)
{
    [Fact]
    public async Task A_takedown_without_reason_or_legal_basis_is_refused_and_removes_nothing()
    {
        var admin = await NewPersonAsync("Admin", roles: "administrator");
        var hr = await NewPersonAsync("Rh", roles: "hr");
        var delegateActor = await NewPersonAsync("Délégué");
        var union = await admin.RecordUnionAsync("Ruche Retraits " + Guid.NewGuid().ToString("N")[..6], delegateActor);
        var post = await delegateActor.PostAsync("Tract", await delegateActor.SpaceOfAsync(union));
        var elsewhere = await delegateActor.PostAsync("Hors espace syndical");

        await Send(admin, post.Id, " ", "Loi du 29 juillet 1881").ShouldBeProblemAsync(HttpStatusCode.BadRequest, "dialogue.takedown-reason-required");
        await Send(admin, post.Id, "Propos injurieux", null).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "dialogue.takedown-legal-basis-required");
        await Send(admin, elsewhere.Id, "Propos injurieux", "Loi").ShouldBeProblemAsync(HttpStatusCode.BadRequest, "dialogue.takedown-not-union");
        await Send(hr, post.Id, "Propos injurieux", "Loi").ShouldBeProblemAsync(HttpStatusCode.Forbidden, "administrator-required");

        var seen = await admin.GetPostAsync(post.Id);
        Assert.Null(seen.HiddenReason);
        Assert.Empty(await delegateActor.GetAsync<List<TakedownView>>($"/api/v1/unions/{union.Id}/takedowns"));
        Assert.DoesNotContain(await delegateActor.NotificationsAsync(), n => n.Kind == DialogueNotifications.Takedown.Name);
    }

    [Fact]
    public async Task A_takedown_is_recorded_told_to_the_union_and_contested_by_it()
    {
        var admin = await NewPersonAsync("Admin", roles: "administrator");
        var delegateActor = await NewPersonAsync("Déléguée");
        var employee = await NewPersonAsync("Salarié");
        var union = await admin.RecordUnionAsync("Ruche Contestation " + Guid.NewGuid().ToString("N")[..6], delegateActor);
        var post = await delegateActor.PostAsync("Le directeur X est un voleur", await delegateActor.SpaceOfAsync(union));

        var id = (await Actor.ReadAsync<CreatedId>(await Send(admin, post.Id, "Propos diffamatoires envers une personne nommée", "Loi du 29 juillet 1881, art. 29"), HttpStatusCode.Created)).Id;

        // The union is told, with the reason, the legal basis and who decided; the post is hidden from everyone else.
        Assert.Contains(await delegateActor.NotificationsAsync(), n => n.Kind == DialogueNotifications.Takedown.Name && n.SubjectId == id);
        var seen = await delegateActor.GetAsync<TakedownView>($"/api/v1/unions/takedowns/{id}");
        Assert.Equal("Loi du 29 juillet 1881, art. 29", seen.LegalBasis);
        Assert.Equal(admin.Id, seen.DecidedBy?.Id);
        Assert.Equal(HttpStatusCode.NotFound, (await employee.Http.GetAsync($"/api/v1/posts/{post.Id}")).StatusCode);
        await employee.Http.GetAsync($"/api/v1/unions/takedowns/{id}").ShouldBeProblemAsync(HttpStatusCode.NotFound, "dialogue.takedown-not-found");
        await Send(admin, post.Id, "Encore", "Loi").ShouldBeProblemAsync(HttpStatusCode.Conflict, "dialogue.takedown-already");

        // The union contests it, once; the company reads the contest on the record.
        await employee.Http.PostAsJsonAsync($"/api/v1/unions/takedowns/{id}/contest", new { text = "Intrusion" }, Actor.Json)
            .ShouldBeProblemAsync(HttpStatusCode.NotFound, "dialogue.takedown-not-found");
        await delegateActor.Http.PostAsJsonAsync($"/api/v1/unions/takedowns/{id}/contest", new { text = " " }, Actor.Json)
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "dialogue.takedown-contest-required");
        await Actor.ExpectAsync(
            await delegateActor.Http.PostAsJsonAsync($"/api/v1/unions/takedowns/{id}/contest", new { text = "Faits établis par le rapport d'audit" }, Actor.Json), HttpStatusCode.NoContent);
        await delegateActor.Http.PostAsJsonAsync($"/api/v1/unions/takedowns/{id}/contest", new { text = "Encore" }, Actor.Json)
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "dialogue.takedown-contested");
        Assert.Equal("Faits établis par le rapport d'audit", (await admin.GetAsync<TakedownView>($"/api/v1/unions/takedowns/{id}")).Contest);
        Assert.Contains("dialogue.takedown", await admin.Http.GetStringAsync("/api/v1/admin/audit?pageSize=100"), StringComparison.Ordinal);
    }

    private static Task<HttpResponseMessage> Send(Actor person, long postId, string? reason, string? legalBasis) =>
        person.Http.PostAsJsonAsync("/api/v1/admin/union-takedowns", new { postId, reason, legalBasis }, Actor.Json);
}

public sealed class TakedownTestsOnSqlite(SqliteApp app) : TakedownTests(app), IClassFixture<SqliteApp>;

public sealed class TakedownTestsOnPostgres(PostgresApp app) : TakedownTests(app), IClassFixture<PostgresApp>;
