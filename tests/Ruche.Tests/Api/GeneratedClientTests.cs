using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Ruche.ApiClient;
using Ruche.Tests.Infrastructure;

namespace Ruche.Tests.Api;

/// <summary>
/// A client generated from the OpenAPI document (tests/Ruche.ApiClient, NSwag) walks a main journey against the
/// running app, as a company's own tool would. The document it is generated from (docs/api/openapi-v1.json) must equal
/// the one Ruche serves: when the API changes, regenerate it with <c>RUCHE_UPDATE_OPENAPI=1</c> and this test's filter.
/// </summary>
public abstract class GeneratedClientTests(RucheApp app) : ProviderTests(app)
{
    private const string UpdateVariable = "RUCHE_UPDATE_OPENAPI";

    [Fact]
    public async Task The_client_is_generated_from_the_document_ruche_serves()
    {
        var served = JsonNode.Parse(await App.CreateClient().GetStringAsync("/openapi/v1.json"))!;
        var path = Path.Combine(SourceFiles.RepositoryRoot, "docs", "api", "openapi-v1.json");
        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            await File.WriteAllTextAsync(path, served.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");
        }

        var kept = JsonNode.Parse(await File.ReadAllTextAsync(path))!;
        Assert.True(
            JsonNode.DeepEquals(served, kept),
            $"docs/api/openapi-v1.json differs from the served document: run `{UpdateVariable}=1 dotnet test tests/Ruche.Tests --filter FullyQualifiedName~GeneratedClient` and rebuild.");
    }

    [Fact]
    public async Task A_generated_client_signs_in_posts_comments_reacts_reads_the_feed_and_searches()
    {
        var person = await NewPersonAsync("Cliente Générée");
        var http = App.Anonymous();
        var client = new RucheClient(http);

        var token = await client.IssueTokenAsync(new TokenRequest { Email = person.Email, Password = RucheApp.Password });
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.Token);

        var word = "kiwizq" + Guid.NewGuid().ToString("N")[..6];
        var post = await client.CreatePostAsync(new NewPostRequest { Body = $"Le client généré publie {word} #api" });
        var comment = await client.AddCommentAsync(post.Id, new NewCommentRequest { Body = "Et il commente." });
        await client.AddReactionAsync(post.Id, Kind.Like);

        var feed = await client.HomeFeedAsync(pageSize: 10);
        var card = Assert.Single(feed.Items, c => c.Id == post.Id);
        Assert.Equal(1, card.CommentCount);
        Assert.Contains(card.Reactions, r => r.Count == 1 && r.Mine);
        Assert.Contains("api", card.Tags);
        Assert.Contains(await client.ListCommentsAsync(post.Id), c => c.Id == comment.Id);

        var found = await client.SearchAsync(q: word);
        Assert.Contains(found.Items, r => r.Id == post.Id && r.SnippetHtml.Contains($"<mark>{word}</mark>", StringComparison.Ordinal));

        // A refusal reaches the client as the documented problem, with its stable type.
        var refused = await Assert.ThrowsAsync<ApiException<Problem>>(() => client.CreatePostAsync(new NewPostRequest { Body = " " }));
        Assert.Equal(400, refused.StatusCode);
        Assert.StartsWith("urn:ruche:problem:", refused.Result.Type, StringComparison.Ordinal);
    }
}

public sealed class GeneratedClientTestsOnSqlite(SqliteApp app) : GeneratedClientTests(app), IClassFixture<SqliteApp>;

public sealed class GeneratedClientTestsOnPostgres(PostgresApp app) : GeneratedClientTests(app), IClassFixture<PostgresApp>;
