using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Ruche.Core.Data;
using Ruche.Core.Spaces;
using Ruche.Tests.Infrastructure;
using Ruche.Tests.Notifications;

namespace Ruche.Tests.Dialogue;

/// <summary>
/// Union spaces under L2142-6 and GDPR art. 9: owned by the union's delegates, never by an administrator whatever the
/// route, and who belongs to them is the delegates' to know only.
/// </summary>
public abstract class UnionSpaceTests(RucheApp app) : ProviderTests(app)
{
    [Theory]
    [InlineData(SpaceKind.Union)]
    [InlineData(SpaceKind.StaffRepresentation)]
    public async Task Nobody_creates_a_union_space_as_a_plain_space_not_even_an_administrator(SpaceKind kind)
    {
        var admin = await NewPersonAsync("Admin", roles: "administrator");
        var employee = await NewPersonAsync("Employee");

        foreach (var person in new[] { admin, employee })
        {
            await person.Http.PostAsJsonAsync("/api/v1/spaces", new { name = "Section syndicale", kind, visibility = "Open" }, Actor.Json)
                .ShouldBeProblemAsync(HttpStatusCode.Forbidden, "space.kind-reserved");
        }

        Assert.DoesNotContain(await admin.GetAsync<List<SpaceSummary>>("/api/v1/spaces"), s => s.Kind == kind && s.Name == "Section syndicale");
    }

    [Fact]
    public async Task Recording_a_union_gives_its_space_to_its_delegates_and_not_to_the_administrator()
    {
        var admin = await NewPersonAsync("Admin", roles: "administrator");
        var delegateActor = await NewPersonAsync("Délégué");
        var union = await admin.RecordUnionAsync("Syndicat Ruche Solidaires " + Guid.NewGuid().ToString("N")[..6], delegateActor);

        var asDelegate = await delegateActor.SpaceOfAsync(union);
        Assert.Equal(SpaceKind.Union, asDelegate.Kind);
        Assert.Equal(SpaceRole.Owner, asDelegate.MyRole);
        Assert.True(asDelegate.CanListMembers);
        Assert.Equal(1, asDelegate.MemberCount);

        var asAdmin = await admin.SpaceOfAsync(union);
        Assert.Null(asAdmin.MyRole);
        Assert.False(asAdmin.CanModerate);
        Assert.False(asAdmin.CanListMembers);
        Assert.Null(asAdmin.MemberCount);
        Assert.True(asAdmin.CanRead);
    }

    [Fact]
    public async Task Only_the_delegates_list_a_union_space_s_members_or_learn_who_joined()
    {
        var admin = await NewPersonAsync("Admin", roles: "administrator");
        var hr = await NewPersonAsync("Rh", roles: "hr");
        var delegateActor = await NewPersonAsync("Délégué");
        var member = await NewPersonAsync("Adhérente");
        var union = await admin.RecordUnionAsync("Union Ruche Ouvrière " + Guid.NewGuid().ToString("N")[..6], delegateActor);
        var space = await delegateActor.SpaceOfAsync(union);

        // The administrator and HR join the open space like anyone; then an employee joins.
        Assert.Equal(MembershipStatus.Active, await admin.JoinAsync(space));
        Assert.Equal(MembershipStatus.Active, await hr.JoinAsync(space));
        Assert.Equal(MembershipStatus.Active, await member.JoinAsync(space));

        foreach (var outsider in new[] { admin, hr, member })
        {
            await outsider.Http.GetAsync($"/api/v1/spaces/{space.Id}/members").ShouldBeProblemAsync(HttpStatusCode.Forbidden, "space.members-private");
            await outsider.Http.GetAsync($"/api/v1/spaces/{space.Id}/team").ShouldBeProblemAsync(HttpStatusCode.Forbidden, "space.members-private");
            await outsider.Http.GetAsync($"/api/v1/spaces/{space.Id}/goals-board").ShouldBeProblemAsync(HttpStatusCode.Forbidden, "space.members-private");
            Assert.Null((await outsider.SpaceOfAsync(union)).MemberCount);
            Assert.DoesNotContain(await outsider.NotificationsAsync(), n => n.Kind == SpaceNotifications.NewMember.Name);
            var page = await (await App.SignInWithBrowserCookiesAsync(outsider)).GetAsync($"/spaces/{space.Id}/members");
            Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
            Assert.DoesNotContain(member.Name, await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        var members = await delegateActor.GetAsync<List<SpaceMemberView>>($"/api/v1/spaces/{space.Id}/members");
        Assert.Contains(members, m => m.PersonId == member.Id);
        Assert.Contains(await delegateActor.NotificationsAsync(), n => n.Kind == SpaceNotifications.NewMember.Name);
        Assert.Equal(4, (await delegateActor.SpaceOfAsync(union)).MemberCount);
    }

    [Fact]
    public async Task No_route_makes_an_administrator_owner_or_moderator_of_a_union_space()
    {
        var admin = await NewPersonAsync("Admin", roles: "administrator");
        var delegateActor = await NewPersonAsync("Déléguée");
        var union = await admin.RecordUnionAsync("Ruche Autonomes " + Guid.NewGuid().ToString("N")[..6], delegateActor);
        var space = await delegateActor.SpaceOfAsync(union);
        await admin.JoinAsync(space);

        // Space roles: neither the delegate (by mistake or under pressure) nor the administrator can make an administrator moderate.
        foreach (var role in new[] { SpaceRole.Moderator, SpaceRole.Owner })
        {
            await delegateActor.Http.PutAsJsonAsync($"/api/v1/spaces/{space.Id}/members/{admin.Id}/role", new { role }, Actor.Json)
                .ShouldBeProblemAsync(HttpStatusCode.Forbidden, "space.administrator-excluded");
            await admin.Http.PutAsJsonAsync($"/api/v1/spaces/{space.Id}/members/{admin.Id}/role", new { role }, Actor.Json)
                .ShouldBeProblemAsync(HttpStatusCode.Forbidden, "space.moderator-required");
        }

        // Recording a union or its delegates: an administrator is never one of them.
        await admin.SendRecordUnionAsync("Syndicat des admins " + Guid.NewGuid().ToString("N")[..6], admin).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "space.administrator-excluded");
        await admin.Http.PutAsJsonAsync($"/api/v1/admin/unions/{union.Id}/delegates", new { delegateIds = new[] { delegateActor.Id, admin.Id } }, Actor.Json)
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden, "space.administrator-excluded");

        // Company roles: a delegate who runs the space is not made administrator.
        await admin.Http.PutAsJsonAsync($"/api/v1/admin/people/{delegateActor.Id}/roles", new { roles = new[] { "administrator" } }, Actor.Json)
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "role.administrator-runs-union-space");

        // Erasing the delegate leaves the space to nobody rather than to the administrator.
        var other = await NewPersonAsync("Autre délégué");
        await Actor.ExpectAsync(
            await admin.Http.PutAsJsonAsync($"/api/v1/admin/unions/{union.Id}/delegates", new { delegateIds = new[] { delegateActor.Id, other.Id } }, Actor.Json), HttpStatusCode.NoContent);
        await Actor.ExpectAsync(await admin.Http.DeleteAsync($"/api/v1/admin/people/{delegateActor.Id}"), HttpStatusCode.NoContent);

        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RucheDbContext>();
        var roles = await db.SpaceMemberships.Where(m => m.SpaceId == space.Id).Select(m => new { m.PersonId, m.Role }).ToListAsync();
        Assert.Equal(SpaceRole.Member, roles.Single(r => r.PersonId == admin.Id).Role);
        Assert.Equal(SpaceRole.Owner, roles.Single(r => r.PersonId == other.Id).Role);
        Assert.DoesNotContain(roles, r => r.PersonId == delegateActor.Id);
        var asAdmin = await admin.SpaceOfAsync(union);
        Assert.False(asAdmin.CanModerate);
        Assert.False(asAdmin.CanListMembers);
    }

    [Fact]
    public async Task An_administrator_deletes_no_post_of_a_union_space()
    {
        var admin = await NewPersonAsync("Admin", roles: "administrator");
        var delegateActor = await NewPersonAsync("Délégué");
        var union = await admin.RecordUnionAsync("Ruche Cadres " + Guid.NewGuid().ToString("N")[..6], delegateActor);
        var post = await delegateActor.PostAsync("Tract : négociation annuelle obligatoire", await delegateActor.SpaceOfAsync(union));
        var elsewhere = await delegateActor.PostAsync("Bonjour à tous");

        Assert.False((await admin.GetPostAsync(post.Id)).Can.Delete);
        Assert.True((await admin.GetPostAsync(elsewhere.Id)).Can.Delete);
        var refused = await admin.Http.DeleteAsync($"/api/v1/posts/{post.Id}");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(post.Body, (await delegateActor.GetPostAsync(post.Id)).Body);
    }

    [Fact]
    public async Task The_union_spaces_page_and_events_show_no_member_to_an_administrator()
    {
        var admin = await NewPersonAsync("Admin", roles: "administrator");
        var delegateActor = await NewPersonAsync("Délégué");
        var member = await NewPersonAsync("Participante");
        var union = await admin.RecordUnionAsync("Ruche Techniciens " + Guid.NewGuid().ToString("N")[..6], delegateActor);
        var space = await delegateActor.SpaceOfAsync(union);
        await member.JoinAsync(space);
        await admin.JoinAsync(space);
        var meeting = await Ruche.Tests.Events.EventSteps.CreateEventAsync(delegateActor, space, "Permanence syndicale");
        await Actor.ExpectAsync(await Ruche.Tests.Events.EventSteps.RespondAsync(member, meeting.Id, "yes"), HttpStatusCode.NoContent);

        var asAdmin = await admin.Http.GetStringAsync($"/api/v1/events/{meeting.Id}");
        Assert.DoesNotContain(member.Name, asAdmin, StringComparison.Ordinal);
        Assert.Contains(member.Name, await delegateActor.Http.GetStringAsync($"/api/v1/events/{meeting.Id}"), StringComparison.Ordinal);
        Assert.Contains(member.Name, await member.Http.GetStringAsync($"/api/v1/events/{meeting.Id}"), StringComparison.Ordinal);

        var page = await (await App.SignInWithBrowserCookiesAsync(admin)).GetStringAsync($"/spaces/{space.Id}");
        Assert.DoesNotContain($"/spaces/{space.Id}/members", page, StringComparison.Ordinal);
        Assert.DoesNotContain(member.Name, page, StringComparison.Ordinal);
    }
}

public sealed class UnionSpaceTestsOnSqlite(SqliteApp app) : UnionSpaceTests(app), IClassFixture<SqliteApp>;

public sealed class UnionSpaceTestsOnPostgres(PostgresApp app) : UnionSpaceTests(app), IClassFixture<PostgresApp>;
