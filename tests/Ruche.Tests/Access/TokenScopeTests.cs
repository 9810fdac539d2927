using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Ruche.Core.Access;
using Ruche.Core.Data;
using Ruche.Core.Profiles;
using Ruche.Tests.Infrastructure;

namespace Ruche.Tests.Access;

/// <summary>Personal access tokens carry scopes chosen at creation and stop at their expiry.</summary>
public abstract class TokenScopeTests(RucheApp app) : ProviderTests(app)
{
    [Fact]
    public async Task A_read_only_token_reads_but_writes_nothing()
    {
        var person = await NewPersonAsync("Reader");
        var (token, client) = await TokenAsync(person, ["read"]);
        Assert.Equal(["read"], Assert.Single(await person.GetAsync<List<AccessTokenView>>("/api/v1/me/tokens"), t => t.Id == token.Id).Scopes);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/people/me")).StatusCode);
        await client.PostAsJsonAsync("/api/v1/posts", new { body = "Je ne devrais pas pouvoir publier" })
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden, "token.scope-insufficient");
        await client.PostAsJsonAsync("/api/v1/me/tokens", new { name = "escalade", scopes = new[] { "read", "write" } })
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden, "token.scope-insufficient");

        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RucheDbContext>();
        Assert.Equal(0, await db.Posts.CountAsync(p => p.AuthorId == person.Id));
        Assert.Equal(1, await db.AccessTokens.CountAsync(t => t.PersonId == person.Id && t.Kind == AccessTokenKind.Personal));
    }

    [Fact]
    public async Task A_token_never_makes_a_stronger_one_and_only_administrators_get_the_admin_scope()
    {
        var person = await NewPersonAsync("Scripter");
        var admin = await NewPersonAsync("Boss", "Europe/Paris", "administrator");
        var (_, writer) = await TokenAsync(person, ["read", "write"]);

        Assert.Equal(HttpStatusCode.Created, (await writer.PostAsJsonAsync("/api/v1/me/tokens", new { name = "narrower", scopes = new[] { "read" } })).StatusCode);
        await person.Http.PostAsJsonAsync("/api/v1/me/tokens", new { name = "admin?", scopes = new[] { "admin" } })
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden, "token.scope-admin");
        await person.Http.PostAsJsonAsync("/api/v1/me/tokens", new { name = "typo", scopes = new[] { "rread" } })
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "token.scope-invalid");

        var (_, adminWriter) = await TokenAsync(admin, ["read", "write"]);
        await adminWriter.PostAsJsonAsync("/api/v1/me/tokens", new { name = "wider", scopes = new[] { "read", "admin" } })
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden, "token.scope-exceeds");
        await adminWriter.GetAsync("/api/v1/admin/settings").ShouldBeProblemAsync(HttpStatusCode.Forbidden, "token.scope-insufficient");
        var (_, adminToken) = await TokenAsync(admin, ["read", "admin"]);
        Assert.Equal(HttpStatusCode.OK, (await adminToken.GetAsync("/api/v1/admin/settings")).StatusCode);

        // Without a choice, a token reads and writes (as before scopes existed); sign-in tokens are not limited.
        var defaulted = await Actor.ReadAsync<IssuedToken>(await person.Http.PostAsJsonAsync("/api/v1/me/tokens", new { name = "default" }), HttpStatusCode.Created);
        Assert.Equal(["read", "write"], Assert.Single(await person.GetAsync<List<AccessTokenView>>("/api/v1/me/tokens"), t => t.Id == defaulted.Id).Scopes);
    }

    [Fact]
    public async Task An_administrators_token_without_the_admin_scope_has_no_administrator_powers_anywhere()
    {
        var admin = await NewPersonAsync("Chief", "Europe/Paris", "administrator");
        var other = await NewPersonAsync("Colleague");
        var (_, writer) = await TokenAsync(admin, ["read", "write"]);

        // Editing someone else's profile is an administrator's power outside /api/v1/admin.
        await writer.PatchAsJsonAsync($"/api/v1/people/{other.Id}", new { jobTitle = "Renommé par un script" })
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden, "profile.not-yours");
        Assert.NotEqual("Renommé par un script", (await other.GetAsync<Profile>("/api/v1/people/me")).JobTitle);

        var (_, adminToken) = await TokenAsync(admin, ["read", "write", "admin"]);
        Assert.Equal(HttpStatusCode.OK, (await adminToken.PatchAsJsonAsync($"/api/v1/people/{other.Id}", new { jobTitle = "Renommée par l'admin" })).StatusCode);
        Assert.Equal("Renommée par l'admin", (await other.GetAsync<Profile>("/api/v1/people/me")).JobTitle);
    }

    [Fact]
    public async Task An_expired_token_is_refused()
    {
        var person = await NewPersonAsync("Late");
        var (token, client) = await TokenAsync(person, ["read"]);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/people/me")).StatusCode);

        await using (var scope = App.Services.CreateAsyncScope())
        {
            var time = scope.ServiceProvider.GetRequiredService<TimeProvider>();
            await scope.ServiceProvider.GetRequiredService<RucheDbContext>().AccessTokens.Where(t => t.Id == token.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.ExpiresAt, time.GetUtcNow().UtcDateTime.AddSeconds(-1)));
        }

        await client.GetAsync("/api/v1/people/me").ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "auth.required");
        await person.Http.PostAsJsonAsync("/api/v1/me/tokens", new { name = "forever", expiresInDays = 367 })
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "token.expiry-invalid");
    }

    private async Task<(IssuedToken Token, HttpClient Client)> TokenAsync(Actor person, string[] scopes)
    {
        var token = await Actor.ReadAsync<IssuedToken>(
            await person.Http.PostAsJsonAsync("/api/v1/me/tokens", new { name = string.Join('+', scopes), expiresInDays = 7, scopes }), HttpStatusCode.Created);
        var client = App.Anonymous();
        client.DefaultRequestHeaders.Authorization = new("Bearer", token.Token);
        return (token, client);
    }
}

public sealed class TokenScopeTestsOnSqlite(SqliteApp app) : TokenScopeTests(app), IClassFixture<SqliteApp>;

public sealed class TokenScopeTestsOnPostgres(PostgresApp app) : TokenScopeTests(app), IClassFixture<PostgresApp>;
