using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Ruche.Tests.Infrastructure;

namespace Ruche.Tests.Api;

/// <summary>
/// The OpenAPI document is a contract generated clients live on: every operation documents the problem details it can
/// answer, nullable enums accept null once, shared parameters carry the server's limits, and the conformance check that
/// every test's API answers pass through (<see cref="OpenApiConformance"/>) does refuse what breaks the document.
/// </summary>
public abstract class OpenApiDocumentTests(RucheApp app) : ProviderTests(app)
{
    [Fact]
    public async Task Every_operation_documents_its_problem_answers()
    {
        var document = await DocumentAsync();
        var operations = Operations(document).ToList();
        Assert.True(operations.Count > 100, $"only {operations.Count} operations");
        foreach (var (method, path, operation) in operations)
        {
            var responses = operation["responses"]!.AsObject();
            var expected = path == "/api/v1/auth/token" ? new[] { "400", "401", "403", "429" } : ["401", "403", "429"];
            foreach (var status in expected)
            {
                Assert.True(responses.ContainsKey(status), $"{method} {path} does not document {status}");
                Assert.NotNull(responses[status]!["content"]!["application/problem+json"]);
            }

            if (path.Contains('{', StringComparison.Ordinal))
            {
                Assert.True(responses.ContainsKey("404"), $"{method} {path} names a resource but does not document 404");
            }

            if (method != "get")
            {
                Assert.True(responses.ContainsKey("400"), $"{method} {path} changes something but does not document 400");
            }
        }
    }

    [Fact]
    public async Task Enums_list_their_names_only_so_a_nullable_one_accepts_null_once()
    {
        var schemas = (await DocumentAsync())["components"]!["schemas"]!.AsObject();
        var enums = schemas.Where(s => s.Value?["enum"] is JsonArray).ToList();
        Assert.Contains(enums, e => e.Key == "SpaceRole");
        Assert.All(enums, e =>
        {
            Assert.DoesNotContain(e.Value!["enum"]!.AsArray(), v => v is null);
            Assert.Equal("string", e.Value!["type"]!.GetValue<string>());
        });
    }

    [Fact]
    public async Task Page_sizes_and_searches_carry_the_server_limits()
    {
        var search = (await DocumentAsync())["paths"]!["/api/v1/search"]!["get"]!["parameters"]!.AsArray();
        var pageSize = search.Single(p => p!["name"]!.GetValue<string>() == "pageSize")!["schema"]!;
        Assert.Equal(1, pageSize["minimum"]!.GetValue<int>());
        Assert.Equal(Core.Common.Limits.PageSizeMax, pageSize["maximum"]!.GetValue<int>());
        Assert.Equal(1, search.Single(p => p!["name"]!.GetValue<string>() == "q")!["schema"]!["minLength"]!.GetValue<int>());

        var token = (await DocumentAsync())["components"]!["schemas"]!["PersonalTokenRequest"]!["properties"]!["name"]!;
        Assert.Equal("string", token["type"]!.GetValue<string>());
        Assert.Equal(1, token["minLength"]!.GetValue<int>());

        // The server refuses what the document now says is out of range.
        var person = await NewPersonAsync();
        await person.Http.GetAsync("/api/v1/search?q=ruche&pageSize=0").ShouldBeProblemAsync(System.Net.HttpStatusCode.BadRequest, "page-size.invalid");
    }

    [Fact]
    public async Task Request_bodies_carry_the_text_limits_the_server_enforces()
    {
        var schemas = (await DocumentAsync())["components"]!["schemas"]!;
        int Limit(string schema, string property, string keyword) => schemas[schema]!["properties"]![property]![keyword]!.GetValue<int>();

        Assert.Equal(Core.Common.Limits.PostBodyMaxLength, Limit("NewPostRequest", "body", "maxLength"));
        Assert.Equal(Core.Common.Limits.ImagesPerPost, Limit("NewPostRequest", "imageIds", "maxItems"));
        Assert.Equal((1, Core.Common.Limits.CommentBodyMaxLength), (Limit("NewCommentRequest", "body", "minLength"), Limit("NewCommentRequest", "body", "maxLength")));
        Assert.Equal((1, Core.Common.Limits.SpaceNameMaxLength), (Limit("NewSpaceRequest", "name", "minLength"), Limit("NewSpaceRequest", "name", "maxLength")));
        Assert.Equal(Core.Common.Limits.EventTitleMaxLength, Limit("NewEventRequest", "title", "maxLength"));
        Assert.Equal(Core.Common.Limits.PresenceNoteMaxLength, Limit("PresenceRequest", "note", "maxLength"));
        Assert.Equal(Core.Common.Limits.BioMaxLength, Limit("ProfileUpdate", "bio", "maxLength"));

        // The documented bound is the server's: one character more is refused, and nothing is written.
        var person = await NewPersonAsync();
        await person.Http.PostAsJsonAsync("/api/v1/posts", new { body = new string('a', Limit("NewPostRequest", "body", "maxLength") + 1) })
            .ShouldBeProblemAsync(System.Net.HttpStatusCode.BadRequest, "post.too-long");
        await person.Http.PostAsJsonAsync("/api/v1/spaces", new { name = new string('s', Limit("NewSpaceRequest", "name", "maxLength") + 1), kind = "Project", visibility = "Open" })
            .ShouldBeProblemAsync(System.Net.HttpStatusCode.BadRequest, "space.name-invalid");
        await person.Http.PutAsJsonAsync("/api/v1/presence", new { mode = "Office", note = new string('n', Limit("PresenceRequest", "note", "maxLength") + 1) })
            .ShouldBeProblemAsync(System.Net.HttpStatusCode.BadRequest, "presence.note-too-long");
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Core.Data.RucheDbContext>();
        Assert.Equal(0, await db.Posts.CountAsync(p => p.AuthorId == person.Id, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task The_conformance_check_refuses_an_undocumented_status_and_a_body_that_breaks_the_schema()
    {
        var conformance = await OpenApiConformance.ForAsync(App.CreateClient());

        Assert.Contains("does not document", conformance.Check("GET", "/api/v1/posts/42", 418, "application/json", "{}"));
        Assert.Contains("breaks its schema", conformance.Check("GET", "/api/v1/posts/42", 200, "application/json", """{"id":"not a number"}"""));
        Assert.Contains(
            "breaks its schema",
            conformance.Check("GET", "/api/v1/posts/42", 404, "application/problem+json", """{"type":"about:blank","title":"x","status":404}"""));
        Assert.Null(conformance.Check(
            "GET", "/api/v1/posts/42", 404, "application/problem+json", """{"type":"urn:ruche:problem:post.not-found","title":"post.not-found","status":404}"""));

        // A real answer passes: what every API call in the suite goes through.
        var person = await NewPersonAsync();
        var post = await person.PostAsync("Contrat d'interface");
        using var answer = await person.Http.GetAsync($"/api/v1/posts/{post.Id}");
        Assert.Null(conformance.Check("GET", $"/api/v1/posts/{post.Id}", (int)answer.StatusCode, "application/json", await answer.Content.ReadAsStringAsync()));
    }

    private async Task<JsonObject> DocumentAsync() =>
        JsonNode.Parse(await App.CreateClient().GetStringAsync("/openapi/v1.json"))!.AsObject();

    private static IEnumerable<(string Method, string Path, JsonObject Operation)> Operations(JsonObject document) =>
        from path in document["paths"]!.AsObject()
        where path.Key.StartsWith("/api/", StringComparison.Ordinal)
        from operation in path.Value!.AsObject()
        select (operation.Key, path.Key, operation.Value!.AsObject());
}

public sealed class OpenApiDocumentTestsOnSqlite(SqliteApp app) : OpenApiDocumentTests(app), IClassFixture<SqliteApp>;

public sealed class OpenApiDocumentTestsOnPostgres(PostgresApp app) : OpenApiDocumentTests(app), IClassFixture<PostgresApp>;
