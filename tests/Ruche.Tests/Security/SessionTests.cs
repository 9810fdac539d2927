using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Ruche.Core.Access;
using Ruche.Core.Common;
using Ruche.Tests.Infrastructure;

namespace Ruche.Tests.Security;

public abstract class SessionTests(RucheApp app) : ProviderTests(app)
{
    [Fact]
    public async Task Signing_out_everywhere_revokes_sign_in_tokens_but_keeps_personal_tokens()
    {
        var person = await NewPersonAsync("Nomad");
        var personal = await Actor.ReadAsync<IssuedToken>(
            await person.Http.PostAsync("/api/v1/me/tokens", System.Net.Http.Json.JsonContent.Create(new { name = "script" })), HttpStatusCode.Created);

        await using (var scope = App.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<AccountService>()
                .SignOutEverywhereAsync(new Viewer(person.Id, new HashSet<string>()), CancellationToken.None);
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await person.Http.GetAsync("/api/v1/people/me")).StatusCode);
        var script = App.Anonymous();
        script.DefaultRequestHeaders.Authorization = new("Bearer", personal.Token);
        Assert.Equal(HttpStatusCode.OK, (await script.GetAsync("/api/v1/people/me")).StatusCode);
    }
}

public sealed class SessionTestsOnSqlite(SqliteApp app) : SessionTests(app), IClassFixture<SqliteApp>;

public sealed class SessionTestsOnPostgres(PostgresApp app) : SessionTests(app), IClassFixture<PostgresApp>;
