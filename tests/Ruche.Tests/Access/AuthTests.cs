using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Ruche.Core.Access;
using Ruche.Core.People;
using Ruche.Core.Profiles;
using Ruche.Tests.Infrastructure;

namespace Ruche.Tests.Access;

public abstract class AuthTests(RucheApp app) : ProviderTests(app)
{
    [Fact]
    public async Task The_right_password_gives_a_token_that_works()
    {
        var person = await NewPersonAsync("Person");
        var client = App.Anonymous();

        var issued = await Actor.ReadAsync<IssuedToken>(
            await client.PostAsJsonAsync("/api/v1/auth/token", new { email = person.Email, password = RucheApp.Password }, Actor.Json),
            HttpStatusCode.OK);

        Assert.StartsWith("ruche_", issued.Token, StringComparison.Ordinal);
        Assert.True(issued.ExpiresAt > TimeProvider.System.GetUtcNow().UtcDateTime.AddHours(7));
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", issued.Token);
        Assert.Equal(person.Id, (await Actor.ReadAsync<Profile>(await client.GetAsync("/api/v1/people/me"), HttpStatusCode.OK)).Id);
    }

    [Fact]
    public async Task E_mail_addresses_are_matched_whatever_their_case()
    {
        var person = await NewPersonAsync("Person");

        var response = await App.Anonymous().PostAsJsonAsync(
            "/api/v1/auth/token", new { email = "  " + person.Email.ToUpperInvariant() + " ", password = RucheApp.Password }, Actor.Json);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Wrong_credentials_give_the_same_answer_whether_or_not_the_account_exists()
    {
        var person = await NewPersonAsync("Person");
        var client = App.Anonymous();

        await client.PostAsJsonAsync("/api/v1/auth/token", new { email = person.Email, password = "Wrong-password-42" }, Actor.Json)
            .ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "auth.invalid-credentials");
        await client.PostAsJsonAsync("/api/v1/auth/token", new { email = person.Email, password = RucheApp.Password.ToUpperInvariant() }, Actor.Json)
            .ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "auth.invalid-credentials");
        await client.PostAsJsonAsync("/api/v1/auth/token", new { email = "nobody@test.ruche", password = RucheApp.Password }, Actor.Json)
            .ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "auth.invalid-credentials");
        await client.PostAsJsonAsync("/api/v1/auth/token", new { email = person.Email }, Actor.Json)
            .ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "auth.invalid-credentials");
        await client.PostAsJsonAsync("/api/v1/auth/token", new { password = RucheApp.Password }, Actor.Json)
            .ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "auth.invalid-credentials");
    }

    [Fact]
    public async Task Repeated_failures_lock_the_account_even_for_the_right_password()
    {
        var person = await NewPersonAsync("Person");
        var client = App.Anonymous();
        for (var i = 0; i < 7; i++)
        {
            await client.PostAsJsonAsync("/api/v1/auth/token", new { email = person.Email, password = $"Wrong-password-{i}" }, Actor.Json)
                .ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "auth.invalid-credentials");
        }

        // Locked, the account answers like a wrong password (a stranger must not learn it exists), even to the right one.
        await client.PostAsJsonAsync("/api/v1/auth/token", new { email = person.Email, password = "Wrong-password-8" }, Actor.Json)
            .ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "auth.invalid-credentials");
        await client.PostAsJsonAsync("/api/v1/auth/token", new { email = person.Email, password = RucheApp.Password }, Actor.Json)
            .ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "auth.invalid-credentials");

        // Tokens issued before stay valid: locking stops guessing, it does not sign anyone out.
        Assert.Equal(person.Id, (await person.GetAsync<Profile>("/api/v1/people/me")).Id);
    }

    [Theory]
    [InlineData("/api/v1/feeds/home")]
    [InlineData("/api/v1/people/me")]
    [InlineData("/api/v1/spaces")]
    [InlineData("/api/v1/admin/settings")]
    public async Task The_api_refuses_anonymous_calls_with_a_problem(string url)
    {
        var response = await App.Anonymous().GetAsync(url);

        await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "auth.required");
        Assert.Contains(response.Headers.WwwAuthenticate, h => h.Scheme == "Bearer");
    }

    [Fact]
    public async Task Anonymous_writes_are_refused_and_create_nothing()
    {
        var reader = await NewPersonAsync("Reader");

        await App.Anonymous().PostAsJsonAsync("/api/v1/posts", new { body = "Anonyme" }, Actor.Json)
            .ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "auth.required");

        Assert.DoesNotContain((await reader.CompanyAsync()).Items, p => p.Body == "Anonyme");
    }

    [Theory]
    [InlineData("Bearer garbage")]
    [InlineData("Bearer ruche_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("Bearer ")]
    [InlineData("Basic dXNlcjpwYXNz")]
    public async Task An_unknown_credential_is_refused(string authorization)
    {
        var client = App.Anonymous();
        client.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", authorization);

        (await client.GetAsync("/api/v1/feeds/home")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_personal_access_token_works_until_revoked()
    {
        var person = await NewPersonAsync("Person");

        var created = await person.Http.PostAsJsonAsync("/api/v1/me/tokens", new { name = "Script d'export", expiresInDays = 30 }, Actor.Json);
        var issued = await Actor.ReadAsync<IssuedToken>(created, HttpStatusCode.Created);
        Assert.InRange(issued.ExpiresAt, TimeProvider.System.GetUtcNow().UtcDateTime.AddDays(29), TimeProvider.System.GetUtcNow().UtcDateTime.AddDays(31));

        var client = App.Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", issued.Token);
        Assert.Equal(person.Id, (await Actor.ReadAsync<Profile>(await client.GetAsync("/api/v1/people/me"), HttpStatusCode.OK)).Id);

        var listed = Assert.Single(await person.GetAsync<List<AccessTokenView>>("/api/v1/me/tokens"));
        Assert.Equal("Script d'export", listed.Name);
        Assert.Equal(issued.Token[..12], listed.Prefix);
        Assert.Null(listed.RevokedAt);

        Assert.Equal(HttpStatusCode.NoContent, (await person.Http.DeleteAsync($"/api/v1/me/tokens/{issued.Id}")).StatusCode);

        await client.GetAsync("/api/v1/people/me").ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "auth.required");
        Assert.NotNull(Assert.Single(await person.GetAsync<List<AccessTokenView>>("/api/v1/me/tokens")).RevokedAt);
        Assert.Equal(person.Id, (await person.GetAsync<Profile>("/api/v1/people/me")).Id);
    }

    [Fact]
    public async Task Nobody_lists_or_revokes_someone_else_s_tokens()
    {
        var owner = await NewPersonAsync("Owner");
        var other = await NewPersonAsync("Other");
        var issued = await Actor.ReadAsync<IssuedToken>(
            await owner.Http.PostAsJsonAsync("/api/v1/me/tokens", new { name = "CI" }, Actor.Json), HttpStatusCode.Created);

        Assert.Empty(await other.GetAsync<List<AccessTokenView>>("/api/v1/me/tokens"));
        await other.Http.DeleteAsync($"/api/v1/me/tokens/{issued.Id}").ShouldBeProblemAsync(HttpStatusCode.NotFound, "token.not-found");

        var client = App.Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", issued.Token);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/people/me")).StatusCode);
    }

    [Fact]
    public async Task Personal_tokens_need_a_name_and_a_bounded_lifetime()
    {
        var person = await NewPersonAsync("Person");

        await person.Http.PostAsJsonAsync("/api/v1/me/tokens", new { name = " " }, Actor.Json).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "token.name-invalid");
        await person.Http.PostAsJsonAsync("/api/v1/me/tokens", new { name = new string('n', 101) }, Actor.Json).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "token.name-invalid");
        await person.Http.PostAsJsonAsync("/api/v1/me/tokens", new { name = (string?)null }, Actor.Json).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "token.name-invalid");
        await person.Http.PostAsJsonAsync("/api/v1/me/tokens", new { name = "x", expiresInDays = 0 }, Actor.Json).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "token.expiry-invalid");
        await person.Http.PostAsJsonAsync("/api/v1/me/tokens", new { name = "x", expiresInDays = 367 }, Actor.Json).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "token.expiry-invalid");

        Assert.Empty(await person.GetAsync<List<AccessTokenView>>("/api/v1/me/tokens"));
    }

    [Fact]
    public async Task Health_and_the_openapi_document_are_public()
    {
        var client = App.Anonymous();

        var health = await client.GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal("Healthy", await health.Content.ReadAsStringAsync());

        // Ready: the schema is the one this build expects and the node is not stopping.
        var ready = await client.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("Healthy", await ready.Content.ReadAsStringAsync());

        var openApi = await client.GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, openApi.StatusCode);
        var document = await openApi.Content.ReadAsStringAsync();
        Assert.Contains("\"/api/v1/posts\"", document, StringComparison.Ordinal);
        Assert.Contains("\"/api/v1/auth/token\"", document, StringComparison.Ordinal);
        Assert.Contains("\"bearer\"", document, StringComparison.Ordinal);
        Assert.DoesNotContain("/ui/", document, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_malformed_request_is_a_problem_too()
    {
        var person = await NewPersonAsync("Person");

        await person.Http.PostAsync("/api/v1/posts", new StringContent("{ not json", System.Text.Encoding.UTF8, "application/json"))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "request.malformed");
        await person.Http.GetAsync("/api/v1/feeds/home?pageSize=beaucoup").ShouldBeProblemAsync(HttpStatusCode.BadRequest, "request.malformed");
        await person.Http.GetAsync("/api/v1/feeds/home?pageSize=0").ShouldBeProblemAsync(HttpStatusCode.BadRequest, "page-size.invalid");
        await person.Http.GetAsync("/api/v1/feeds/home?cursor=abc").ShouldBeProblemAsync(HttpStatusCode.BadRequest, "cursor.invalid");
    }
}

public sealed class AuthTestsOnSqlite(SqliteApp app) : AuthTests(app), IClassFixture<SqliteApp>;

public sealed class AuthTestsOnPostgres(PostgresApp app) : AuthTests(app), IClassFixture<PostgresApp>;
