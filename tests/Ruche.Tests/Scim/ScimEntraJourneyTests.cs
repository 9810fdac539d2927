using System.Net;
using System.Net.Http.Json;
using Ruche.Tests.Infrastructure;
using static Ruche.Tests.Scim.ScimHttp;

namespace Ruche.Tests.Scim;

/// <summary>
/// The requests Microsoft Entra ID's provisioning service sends (Microsoft's "Develop and plan provisioning for a SCIM
/// endpoint" tutorial and its known SCIM compliance issues): match by filter, create, patch with capitalised ops and
/// string booleans, disable, re-enable, delete; groups created, members added and removed, renamed.
/// </summary>
public abstract class ScimEntraJourneyTests(RucheApp app) : ProviderTests(app)
{
    [Fact]
    public async Task Entra_creates_matches_updates_disables_enables_and_deletes_a_user()
    {
        var scim = await ClientAsync(App);
        var upn = Unique("jeanne.") + "@test.ruche";
        var objectId = Guid.NewGuid().ToString();

        // Entra first looks the user up by its matching attribute, then creates it.
        var none = await ListAsync(scim, $"/scim/v2/Users?filter={Filter($"userName eq \"{upn}\"")}", 0);
        Assert.Empty(none["Resources"]!.AsArray());
        var createdResponse = await scim.SendAsync(HttpMethod.Post, "/scim/v2/Users", new Dictionary<string, object>
        {
            ["schemas"] = new[] { UserSchema, "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User" },
            ["externalId"] = objectId,
            ["userName"] = upn,
            ["active"] = true,
            ["emails"] = new[] { new { primary = true, type = "work", value = upn } },
            ["meta"] = new { resourceType = "User" },
            ["name"] = new { formatted = "Jeanne Martin", familyName = "Martin", givenName = "Jeanne" },
            ["roles"] = Array.Empty<object>(),
            ["urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"] = new { department = "Ventes" },
        });
        var created = ShouldBeResource(await JsonAsync(createdResponse, HttpStatusCode.Created), "User", createdResponse);
        var id = (string)created["id"]!;
        Assert.Equal(("Jeanne Martin", objectId, true), ((string)created["displayName"]!, (string)created["externalId"]!, (bool)created["active"]!));
        Assert.Equal([upn], Values(created["emails"]));

        // Entra matches on externalId too; the value is case-exact.
        var byExternalId = await ListAsync(scim, $"/scim/v2/Users?filter={Filter($"externalId eq \"{objectId}\"")}", 1);
        Assert.Equal(id, (string)byExternalId["Resources"]![0]!["id"]!);
        await ListAsync(scim, $"/scim/v2/Users?filter={Filter($"externalId eq \"{objectId.ToUpperInvariant()}\"")}", 0);
        await ErrorAsync(await scim.SendAsync(HttpMethod.Post, "/scim/v2/Users", new { userName = Unique("twin.") + "@test.ruche", externalId = objectId }), HttpStatusCode.Conflict, "uniqueness");

        // Entra's PATCH: capitalised ops, filtered multi-valued paths, sub-attributes, externalId.
        var newObjectId = Guid.NewGuid().ToString();
        var updated = ShouldBeResource(await JsonAsync(await scim.PatchAsync($"/scim/v2/Users/{id}",
            new { op = "Replace", path = "displayName", value = "Jeanne Martin-Durand" },
            new { op = "Replace", path = "emails[type eq \"work\"].value", value = upn },
            new { op = "Replace", path = "name.familyName", value = "Martin-Durand" },
            new { op = "Add", path = "externalId", value = newObjectId },
            new { op = "Add", path = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber", value = "701984" })), "User");
        Assert.Equal(("Jeanne Martin-Durand", newObjectId), ((string)updated["displayName"]!, (string)updated["externalId"]!));
        Assert.True(DateTimeOffset.Parse((string)updated["meta"]!["lastModified"]!, System.Globalization.CultureInfo.InvariantCulture)
            >= DateTimeOffset.Parse((string)created["meta"]!["lastModified"]!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.NotEqual((string)created["meta"]!["version"]!, (string)updated["meta"]!["version"]!);

        // Disable with the string "False" Entra sends, re-enable with a path-less replace.
        var disabled = await JsonAsync(await scim.PatchAsync($"/scim/v2/Users/{id}", new { op = "Replace", path = "active", value = "False" }));
        Assert.False((bool)disabled["active"]!);
        await ListAsync(scim, $"/scim/v2/Users?filter={Filter($"userName eq \"{upn}\" and active eq false")}", 1);
        var enabled = await JsonAsync(await scim.PatchAsync($"/scim/v2/Users/{id}", new { op = "Replace", value = new { active = "True" } }));
        Assert.True((bool)enabled["active"]!);

        // Removing the display name derives one; required attributes cannot be removed; remove needs a path.
        var derived = await JsonAsync(await scim.PatchAsync($"/scim/v2/Users/{id}", new { op = "Remove", path = "displayName" }));
        Assert.Equal(upn, (string)derived["displayName"]!);
        await ErrorAsync(await scim.PatchAsync($"/scim/v2/Users/{id}", new { op = "Remove", path = "userName" }), HttpStatusCode.BadRequest, "mutability");
        await ErrorAsync(await scim.PatchAsync($"/scim/v2/Users/{id}", new { op = "Remove", path = "emails" }), HttpStatusCode.BadRequest, "mutability");
        await ErrorAsync(await scim.PatchAsync($"/scim/v2/Users/{id}", new { op = "Remove" }), HttpStatusCode.BadRequest, "noTarget");
        await ErrorAsync(await scim.PatchAsync($"/scim/v2/Users/{id}", new { op = "Replace", path = "id", value = "1" }), HttpStatusCode.BadRequest, "mutability");
        await ErrorAsync(await scim.PatchAsync($"/scim/v2/Users/{id}", new { op = "Replace", path = "emails[type eq", value = "x" }), HttpStatusCode.BadRequest, "invalidPath");
        var externalIdGone = await JsonAsync(await scim.PatchAsync($"/scim/v2/Users/{id}", new { op = "Remove", path = "externalId" }));
        Assert.Null(externalIdGone["externalId"]);
        await ListAsync(scim, $"/scim/v2/Users?filter={Filter($"externalId eq \"{newObjectId}\"")}", 0);

        // Deleted: gone to the directory (404 everywhere, absent from lists), the person kept but deactivated; their
        // externalId is free again for the directory's next object.
        var lastObjectId = Guid.NewGuid().ToString();
        await JsonAsync(await scim.PatchAsync($"/scim/v2/Users/{id}", new { op = "Add", path = "externalId", value = lastObjectId }));
        Assert.Equal(HttpStatusCode.NoContent, (await scim.DeleteAsync($"/scim/v2/Users/{id}")).StatusCode);
        var successor = await scim.SendAsync(HttpMethod.Post, "/scim/v2/Users", new { schemas = new[] { UserSchema }, userName = Unique("successor.") + "@test.ruche", externalId = lastObjectId });
        Assert.Equal(HttpStatusCode.Created, successor.StatusCode);
        await ErrorAsync(await scim.GetAsync($"/scim/v2/Users/{id}"), HttpStatusCode.NotFound);
        await ErrorAsync(await scim.PatchAsync($"/scim/v2/Users/{id}", new { op = "Replace", path = "active", value = true }), HttpStatusCode.NotFound);
        await ErrorAsync(await scim.SendAsync(HttpMethod.Put, $"/scim/v2/Users/{id}", new { userName = upn }), HttpStatusCode.NotFound);
        await ErrorAsync(await scim.DeleteAsync($"/scim/v2/Users/{id}"), HttpStatusCode.NotFound);
        await ListAsync(scim, $"/scim/v2/Users?filter={Filter($"userName eq \"{upn}\"")}", 0);
        await App.Anonymous().PostAsJsonAsync("/api/v1/auth/token", new { email = upn, password = RucheApp.Password })
            .ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "auth.invalid-credentials");

        // Provisioning the same user again brings the same person back (their history with them), active.
        var againResponse = await scim.SendAsync(HttpMethod.Post, "/scim/v2/Users", new { schemas = new[] { UserSchema }, userName = upn, externalId = objectId, active = true });
        var again = ShouldBeResource(await JsonAsync(againResponse, HttpStatusCode.Created), "User", againResponse);
        Assert.Equal((id, true, objectId), ((string)again["id"]!, (bool)again["active"]!, (string)again["externalId"]!));
        await ListAsync(scim, $"/scim/v2/Users?filter={Filter($"userName eq \"{upn}\"")}", 1);
    }

    [Fact]
    public async Task Entra_creates_a_group_adds_and_removes_members_and_renames_it()
    {
        var scim = await ClientAsync(App);
        var ana = await NewPersonAsync("Ana");
        var bob = await NewPersonAsync("Bob");
        var name = Unique("Ventes ");
        var objectId = Guid.NewGuid().ToString();

        await ListAsync(scim, $"/scim/v2/Groups?excludedAttributes=members&filter={Filter($"displayName eq \"{name}\"")}", 0);
        var createdResponse = await scim.SendAsync(HttpMethod.Post, "/scim/v2/Groups", new
        {
            schemas = new[] { GroupSchema }, externalId = objectId, displayName = name, members = Array.Empty<object>(),
        });
        var group = ShouldBeResource(await JsonAsync(createdResponse, HttpStatusCode.Created), "Group", createdResponse);
        var id = (string)group["id"]!;
        Assert.Equal(objectId, (string)group["externalId"]!);
        var found = await ListAsync(scim, $"/scim/v2/Groups?excludedAttributes=members&filter={Filter($"externalId eq \"{objectId}\"")}", 1);
        Assert.Null(found["Resources"]![0]!["members"]);
        Assert.Equal(name, (string)found["Resources"]![0]!["displayName"]!);

        // Entra adds and removes members with a value list, and also removes with a value filter.
        var added = await JsonAsync(await scim.PatchAsync($"/scim/v2/Groups/{id}",
            new { op = "Add", path = "members", value = new[] { new { value = Id(ana.Id) }, new { value = Id(bob.Id) } } }));
        Assert.Equal([Id(ana.Id), Id(bob.Id)], Values(added["members"]));
        var removed = await JsonAsync(await scim.PatchAsync($"/scim/v2/Groups/{id}",
            new { op = "Remove", path = "members", value = new[] { new { value = Id(ana.Id) } } }));
        Assert.Equal([Id(bob.Id)], Values(removed["members"]));
        var filtered = await JsonAsync(await scim.PatchAsync($"/scim/v2/Groups/{id}", new { op = "Remove", path = $"members[value eq \"{bob.Id}\"]" }));
        Assert.Empty(filtered["members"]!.AsArray());
        await ErrorAsync(await scim.PatchAsync($"/scim/v2/Groups/{id}", new { op = "Add", path = "members", value = new[] { new { value = "987654321" } } }), HttpStatusCode.BadRequest, "invalidValue");

        var renamed = await JsonAsync(await scim.PatchAsync($"/scim/v2/Groups/{id}", new { op = "Replace", path = "displayName", value = name + " Sud" }));
        Assert.Equal(name + " Sud", (string)renamed["displayName"]!);
        await ErrorAsync(await scim.PatchAsync($"/scim/v2/Groups/{id}", new { op = "Remove", path = "displayName" }), HttpStatusCode.BadRequest, "mutability");
        Assert.Equal(HttpStatusCode.NoContent, (await scim.DeleteAsync($"/scim/v2/Groups/{id}")).StatusCode);
        await ErrorAsync(await scim.GetAsync($"/scim/v2/Groups/{id}"), HttpStatusCode.NotFound);
    }
}

public sealed class ScimEntraJourneyTestsOnSqlite(SqliteApp app) : ScimEntraJourneyTests(app), IClassFixture<SqliteApp>;

public sealed class ScimEntraJourneyTestsOnPostgres(PostgresApp app) : ScimEntraJourneyTests(app), IClassFixture<PostgresApp>;
