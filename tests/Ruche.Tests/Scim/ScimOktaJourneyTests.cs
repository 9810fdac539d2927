using System.Net;
using Ruche.Tests.Infrastructure;
using static Ruche.Tests.Scim.ScimHttp;

namespace Ruche.Tests.Scim;

/// <summary>
/// The requests Okta sends (Okta's "SCIM 2.0 protocol" guide): lookup by userName with paging, create without
/// displayName, update by PUT, deactivate and reactivate by path-less PATCH; group push, rename, members.
/// </summary>
public abstract class ScimOktaJourneyTests(RucheApp app) : ProviderTests(app)
{
    [Fact]
    public async Task Okta_creates_updates_deactivates_and_reactivates_a_user()
    {
        var scim = await ClientAsync(App);
        var login = Unique("test.user.") + "@test.ruche";

        await ListAsync(scim, $"/scim/v2/Users?filter={Filter($"userName eq \"{login}\"")}&startIndex=1&count=100", 0);
        var createdResponse = await scim.SendAsync(HttpMethod.Post, "/scim/v2/Users", new
        {
            schemas = new[] { UserSchema },
            userName = login,
            name = new { givenName = "Test", familyName = "User" },
            emails = new[] { new { primary = true, value = login, type = "work" } },
            locale = "fr-FR",
            externalId = "00ujl29u0le5T6Aj10h7",
            groups = Array.Empty<object>(),
            password = "1mz050nq",
            active = true,
        });
        var created = ShouldBeResource(await JsonAsync(createdResponse, HttpStatusCode.Created), "User", createdResponse);
        var id = (string)created["id"]!;
        Assert.Equal("Test User", (string)created["displayName"]!);
        Assert.Equal("Test User", (string)created["name"]!["formatted"]!);
        Assert.Null(created["password"]);
        await ErrorAsync(await scim.SendAsync(HttpMethod.Post, "/scim/v2/Users", new { userName = login.ToUpperInvariant(), name = new { givenName = "Twin" } }), HttpStatusCode.Conflict, "uniqueness");

        var read = await JsonAsync(await scim.GetAsync($"/scim/v2/Users/{id}"));
        Assert.Equal(login, (string)read["userName"]!);

        var replacedResponse = await scim.SendAsync(HttpMethod.Put, $"/scim/v2/Users/{id}", new
        {
            schemas = new[] { UserSchema }, id, userName = login, name = new { givenName = "Another", familyName = "User" },
            emails = new[] { new { primary = true, value = login, type = "work" } }, externalId = "00ujl29u0le5T6Aj10h7", active = true,
        });
        var replaced = ShouldBeResource(await JsonAsync(replacedResponse), "User", replacedResponse);
        Assert.Equal("Another User", (string)replaced["displayName"]!);

        var deactivated = await JsonAsync(await scim.PatchAsync($"/scim/v2/Users/{id}", new { op = "replace", value = new { active = false } }));
        Assert.False((bool)deactivated["active"]!);
        var reactivated = await JsonAsync(await scim.PatchAsync($"/scim/v2/Users/{id}", new { op = "replace", value = new { active = true } }));
        Assert.True((bool)reactivated["active"]!);

        // PUT is a replacement: an attribute left out is cleared, a missing userName refused.
        var withoutExternalId = await JsonAsync(await scim.SendAsync(HttpMethod.Put, $"/scim/v2/Users/{id}", new { userName = login, displayName = "Another User" }));
        Assert.Null(withoutExternalId["externalId"]);
        await ErrorAsync(await scim.SendAsync(HttpMethod.Put, $"/scim/v2/Users/{id}", new { displayName = "Nobody" }), HttpStatusCode.BadRequest, "invalidValue");
    }

    [Fact]
    public async Task Okta_pushes_a_group_renames_it_and_changes_its_members()
    {
        var scim = await ClientAsync(App);
        var ana = await NewPersonAsync("Ana");
        var bob = await NewPersonAsync("Bob");
        var name = Unique("Test SCIMv2 ");

        var createdResponse = await scim.SendAsync(HttpMethod.Post, "/scim/v2/Groups", new
        {
            schemas = new[] { GroupSchema }, displayName = name, members = new[] { new { value = Id(ana.Id), display = "Ana" } },
        });
        var group = ShouldBeResource(await JsonAsync(createdResponse, HttpStatusCode.Created), "Group", createdResponse);
        var id = (string)group["id"]!;
        Assert.Equal([Id(ana.Id)], Values(group["members"]));
        Assert.Equal(["User"], Values(group["members"], "type"));
        await ErrorAsync(await scim.SendAsync(HttpMethod.Post, "/scim/v2/Groups", new { displayName = name }), HttpStatusCode.Conflict, "uniqueness");
        await ListAsync(scim, $"/scim/v2/Groups?filter={Filter($"displayName eq \"{name}\"")}&startIndex=1&count=100", 1);

        // Okta renames with the id in a path-less value; the id is read-only and ignored.
        var renamed = await JsonAsync(await scim.PatchAsync($"/scim/v2/Groups/{id}", new { op = "replace", value = new { id, displayName = name + " bis" } }));
        Assert.Equal(name + " bis", (string)renamed["displayName"]!);
        Assert.Equal([Id(ana.Id)], Values(renamed["members"]));

        var changed = await JsonAsync(await scim.PatchAsync($"/scim/v2/Groups/{id}",
            new { op = "remove", path = $"members[value eq \"{ana.Id}\"]" },
            new { op = "add", path = "members", value = new[] { new { value = Id(bob.Id), display = "Bob" } } }));
        Assert.Equal([Id(bob.Id)], Values(changed["members"]));
        var bobUser = await JsonAsync(await scim.GetAsync($"/scim/v2/Users/{bob.Id}"));
        Assert.Equal(name + " bis", (string)bobUser["groups"]![0]!["display"]!);

        var replaced = await JsonAsync(await scim.SendAsync(HttpMethod.Put, $"/scim/v2/Groups/{id}", new
        {
            schemas = new[] { GroupSchema }, displayName = name, members = new[] { new { value = Id(ana.Id) }, new { value = Id(bob.Id) } },
        }));
        Assert.Equal([Id(ana.Id), Id(bob.Id)], Values(replaced["members"]));
        Assert.Equal(HttpStatusCode.NoContent, (await scim.DeleteAsync($"/scim/v2/Groups/{id}")).StatusCode);
        Assert.Empty((await JsonAsync(await scim.GetAsync($"/scim/v2/Users/{bob.Id}")))["groups"]!.AsArray());
    }
}

public sealed class ScimOktaJourneyTestsOnSqlite(SqliteApp app) : ScimOktaJourneyTests(app), IClassFixture<SqliteApp>;

public sealed class ScimOktaJourneyTestsOnPostgres(PostgresApp app) : ScimOktaJourneyTests(app), IClassFixture<PostgresApp>;
