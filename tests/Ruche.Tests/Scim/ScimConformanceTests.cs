using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Ruche.Tests.Infrastructure;
using static Ruche.Tests.Scim.ScimHttp;

namespace Ruche.Tests.Scim;

/// <summary>What a SCIM compliance suite checks beyond the journeys: discovery, filters, paging, projection, ETags, errors.</summary>
public abstract class ScimConformanceTests(RucheApp app) : ProviderTests(app)
{
    [Fact]
    public async Task Discovery_serves_each_schema_and_resource_type_with_full_attribute_definitions()
    {
        var scim = await ClientAsync(App);
        var config = await JsonAsync(await scim.GetAsync("/scim/v2/ServiceProviderConfig"));
        Assert.True((bool)config["etag"]!["supported"]!);
        Assert.True((bool)config["patch"]!["supported"]!);

        foreach (var type in new[] { "User", "Group" })
        {
            var resourceType = await JsonAsync(await scim.GetAsync($"/scim/v2/ResourceTypes/{type}"));
            Assert.Equal((string)resourceType["meta"]!["location"]!, $"{((string)resourceType["meta"]!["location"]!).Split("/scim/v2")[0]}/scim/v2/ResourceTypes/{type}");
            var schema = await JsonAsync(await scim.GetAsync($"/scim/v2/Schemas/{(string)resourceType["schema"]!}"));
            Assert.Equal((string)resourceType["schema"]!, (string)schema["id"]!);
            foreach (var attribute in schema["attributes"]!.AsArray().SelectMany(a => new[] { a! }.Concat(a!["subAttributes"]?.AsArray().Select(s => s!) ?? [])))
            {
                foreach (var characteristic in new[] { "name", "type", "multiValued", "required", "caseExact", "mutability", "returned", "uniqueness" })
                {
                    Assert.True(attribute[characteristic] is not null, $"{attribute["name"]} has no {characteristic}");
                }

                Assert.Equal((string)attribute["type"]! == "complex", attribute["subAttributes"] is JsonArray { Count: > 0 });
            }
        }

        var members = (await JsonAsync(await scim.GetAsync($"/scim/v2/Schemas/{GroupSchema}")))["attributes"]!.AsArray().Single(a => (string)a!["name"]! == "members")!;
        Assert.Equal(["value", "$ref", "display", "type"], Values(members["subAttributes"], "name"));
        await ErrorAsync(await scim.GetAsync("/scim/v2/Schemas/urn:nothing"), HttpStatusCode.NotFound);
        await ErrorAsync(await scim.GetAsync("/scim/v2/ResourceTypes/Printer"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Filters_paging_search_and_projection_behave_as_rfc_7644_says()
    {
        var scim = await ClientAsync(App);
        var prefix = Unique("f");
        var ids = new List<string>();
        foreach (var n in new[] { "a", "b", "c" })
        {
            var user = await JsonAsync(await scim.SendAsync(HttpMethod.Post, "/scim/v2/Users", new
            {
                userName = $"{prefix}.{n}@test.ruche", displayName = $"Filtre {n.ToUpperInvariant()}", externalId = $"{prefix}-{n}", active = n != "c",
            }), HttpStatusCode.Created);
            ids.Add((string)user["id"]!);
        }

        var starts = Filter($"userName sw \"{prefix}.\"");
        await ListAsync(scim, $"/scim/v2/Users?filter={Filter($"emails.value eq \"{prefix}.a@test.ruche\"")}", 1);
        await ListAsync(scim, $"/scim/v2/Users?filter={Filter($"emails[type eq \"work\" and value eq \"{prefix.ToUpperInvariant()}.B@TEST.RUCHE\"]")}", 1);
        await ListAsync(scim, $"/scim/v2/Users?filter={Filter($"externalId eq \"{prefix}-a\" or externalId eq \"{prefix}-c\"")}", 2);
        await ListAsync(scim, $"/scim/v2/Users?filter={Filter($"userName sw \"{prefix}.\" and not (active eq true)")}", 1);
        await ListAsync(scim, $"/scim/v2/Users?filter={Filter($"userName co \"{prefix[1..]}\" and externalId pr")}", 3);
        await ListAsync(scim, $"/scim/v2/Users?filter={Filter($"urn:ietf:params:scim:schemas:core:2.0:User:displayName eq \"filtre b\" and userName sw \"{prefix}\"")}", 1);

        // Paging is 1-based; count=0 gives the total only.
        var first = await ListAsync(scim, $"/scim/v2/Users?filter={starts}&count=2", 3);
        Assert.Equal(ids[..2], first["Resources"]!.AsArray().Select(r => (string)r!["id"]!));
        var last = await ListAsync(scim, $"/scim/v2/Users?filter={starts}&startIndex=3&count=2", 3);
        Assert.Equal((3, ids[2]), ((int)last["startIndex"]!, (string)last["Resources"]![0]!["id"]!));
        Assert.Empty((await ListAsync(scim, $"/scim/v2/Users?filter={starts}&count=0", 3))["Resources"]!.AsArray());
        Assert.Equal(1, (int)(await ListAsync(scim, $"/scim/v2/Users?filter={starts}&startIndex=-4&count=1", 3))["startIndex"]!);

        // Projection: id and schemas always; returned-by-default attributes can be excluded.
        var only = (await ListAsync(scim, $"/scim/v2/Users?filter={starts}&attributes=userName,name.formatted&count=1", 3))["Resources"]![0]!.AsObject();
        Assert.Equal(["schemas", "id", "userName", "name"], only.Select(p => p.Key));
        Assert.Equal(["formatted"], only["name"]!.AsObject().Select(p => p.Key));
        var without = await JsonAsync(await scim.GetAsync($"/scim/v2/Users/{ids[0]}?excludedAttributes=emails,groups,id"));
        Assert.Equal((ids[0], null, null), ((string)without["id"]!, without["emails"], without["groups"]));

        // POST .search takes the same request in its body.
        var searched = await JsonAsync(await scim.SendAsync(HttpMethod.Post, "/scim/v2/Users/.search", new
        {
            schemas = new[] { "urn:ietf:params:scim:api:messages:2.0:SearchRequest" },
            filter = $"userName sw \"{prefix}.\"", attributes = new[] { "externalId" }, startIndex = 2, count = 1,
        }));
        Assert.Equal((3, 1, $"{prefix}-b"), ((int)searched["totalResults"]!, (int)searched["itemsPerPage"]!, (string)searched["Resources"]![0]!["externalId"]!));
        Assert.Null(searched["Resources"]![0]!["userName"]);
        await JsonAsync(await scim.SendAsync(HttpMethod.Post, "/scim/v2/Groups/.search", new { filter = "displayName pr", count = 0 }));

        foreach (var invalid in new[] { "title eq \"x\"", "userName eq", "userName eq \"x", "(userName eq \"x\"", "userName gt \"x\"", "userName zz \"x\"", "userName eq x" })
        {
            await ErrorAsync(await scim.GetAsync($"/scim/v2/Users?filter={Filter(invalid)}"), HttpStatusCode.BadRequest, "invalidFilter");
        }

        await ErrorAsync(await scim.GetAsync($"/scim/v2/Groups?filter={Filter("members eq \"1\"")}"), HttpStatusCode.BadRequest, "invalidFilter");
        await ErrorAsync(await scim.GetAsync("/scim/v2/Users?count=lots"), HttpStatusCode.BadRequest, "invalidValue");
    }

    [Fact]
    public async Task Versions_guard_changes_and_every_error_is_a_scim_error()
    {
        var scim = await ClientAsync(App);
        var userName = Unique("etag.") + "@test.ruche";
        var created = await JsonAsync(await scim.SendAsync(HttpMethod.Post, "/scim/v2/Users", new { userName }), HttpStatusCode.Created);
        var id = (string)created["id"]!;
        var version = (string)created["meta"]!["version"]!;
        Assert.Equal(userName, (string)created["displayName"]!);

        var conditional = new HttpRequestMessage(HttpMethod.Get, $"/scim/v2/Users/{id}");
        conditional.Headers.IfNoneMatch.Add(EntityTagHeaderValue.Parse(version));
        Assert.Equal(HttpStatusCode.NotModified, (await scim.SendAsync(conditional)).StatusCode);

        var changed = await JsonAsync(await scim.SendAsync(HttpMethod.Put, $"/scim/v2/Users/{id}", new { userName, displayName = "Versioned" }, ifMatch: version));
        await ErrorAsync(await scim.SendAsync(HttpMethod.Put, $"/scim/v2/Users/{id}", new { userName, displayName = "Stale" }, ifMatch: version), HttpStatusCode.PreconditionFailed);
        Assert.Equal("Versioned", (string)(await JsonAsync(await scim.GetAsync($"/scim/v2/Users/{id}")))["displayName"]!);
        await JsonAsync(await scim.SendAsync(HttpMethod.Put, $"/scim/v2/Users/{id}", new { userName, displayName = "Fresh" }, ifMatch: (string)changed["meta"]!["version"]!));

        await ErrorAsync(await scim.SendAsync(HttpMethod.Post, "/scim/v2/Users", new { displayName = "No user name" }), HttpStatusCode.BadRequest, "invalidValue");
        await ErrorAsync(await scim.SendAsync(HttpMethod.Post, "/scim/v2/Users", new { userName = Unique("x") + "@test.ruche", active = "maybe" }), HttpStatusCode.BadRequest, "invalidValue");
        await ErrorAsync(await scim.SendAsync(HttpMethod.Post, "/scim/v2/Users", new { userName = 42 }), HttpStatusCode.BadRequest, "invalidValue");
        var malformed = new HttpRequestMessage(HttpMethod.Post, "/scim/v2/Users") { Content = new StringContent("{\"userName\":", System.Text.Encoding.UTF8, "application/scim+json") };
        await ErrorAsync(await scim.SendAsync(malformed), HttpStatusCode.BadRequest, "invalidSyntax");
        await ErrorAsync(await scim.SendAsync(HttpMethod.Patch, $"/scim/v2/Users/{id}", new { Operations = Array.Empty<object>() }), HttpStatusCode.BadRequest, "invalidSyntax");
        await ErrorAsync(await scim.PatchAsync($"/scim/v2/Users/{id}", new { op = "move", path = "userName", value = "x" }), HttpStatusCode.BadRequest, "invalidSyntax");
        await ErrorAsync(await scim.GetAsync("/scim/v2/Users/not-a-number"), HttpStatusCode.NotFound);
        Assert.Equal(userName, (string)(await JsonAsync(await scim.GetAsync($"/scim/v2/Users/{id}")))["userName"]!);
    }

    [Fact]
    public async Task Twins_sent_at_once_make_one_resource_and_conflicts_never_a_server_error()
    {
        // A directory retrying in parallel sends the same externalId (or userName) several times at once: the checks
        // before saving cannot see each other, the unique indexes can, and every loser must get 409, never 500.
        var scim = await ClientAsync(App);
        var externalId = Unique("race-");
        var userName = Unique("race.") + "@test.ruche";
        var groupExternalId = Unique("race-group-");
        var answers = await Task.WhenAll(Enumerable.Range(0, 6).Select(n => n switch
        {
            < 2 => scim.SendAsync(HttpMethod.Post, "/scim/v2/Users", new { userName = Unique($"race{n}.") + "@test.ruche", externalId }),
            < 4 => scim.SendAsync(HttpMethod.Post, "/scim/v2/Users", new { userName }),
            _ => scim.SendAsync(HttpMethod.Post, "/scim/v2/Groups", new { displayName = Unique("Race "), externalId = groupExternalId }),
        }));

        for (var pair = 0; pair < 3; pair++)
        {
            var statuses = answers.Skip(pair * 2).Take(2).Select(a => a.StatusCode).Order().ToList();
            Assert.Equal([HttpStatusCode.Created, HttpStatusCode.Conflict], statuses);
            var loser = answers.Skip(pair * 2).Take(2).Single(a => a.StatusCode == HttpStatusCode.Conflict);
            await ErrorAsync(loser, HttpStatusCode.Conflict, "uniqueness");
        }

        await ListAsync(scim, $"/scim/v2/Users?filter={Filter($"externalId eq \"{externalId}\"")}", 1);
        await ListAsync(scim, $"/scim/v2/Users?filter={Filter($"userName eq \"{userName}\"")}", 1);
        await ListAsync(scim, $"/scim/v2/Groups?filter={Filter($"externalId eq \"{groupExternalId}\"")}", 1);
    }
}

public sealed class ScimConformanceTestsOnSqlite(SqliteApp app) : ScimConformanceTests(app), IClassFixture<SqliteApp>;

public sealed class ScimConformanceTestsOnPostgres(PostgresApp app) : ScimConformanceTests(app), IClassFixture<PostgresApp>;
