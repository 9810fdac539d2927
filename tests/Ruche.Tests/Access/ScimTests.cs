using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Ruche.Core.Access;
using Ruche.Tests.Infrastructure;

namespace Ruche.Tests.Access;

/// <summary>SCIM 2.0 provisioning as a directory (Entra ID, Okta…) drives it, with its own bearer token.</summary>
public abstract class ScimTests(RucheApp app) : ProviderTests(app)
{
    [Fact]
    public async Task Only_the_current_scim_token_provisions_and_it_opens_nothing_else()
    {
        var admin = await NewPersonAsync("Directory admin", "Europe/Paris", "administrator");
        var employee = await NewPersonAsync("Curious");
        await employee.Http.PostAsync("/api/v1/admin/scim-token", null).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "administrator-required");

        var anonymous = await App.Anonymous().GetAsync("/scim/v2/Users");
        await ShouldBeScimErrorAsync(anonymous, HttpStatusCode.Unauthorized);
        await ShouldBeScimErrorAsync(await employee.Http.GetAsync("/scim/v2/Users"), HttpStatusCode.Unauthorized);

        var first = await ScimClientAsync(admin);
        Assert.Equal(HttpStatusCode.OK, (await first.GetAsync("/scim/v2/Users")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await first.GetAsync("/api/v1/people/me")).StatusCode);

        var second = await ScimClientAsync(admin);
        await ShouldBeScimErrorAsync(await first.GetAsync("/scim/v2/Users"), HttpStatusCode.Unauthorized);
        Assert.Equal(HttpStatusCode.OK, (await second.GetAsync("/scim/v2/ServiceProviderConfig")).StatusCode);
        var types = await JsonAsync(await second.GetAsync("/scim/v2/ResourceTypes"));
        Assert.Equal(["User", "Group"], types["Resources"]!.AsArray().Select(r => (string)r!["id"]!));
        var schemas = await JsonAsync(await second.GetAsync("/scim/v2/Schemas"));
        Assert.Equal(2, (int)schemas["totalResults"]!);
    }

    [Fact]
    public async Task A_directory_creates_finds_replaces_deactivates_and_deletes_a_person()
    {
        var admin = await NewPersonAsync("Directory admin", "Europe/Paris", "administrator");
        var scim = await ScimClientAsync(admin);
        var email = $"nora.{Guid.NewGuid().ToString("N")[..6]}@test.ruche";

        var created = await SendAsync(scim, HttpMethod.Post, "/scim/v2/Users", new
        {
            schemas = new[] { "urn:ietf:params:scim:schemas:core:2.0:User" },
            userName = email,
            name = new { givenName = "Nora", familyName = "Directory" },
            emails = new[] { new { value = email, primary = true } },
            active = true,
            externalId = "ext-1",
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var user = await JsonAsync(created);
        var id = (string)user["id"]!;
        Assert.Equal(("Nora Directory", true), ((string)user["displayName"]!, (bool)user["active"]!));

        var duplicate = await SendAsync(scim, HttpMethod.Post, "/scim/v2/Users", new { userName = email.ToUpperInvariant(), displayName = "Twin" });
        var conflict = await ShouldBeScimErrorAsync(duplicate, HttpStatusCode.Conflict);
        Assert.Equal("uniqueness", (string)conflict["scimType"]!);
        await ShouldBeScimErrorAsync(await SendAsync(scim, HttpMethod.Post, "/scim/v2/Users", new { userName = "not-an-email", displayName = "X" }), HttpStatusCode.BadRequest);

        var found = await JsonAsync(await scim.GetAsync($"/scim/v2/Users?filter={Uri.EscapeDataString($"userName eq \"{email}\"")}"));
        Assert.Equal(1, (int)found["totalResults"]!);
        Assert.Equal(id, (string)found["Resources"]![0]!["id"]!);
        var none = await JsonAsync(await scim.GetAsync($"/scim/v2/Users?filter={Uri.EscapeDataString("userName eq \"nobody@test.ruche\"")}"));
        Assert.Equal(0, (int)none["totalResults"]!);
        var badFilter = await ShouldBeScimErrorAsync(await scim.GetAsync($"/scim/v2/Users?filter={Uri.EscapeDataString("title co \"x\"")}"), HttpStatusCode.BadRequest);
        Assert.Equal("invalidFilter", (string)badFilter["scimType"]!);
        await ShouldBeScimErrorAsync(await scim.GetAsync("/scim/v2/Users/999999999"), HttpStatusCode.NotFound);

        var replaced = await JsonAsync(await SendAsync(scim, HttpMethod.Put, $"/scim/v2/Users/{id}", new { userName = email, displayName = "Nora Renamed", active = true }));
        Assert.Equal("Nora Renamed", (string)replaced["displayName"]!);

        // Deactivation through PATCH ("False" as a string, as Entra ID sends it) ends the person's sessions now.
        var person = await App.NewPersonAsync("Leaving soon");
        Assert.Equal(HttpStatusCode.OK, (await person.Http.GetAsync("/api/v1/people/me")).StatusCode);
        var patched = await JsonAsync(await SendAsync(scim, HttpMethod.Patch, $"/scim/v2/Users/{person.Id}", new
        {
            schemas = new[] { "urn:ietf:params:scim:api:messages:2.0:PatchOp" },
            Operations = new[] { new { op = "Replace", path = "active", value = (object)"False" } },
        }));
        Assert.False((bool)patched["active"]!);
        Assert.Equal(HttpStatusCode.Unauthorized, (await person.Http.GetAsync("/api/v1/people/me")).StatusCode);
        await App.Anonymous().PostAsJsonAsync("/api/v1/auth/token", new { email = person.Email, password = RucheApp.Password })
            .ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "auth.invalid-credentials");
        await ShouldBeScimErrorAsync(await SendAsync(scim, HttpMethod.Patch, $"/scim/v2/Users/{person.Id}", new { Operations = Array.Empty<object>() }), HttpStatusCode.BadRequest);

        Assert.Equal(HttpStatusCode.NoContent, (await scim.DeleteAsync($"/scim/v2/Users/{id}")).StatusCode);
        await ShouldBeScimErrorAsync(await scim.GetAsync($"/scim/v2/Users/{id}"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Groups_are_departments_whose_members_the_directory_keeps()
    {
        var admin = await NewPersonAsync("Directory admin", "Europe/Paris", "administrator");
        var ana = await NewPersonAsync("Ana");
        var bob = await NewPersonAsync("Bob");
        var scim = await ScimClientAsync(admin);
        var name = "Logistique " + Guid.NewGuid().ToString("N")[..6];

        var created = await SendAsync(scim, HttpMethod.Post, "/scim/v2/Groups", new { displayName = name, members = new[] { new { value = ana.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) } } });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var groupId = (string)(await JsonAsync(created))["id"]!;
        await ShouldBeScimErrorAsync(await SendAsync(scim, HttpMethod.Post, "/scim/v2/Groups", new { displayName = name }), HttpStatusCode.Conflict);
        var ghosts = "Ghosts " + Guid.NewGuid().ToString("N")[..6];
        await ShouldBeScimErrorAsync(await SendAsync(scim, HttpMethod.Post, "/scim/v2/Groups", new { displayName = ghosts, members = new[] { new { value = "987654321" } } }), HttpStatusCode.BadRequest);
        // The refused creation left no group: the directory's corrected retry is not a name conflict.
        Assert.Equal(HttpStatusCode.Created, (await SendAsync(scim, HttpMethod.Post, "/scim/v2/Groups", new { displayName = ghosts })).StatusCode);

        var patched = await JsonAsync(await SendAsync(scim, HttpMethod.Patch, $"/scim/v2/Groups/{groupId}", new
        {
            Operations = new object[]
            {
                new { op = "add", path = "members", value = new[] { new { value = bob.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) } } },
                new { op = "remove", path = $"members[value eq \"{ana.Id}\"]" },
            },
        }));
        Assert.Equal([bob.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)], patched["members"]!.AsArray().Select(m => (string)m!["value"]!));
        var bobUser = await JsonAsync(await scim.GetAsync($"/scim/v2/Users/{bob.Id}"));
        Assert.Equal(name, (string)bobUser["groups"]![0]!["display"]!);

        var listed = await JsonAsync(await scim.GetAsync($"/scim/v2/Groups?filter={Uri.EscapeDataString($"displayName eq \"{name}\"")}"));
        Assert.Equal(groupId, (string)listed["Resources"]![0]!["id"]!);

        Assert.Equal(HttpStatusCode.NoContent, (await scim.DeleteAsync($"/scim/v2/Groups/{groupId}")).StatusCode);
        await ShouldBeScimErrorAsync(await scim.GetAsync($"/scim/v2/Groups/{groupId}"), HttpStatusCode.NotFound);
        Assert.Equal("scim.group-not-found: No such group.", (string)(await ShouldBeScimErrorAsync(await scim.GetAsync("/scim/v2/Groups/not-a-number"), HttpStatusCode.NotFound))["detail"]!);
        Assert.Empty((await JsonAsync(await scim.GetAsync($"/scim/v2/Users/{bob.Id}")))["groups"]!.AsArray());
    }

    private async Task<HttpClient> ScimClientAsync(Actor admin)
    {
        var token = await Actor.ReadAsync<IssuedToken>(await admin.Http.PostAsync("/api/v1/admin/scim-token", null), HttpStatusCode.Created);
        var client = App.Anonymous();
        client.DefaultRequestHeaders.Authorization = new("Bearer", token.Token);
        return client;
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string url, object body) =>
        client.SendAsync(new HttpRequestMessage(method, url) { Content = new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/scim+json") });

    private static async Task<JsonObject> JsonAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {text}");
        Assert.Equal("application/scim+json", response.Content.Headers.ContentType?.MediaType);
        return JsonNode.Parse(text)!.AsObject();
    }

    private static async Task<JsonObject> ShouldBeScimErrorAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"Expected {status}, got {(int)response.StatusCode}: {text}");
        var error = JsonNode.Parse(text)!.AsObject();
        Assert.Equal("urn:ietf:params:scim:api:messages:2.0:Error", (string)error["schemas"]![0]!);
        Assert.Equal(((int)status).ToString(System.Globalization.CultureInfo.InvariantCulture), (string)error["status"]!);
        return error;
    }
}

public sealed class ScimTestsOnSqlite(SqliteApp app) : ScimTests(app), IClassFixture<SqliteApp>;

public sealed class ScimTestsOnPostgres(PostgresApp app) : ScimTests(app), IClassFixture<PostgresApp>;
