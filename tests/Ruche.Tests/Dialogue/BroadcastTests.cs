using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Ruche.Core.Data;
using Ruche.Core.Dialogue;
using Ruche.Tests.Infrastructure;
using Ruche.Tests.Notifications;

namespace Ruche.Tests.Dialogue;

/// <summary>The agreement and broadcasts: identical terms for every union, the monthly quota, and each employee's consent.</summary>
public abstract class BroadcastTests(RucheApp app) : ProviderTests(app)
{
    [Fact]
    public async Task An_agreement_that_treats_unions_differently_is_refused_and_nothing_is_recorded()
    {
        var admin = await NewPersonAsync("Admin", roles: "administrator");
        var hr = await NewPersonAsync("Rh", roles: "hr");
        var a = await admin.RecordUnionAsync("Syndicat Ruche Solidaires " + Guid.NewGuid().ToString("N")[..6], await NewPersonAsync("Délégué A"));
        var b = await admin.RecordUnionAsync("Union Ruche Ouvrière " + Guid.NewGuid().ToString("N")[..6], await NewPersonAsync("Délégué B"));
        var before = await admin.Http.GetAsync("/api/v1/unions/agreement");
        var beforeBody = await before.Content.ReadAsStringAsync();

        var richer = DialogueSteps.OpenTerms with { BroadcastsPerMonth = 4 };
        await admin.SendAgreementAsync(DialogueSteps.OpenTerms, new[] { new { unionId = a.Id, terms = DialogueSteps.OpenTerms }, new { unionId = b.Id, terms = richer } })
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "dialogue.agreement-unequal");
        var fewerChannels = DialogueSteps.OpenTerms with { Questions = false };
        await admin.SendAgreementAsync(DialogueSteps.OpenTerms, new[] { new { unionId = b.Id, terms = fewerChannels } })
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "dialogue.agreement-unequal");
        Assert.Equal(beforeBody, await admin.Http.GetStringAsync("/api/v1/unions/agreement"));

        // Bad input, and anyone but an administrator: refused the same way.
        await admin.SendAgreementAsync(DialogueSteps.OpenTerms, from: "2027-01-01", until: "2026-01-01").ShouldBeProblemAsync(HttpStatusCode.BadRequest, "dialogue.agreement-dates-invalid");
        await admin.SendAgreementAsync(DialogueSteps.OpenTerms with { BroadcastsPerMonth = 0 }).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "dialogue.agreement-quota-invalid");
        await hr.SendAgreementAsync(DialogueSteps.OpenTerms).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "administrator-required");

        // The same terms written for each union are the agreement's own terms: accepted, once, for all.
        await Actor.ExpectAsync(
            await admin.SendAgreementAsync(DialogueSteps.OpenTerms, new[] { new { unionId = a.Id, terms = DialogueSteps.OpenTerms }, new { unionId = b.Id, terms = DialogueSteps.OpenTerms } }),
            HttpStatusCode.Created);
        Assert.Equal(DialogueSteps.OpenTerms, (await hr.GetAsync<AgreementView>("/api/v1/unions/agreement")).Terms);
    }

    [Fact]
    public async Task Without_an_agreement_a_union_has_its_space_and_nothing_more()
    {
        await using (var scope = App.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<RucheDbContext>().Set<UnionAgreement>().ExecuteDeleteAsync();
        }

        var admin = await NewPersonAsync("Admin", roles: "administrator");
        var delegateActor = await NewPersonAsync("Délégué");
        var employee = await NewPersonAsync("Salariée");
        var union = await admin.RecordUnionAsync("Ruche Sans Accord " + Guid.NewGuid().ToString("N")[..6], delegateActor);

        Assert.Equal(Ruche.Core.Spaces.SpaceRole.Owner, (await delegateActor.SpaceOfAsync(union)).MyRole);
        await delegateActor.SendBroadcastAsync(union, "Tract").ShouldBeProblemAsync(HttpStatusCode.Forbidden, "dialogue.broadcasts-not-agreed");
        await employee.Http.PostAsync($"/api/v1/unions/{union.Id}/questions", System.Net.Http.Json.JsonContent.Create(new { body = "Bonjour" }))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden, "dialogue.questions-not-agreed");
    }

    [Fact]
    public async Task An_opt_out_holds_for_the_very_next_broadcast_and_a_broadcast_over_quota_sends_nothing()
    {
        var admin = await NewPersonAsync("Admin", roles: "administrator");
        await admin.RecordAgreementAsync();
        var delegateActor = await NewPersonAsync("Délégué");
        var accepting = await NewPersonAsync("Accepte");
        var refusing = await NewPersonAsync("Refuse");
        var undecided = await NewPersonAsync("Indécis");
        var union = await admin.RecordUnionAsync("Ruche Consentement " + Guid.NewGuid().ToString("N")[..6], delegateActor);
        await accepting.ChooseBroadcastsAsync(union, accepts: true);
        await refusing.ChooseBroadcastsAsync(union, accepts: true);

        // Changed their mind just before: the very next broadcast respects it.
        await refusing.ChooseBroadcastsAsync(union, accepts: false);
        var first = await delegateActor.BroadcastAsync(union, "Première diffusion");

        Assert.Contains(await accepting.NotificationsAsync(), n => n.Kind == DialogueNotifications.Broadcast.Name && n.SubjectId == first);
        Assert.DoesNotContain(await refusing.NotificationsAsync(), n => n.Kind == DialogueNotifications.Broadcast.Name);
        await refusing.Http.GetAsync($"/api/v1/unions/broadcasts/{first}").ShouldBeProblemAsync(HttpStatusCode.NotFound, "dialogue.broadcast-not-found");
        Assert.Empty(await refusing.GetAsync<List<BroadcastView>>($"/api/v1/unions/{union.Id}/broadcasts"));

        // Pull only by default: who has not chosen is not sent it, and may still go and read it.
        Assert.DoesNotContain(await undecided.NotificationsAsync(), n => n.Kind == DialogueNotifications.Broadcast.Name);
        Assert.Equal("Première diffusion", (await undecided.GetAsync<BroadcastView>($"/api/v1/unions/broadcasts/{first}")).Title);

        // Accepting again takes effect at once too.
        await refusing.ChooseBroadcastsAsync(union, accepts: true);
        var second = await delegateActor.BroadcastAsync(union, "Deuxième diffusion");
        Assert.Contains(await refusing.NotificationsAsync(), n => n.Kind == DialogueNotifications.Broadcast.Name && n.SubjectId == second);

        // The agreement allows 2 a month: the third is refused and nobody hears of it.
        await delegateActor.SendBroadcastAsync(union, "Troisième diffusion").ShouldBeProblemAsync(HttpStatusCode.Conflict, "dialogue.broadcast-quota");
        Assert.Equal(2, (await delegateActor.GetAsync<List<BroadcastView>>($"/api/v1/unions/{union.Id}/broadcasts")).Count);
        Assert.Equal(2, (await accepting.NotificationsAsync()).Count(n => n.Kind == DialogueNotifications.Broadcast.Name));
    }

    [Fact]
    public async Task Only_a_delegate_broadcasts_and_bad_broadcasts_are_refused()
    {
        var admin = await NewPersonAsync("Admin", roles: "administrator");
        await admin.RecordAgreementAsync();
        var delegateActor = await NewPersonAsync("Délégué");
        var employee = await NewPersonAsync("Salarié");
        var union = await admin.RecordUnionAsync("Ruche Droits " + Guid.NewGuid().ToString("N")[..6], delegateActor);

        foreach (var other in new[] { admin, employee })
        {
            await other.SendBroadcastAsync(union, "Usurpation").ShouldBeProblemAsync(HttpStatusCode.Forbidden, "dialogue.delegates-only");
        }

        await delegateActor.SendBroadcastAsync(union, "  ").ShouldBeProblemAsync(HttpStatusCode.BadRequest, "dialogue.broadcast-title-invalid");
        await delegateActor.SendBroadcastAsync(union, "Titre", new string('x', DialogueLimits.BroadcastBodyMaxLength + 1)).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "dialogue.broadcast-body-invalid");
        await delegateActor.SendBroadcastAsync(union with { Id = 987654321 }, "Titre").ShouldBeProblemAsync(HttpStatusCode.NotFound, "dialogue.union-not-found");
        Assert.Empty(await delegateActor.GetAsync<List<BroadcastView>>($"/api/v1/unions/{union.Id}/broadcasts"));
    }

    [Fact]
    public async Task The_union_sees_its_reach_as_counts_of_five_or_more_and_nobody_else_sees_it()
    {
        var admin = await NewPersonAsync("Admin", roles: "administrator");
        var hr = await NewPersonAsync("Rh", roles: "hr");
        await admin.RecordAgreementAsync();
        var delegateActor = await NewPersonAsync("Délégué");
        var union = await admin.RecordUnionAsync("Ruche Audience " + Guid.NewGuid().ToString("N")[..6], delegateActor);
        var people = new List<Actor>();
        for (var i = 0; i < 5; i++)
        {
            people.Add(await NewPersonAsync($"Lecteur {i}"));
        }

        foreach (var person in people.Take(4))
        {
            await person.ChooseBroadcastsAsync(union, accepts: true);
        }

        await people[4].ChooseBroadcastsAsync(union, accepts: false);
        var small = await delegateActor.BroadcastAsync(union, "Petit groupe");
        var reach = await delegateActor.GetAsync<UnionReach>($"/api/v1/unions/{union.Id}/reach");
        Assert.Null(reach.Accepting);
        Assert.Null(reach.Refusing);
        Assert.Null(reach.Broadcasts.Single(b => b.BroadcastId == small).Recipients);

        await people[4].ChooseBroadcastsAsync(union, accepts: true);
        var large = await delegateActor.BroadcastAsync(union, "Cinq personnes");
        reach = await delegateActor.GetAsync<UnionReach>($"/api/v1/unions/{union.Id}/reach");
        Assert.Equal(5, reach.Accepting);
        Assert.Equal(5, reach.Broadcasts.Single(b => b.BroadcastId == large).Recipients);

        foreach (var other in new[] { admin, hr, people[0] })
        {
            await other.Http.GetAsync($"/api/v1/unions/{union.Id}/reach").ShouldBeProblemAsync(HttpStatusCode.Forbidden, "dialogue.delegates-only");
        }
    }
}

public sealed class BroadcastTestsOnSqlite(SqliteApp app) : BroadcastTests(app), IClassFixture<SqliteApp>;

public sealed class BroadcastTestsOnPostgres(PostgresApp app) : BroadcastTests(app), IClassFixture<PostgresApp>;
