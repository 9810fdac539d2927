using System.Net;
using System.Net.Http.Json;
using Ruche.Core.Common;
using Ruche.Core.People;
using Ruche.Tests.Infrastructure;
using Ruche.Web.Admin;

namespace Ruche.Tests.Access;

public abstract class AdministrationTests(RucheApp app) : ProviderTests(app)
{
    [Fact]
    public async Task An_administrator_invites_someone_with_a_one_time_link()
    {
        var admin = await NewPersonAsync("Admin", roles: RoleNames.Administrator);

        // The link starts with the configured public address (Ruche:PublicUrl), whatever Host the request names.
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/admin/invitations") { Content = JsonContent.Create(new { email = "  Nouvelle.Recrue@Test.Ruche " }, options: Actor.Json) };
        request.Headers.Host = "evil.example";
        var response = await admin.Http.SendAsync(request);
        var invitation = await Actor.ReadAsync<InvitationDto>(response, HttpStatusCode.Created);

        Assert.Equal("nouvelle.recrue@test.ruche", invitation.Email);
        // Built from the configured public address (Ruche:PublicUrl, here its default), not from the request.
        Assert.StartsWith("http://localhost:5080/invitation/inv_", invitation.Link, StringComparison.Ordinal);
        Assert.True(invitation.ExpiresAt > TimeProvider.System.GetUtcNow().UtcDateTime.AddDays(13));

        // The link opens the invitation page for that address, anonymously.
        var page = await App.Anonymous().GetAsync(new Uri(invitation.Link).PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("nouvelle.recrue@test.ruche", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var forged = await App.Anonymous().GetAsync("/invitation/inv_forged");
        Assert.DoesNotContain("nouvelle.recrue@test.ruche", await forged.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_administrators_invite()
    {
        var employee = await NewPersonAsync("Employee");
        var hr = await NewPersonAsync("Hr", roles: RoleNames.HumanResources);

        await employee.Http.PostAsJsonAsync("/api/v1/admin/invitations", new { email = "ami@test.ruche" }, Actor.Json)
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden, "administrator-required");
        await hr.Http.PostAsJsonAsync("/api/v1/admin/invitations", new { email = "ami@test.ruche" }, Actor.Json)
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden, "administrator-required");
    }

    [Fact]
    public async Task Invitations_need_a_new_valid_address()
    {
        var admin = await NewPersonAsync("Admin", roles: RoleNames.Administrator);
        var existing = await NewPersonAsync("Existing");

        await admin.Http.PostAsJsonAsync("/api/v1/admin/invitations", new { email = existing.Email.ToUpperInvariant() }, Actor.Json)
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "account.email-taken");
        await admin.Http.PostAsJsonAsync("/api/v1/admin/invitations", new { email = "pas une adresse" }, Actor.Json)
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "account.email-invalid");
        await admin.Http.PostAsJsonAsync("/api/v1/admin/invitations", new { email = "Nom <nom@test.ruche>" }, Actor.Json)
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "account.email-invalid");
    }

    [Fact]
    public async Task Only_administrators_read_or_change_registration_settings()
    {
        var admin = await NewPersonAsync("Admin", roles: RoleNames.Administrator);
        var employee = await NewPersonAsync("Employee");

        await employee.Http.PutAsJsonAsync("/api/v1/admin/settings/registration", new { open = true, domain = "evil.example" }, Actor.Json)
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden, "administrator-required");
        await employee.Http.GetAsync("/api/v1/admin/settings").ShouldBeProblemAsync(HttpStatusCode.Forbidden, "administrator-required");
        Assert.Equal(new RegistrationSettings(false, null), await admin.GetAsync<RegistrationSettings>("/api/v1/admin/settings"));

        Assert.Equal(
            HttpStatusCode.NoContent,
            (await admin.Http.PutAsJsonAsync("/api/v1/admin/settings/registration", new { open = true, domain = "@Ruche.Example" }, Actor.Json)).StatusCode);
        Assert.Equal(new RegistrationSettings(true, "ruche.example"), await admin.GetAsync<RegistrationSettings>("/api/v1/admin/settings"));

        await admin.Http.PutAsJsonAsync("/api/v1/admin/settings/registration", new { open = true, domain = "pas un domaine/" }, Actor.Json)
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "settings.domain-invalid");
        Assert.Equal(new RegistrationSettings(true, "ruche.example"), await admin.GetAsync<RegistrationSettings>("/api/v1/admin/settings"));
    }

    [Fact]
    public async Task Roles_set_by_an_administrator_take_effect_at_the_next_request()
    {
        var admin = await NewPersonAsync("Admin", roles: RoleNames.Administrator);
        var person = await NewPersonAsync("Person");
        var colleague = await NewPersonAsync("Colleague");
        Assert.Equal([RoleNames.Employee], await admin.GetAsync<List<string>>($"/api/v1/admin/people/{person.Id}/roles"));
        await person.Http.PatchAsJsonAsync($"/api/v1/people/{colleague.Id}", new { jobTitle = "Stagiaire" }, Actor.Json)
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden, "profile.not-yours");

        Assert.Equal(HttpStatusCode.NoContent, (await admin.Http.PutAsJsonAsync($"/api/v1/admin/people/{person.Id}/roles", new { roles = new[] { RoleNames.HumanResources } }, Actor.Json)).StatusCode);

        Assert.Equal([RoleNames.Employee, RoleNames.HumanResources], await admin.GetAsync<List<string>>($"/api/v1/admin/people/{person.Id}/roles"));
        Assert.Equal(HttpStatusCode.OK, (await person.Http.PatchAsJsonAsync($"/api/v1/people/{colleague.Id}", new { jobTitle = "Analyste" }, Actor.Json)).StatusCode);

        // Taking the role back takes the power back, and "employee" always stays.
        Assert.Equal(HttpStatusCode.NoContent, (await admin.Http.PutAsJsonAsync($"/api/v1/admin/people/{person.Id}/roles", new { roles = Array.Empty<string>() }, Actor.Json)).StatusCode);
        Assert.Equal([RoleNames.Employee], await admin.GetAsync<List<string>>($"/api/v1/admin/people/{person.Id}/roles"));
        await person.Http.PatchAsJsonAsync($"/api/v1/people/{colleague.Id}", new { jobTitle = "Stagiaire" }, Actor.Json)
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden, "profile.not-yours");
        Assert.Equal("Analyste", (await admin.ProfileAsync(colleague)).JobTitle);
    }

    [Fact]
    public async Task Only_administrators_manage_roles_and_only_known_ones()
    {
        var admin = await NewPersonAsync("Admin", roles: RoleNames.Administrator);
        var hr = await NewPersonAsync("Hr", roles: RoleNames.HumanResources);
        var person = await NewPersonAsync("Person");

        await person.Http.PutAsJsonAsync($"/api/v1/admin/people/{person.Id}/roles", new { roles = new[] { RoleNames.Administrator } }, Actor.Json)
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden, "administrator-required");
        await hr.Http.PutAsJsonAsync($"/api/v1/admin/people/{hr.Id}/roles", new { roles = new[] { RoleNames.Administrator, RoleNames.HumanResources } }, Actor.Json)
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden, "administrator-required");
        await hr.Http.GetAsync($"/api/v1/admin/people/{person.Id}/roles").ShouldBeProblemAsync(HttpStatusCode.Forbidden, "administrator-required");
        await admin.Http.PutAsJsonAsync($"/api/v1/admin/people/{person.Id}/roles", new { roles = new[] { "superuser" } }, Actor.Json)
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "role.unknown");
        await admin.Http.PutAsJsonAsync($"/api/v1/admin/people/{person.Id}/roles", new { roles = new[] { "Administrator" } }, Actor.Json)
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "role.unknown");
        await admin.Http.PutAsJsonAsync("/api/v1/admin/people/987654321/roles", new { roles = new[] { RoleNames.HumanResources } }, Actor.Json)
            .ShouldBeProblemAsync(HttpStatusCode.NotFound, "person.not-found");

        Assert.Equal([RoleNames.Employee], await admin.GetAsync<List<string>>($"/api/v1/admin/people/{person.Id}/roles"));
        Assert.Equal([RoleNames.Employee, RoleNames.HumanResources], await admin.GetAsync<List<string>>($"/api/v1/admin/people/{hr.Id}/roles"));
    }
}

public sealed class AdministrationTestsOnSqlite(SqliteApp app) : AdministrationTests(app), IClassFixture<SqliteApp>;

public sealed class AdministrationTestsOnPostgres(PostgresApp app) : AdministrationTests(app), IClassFixture<PostgresApp>;

/// <summary>Its own database, so the administrator it creates is the company's only one.</summary>
public abstract class LastAdministratorTests(RucheApp app) : ProviderTests(app)
{
    [Fact]
    public async Task The_company_keeps_at_least_one_administrator()
    {
        var first = await NewPersonAsync("First", roles: RoleNames.Administrator);
        var second = await NewPersonAsync("Second");

        await first.Http.PutAsJsonAsync($"/api/v1/admin/people/{first.Id}/roles", new { roles = Array.Empty<string>() }, Actor.Json)
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "role.last-administrator");
        await first.Http.PutAsJsonAsync($"/api/v1/admin/people/{first.Id}/roles", new { roles = new[] { RoleNames.HumanResources } }, Actor.Json)
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "role.last-administrator");
        Assert.Equal([RoleNames.Administrator, RoleNames.Employee], await first.GetAsync<List<string>>($"/api/v1/admin/people/{first.Id}/roles"));

        // With a second administrator, the first may step down — and loses the rights at once.
        await Actor.ExpectAsync(
            await first.Http.PutAsJsonAsync($"/api/v1/admin/people/{second.Id}/roles", new { roles = new[] { RoleNames.Administrator } }, Actor.Json),
            HttpStatusCode.NoContent);
        await Actor.ExpectAsync(
            await first.Http.PutAsJsonAsync($"/api/v1/admin/people/{first.Id}/roles", new { roles = Array.Empty<string>() }, Actor.Json),
            HttpStatusCode.NoContent);
        await first.Http.GetAsync("/api/v1/admin/settings").ShouldBeProblemAsync(HttpStatusCode.Forbidden, "administrator-required");

        await second.Http.PutAsJsonAsync($"/api/v1/admin/people/{second.Id}/roles", new { roles = Array.Empty<string>() }, Actor.Json)
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "role.last-administrator");
        Assert.Equal([RoleNames.Administrator, RoleNames.Employee], await second.GetAsync<List<string>>($"/api/v1/admin/people/{second.Id}/roles"));
    }
}

public sealed class LastAdministratorTestsOnSqlite(SqliteApp app) : LastAdministratorTests(app), IClassFixture<SqliteApp>;

public sealed class LastAdministratorTestsOnPostgres(PostgresApp app) : LastAdministratorTests(app), IClassFixture<PostgresApp>;
