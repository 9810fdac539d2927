using System.Net;
using System.Net.Http.Json;
using Ruche.Core.Access;
using Ruche.Core.Common;
using Ruche.Tests.Infrastructure;

namespace Ruche.Tests.Admin;

/// <summary>The administrators' people list and deactivation from a person's line, through HTTP; others are refused.</summary>
public abstract class PeopleAdministrationTests(RucheApp app) : ProviderTests(app)
{
    [Theory]
    [InlineData(null)]
    [InlineData(RoleNames.HumanResources)]
    public async Task Only_administrators_list_people_or_deactivate_them(string? role)
    {
        var someone = role is null ? await NewPersonAsync("Employee") : await NewPersonAsync("HR", "Europe/Paris", role);
        var colleague = await NewPersonAsync("Colleague");

        await someone.Http.GetAsync("/api/v1/admin/people").ShouldBeProblemAsync(HttpStatusCode.Forbidden, "administrator-required");
        await someone.Http.PutAsJsonAsync($"/api/v1/admin/people/{colleague.Id}/active", new { active = false })
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden, "administrator-required");
        await (await App.SignInWithBrowserCookiesAsync(someone)).PageAsync("/admin/people", HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.OK, (await colleague.Http.GetAsync("/api/v1/people/me")).StatusCode);
    }

    [Fact]
    public async Task Administrators_search_by_name_or_email_and_filter_by_role_and_status()
    {
        var admin = await NewPersonAsync("Admin", "Europe/Paris", RoleNames.Administrator);
        var marker = Guid.NewGuid().ToString("N")[..6];
        var hr = await NewPersonAsync($"Ressources {marker}", "Europe/Paris", RoleNames.HumanResources);
        var plain = await NewPersonAsync($"Salarié {marker}");

        var byName = await admin.GetAsync<PeoplePage>($"/api/v1/admin/people?search={marker.ToUpperInvariant()}");
        Assert.Equal([hr.Id, plain.Id], byName.Items.Select(p => p.Id).Order());
        Assert.Contains(RoleNames.HumanResources, byName.Items.Single(p => p.Id == hr.Id).Roles);

        var byEmail = await admin.GetAsync<PeoplePage>($"/api/v1/admin/people?search={Uri.EscapeDataString(plain.Email[..8])}");
        Assert.Equal(plain.Id, Assert.Single(byEmail.Items).Id);

        var hrOnly = await admin.GetAsync<PeoplePage>($"/api/v1/admin/people?search={marker}&role=hr");
        Assert.Equal(hr.Id, Assert.Single(hrOnly.Items).Id);

        var page = WebUtility.HtmlDecode(await (await App.SignInWithBrowserCookiesAsync(admin)).PageAsync($"/admin/people?search={marker}&page=x&status=nonsense"));
        Assert.Contains(plain.Name, page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deactivating_from_the_list_signs_the_person_out_is_audited_and_can_be_undone()
    {
        var admin = await NewPersonAsync("Admin", "Europe/Paris", RoleNames.Administrator);
        var leaver = await NewPersonAsync("Leaver");

        await Actor.ExpectAsync(await admin.Http.PutAsJsonAsync($"/api/v1/admin/people/{leaver.Id}/active", new { active = false }), HttpStatusCode.NoContent);

        Assert.Equal(HttpStatusCode.Unauthorized, (await leaver.Http.GetAsync("/api/v1/people/me")).StatusCode);
        var deactivated = await admin.GetAsync<PeoplePage>($"/api/v1/admin/people?search={Uri.EscapeDataString(leaver.Email)}&status=Deactivated");
        Assert.False(Assert.Single(deactivated.Items).IsActive);
        Assert.Empty((await admin.GetAsync<PeoplePage>($"/api/v1/admin/people?search={Uri.EscapeDataString(leaver.Email)}&status=Active")).Items);
        var audit = await admin.Http.GetStringAsync("/api/v1/admin/audit?pageSize=100");
        Assert.Contains("person.deactivated", audit, StringComparison.Ordinal);

        await Actor.ExpectAsync(await admin.Http.PutAsJsonAsync($"/api/v1/admin/people/{leaver.Id}/active", new { active = true }), HttpStatusCode.NoContent);
        Assert.True(Assert.Single((await admin.GetAsync<PeoplePage>($"/api/v1/admin/people?search={Uri.EscapeDataString(leaver.Email)}")).Items).IsActive);
        Assert.Contains("person.reactivated", await admin.Http.GetStringAsync("/api/v1/admin/audit?pageSize=100"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_input_is_refused_with_a_clear_problem_and_changes_nothing()
    {
        var admin = await NewPersonAsync("Admin", "Europe/Paris", RoleNames.Administrator);
        var person = await NewPersonAsync("Person");

        await admin.Http.PutAsJsonAsync($"/api/v1/admin/people/{person.Id}/active", new { }).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "person.active-required");
        await admin.Http.PutAsJsonAsync($"/api/v1/admin/people/{admin.Id}/active", new { active = false }).ShouldBeProblemAsync(HttpStatusCode.Conflict, "person.deactivate-self");
        await admin.Http.PutAsJsonAsync("/api/v1/admin/people/999999999/active", new { active = false }).ShouldBeProblemAsync(HttpStatusCode.NotFound, "person.not-found");
        await admin.Http.GetAsync("/api/v1/admin/people?page=0").ShouldBeProblemAsync(HttpStatusCode.BadRequest, "people.page-out-of-range");
        await admin.Http.GetAsync("/api/v1/admin/people?page=100000").ShouldBeProblemAsync(HttpStatusCode.BadRequest, "people.page-out-of-range");
        await admin.Http.GetAsync("/api/v1/admin/people?role=king").ShouldBeProblemAsync(HttpStatusCode.BadRequest, "role.unknown");
        await admin.Http.GetAsync($"/api/v1/admin/people?search={new string('x', 101)}").ShouldBeProblemAsync(HttpStatusCode.BadRequest, "people.search-too-long");

        Assert.Equal(HttpStatusCode.OK, (await person.Http.GetAsync("/api/v1/people/me")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.Http.GetAsync("/api/v1/people/me")).StatusCode);
    }
}

public sealed class PeopleAdministrationTestsOnSqlite(SqliteApp app) : PeopleAdministrationTests(app), IClassFixture<SqliteApp>;

public sealed class PeopleAdministrationTestsOnPostgres(PostgresApp app) : PeopleAdministrationTests(app), IClassFixture<PostgresApp>;
