using System.Net;
using System.Text;
using CsCheck;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Ruche.Core.Data;
using Ruche.Tests.Infrastructure;

namespace Ruche.Tests.Fuzz;

/// <summary>
/// Generated request bodies thrown at the main write endpoints: never a 500, and a refused request changes
/// nothing (the counts of what it would have written stay the same).
/// </summary>
public abstract class ApiPayloadTests(RucheApp app) : ProviderTests(app)
{
    public const int Iterations = 300;

    private static readonly Gen<string> JsonValue = Gen.OneOf(
        Gen.OneOf<string>(["null", "true", "false", "0", "-1", "1e309", "9223372036854775808", "\"\"", "[]", "{}", "\"\\u0000\"", "\"<script>alert(1)</script>\"", "1.5", "\"open\"", "\"secret\"", "\"like\""]),
        Gen.Select(Gen.String[0, 40], s => System.Text.Json.JsonSerializer.Serialize(s)),
        Gen.Select(Gen.Int[-5, 5], i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        Gen.Select(Gen.OneOf(XssVectors.All), s => System.Text.Json.JsonSerializer.Serialize(s)));

    private static readonly Gen<string> Body = Gen.OneOf(
        Gen.Select(
            Gen.OneOf<string>(["body", "spaceId", "imageIds", "sharePostId", "replyTo", "name", "kind", "visibility", "timeZone", "skills", "displayName", "managerId", "role", "x"]).Array[0, 5],
            JsonValue.Array[5],
            (keys, values) => "{" + string.Join(',', keys.Select((k, i) => $"\"{k}\":{values[i]}")) + "}"),
        Gen.OneOf<string>(["", "{", "[", "\"body\"", "{\"body\":", "{\"body\":\"a\"", "{}}", "nul"]),
        Gen.String[0, 30]);

    private static readonly (string Method, string Path)[] Targets =
    [
        ("POST", "/api/v1/posts"),
        ("PATCH", "/api/v1/posts/{post}"),
        ("POST", "/api/v1/posts/{post}/comments"),
        ("POST", "/api/v1/spaces"),
        ("PATCH", "/api/v1/people/{me}"),
        ("PUT", "/api/v1/spaces/{space}/members/{me}/role"),
    ];

    [Fact]
    public async Task Generated_bodies_never_cause_a_server_error_and_refusals_change_nothing()
    {
        var person = await NewPersonAsync("Fuzzer");
        var space = await person.CreateSpaceAsync("Fuzz");
        var post = await person.PostAsync("Cible", space);
        var tried = 0;
        await Gen.Select(Gen.Int[0, Targets.Length - 1], Body).SampleAsync(async (target, body) =>
        {
            var (method, path) = Targets[target];
            var url = path.Replace("{post}", post.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
                .Replace("{space}", space.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
                .Replace("{me}", person.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
            var before = await CountsAsync();
            using var request = new HttpRequestMessage(new HttpMethod(method), url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
            var response = await person.Http.SendAsync(request);
            Interlocked.Increment(ref tried);
            Assert.True((int)response.StatusCode < 500, $"{method} {url} with {body} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
            if ((int)response.StatusCode >= 400)
            {
                Assert.Equal(before, await CountsAsync());
                Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            }
        }, iter: Iterations, threads: 1);
        Assert.Equal(Iterations, tried);
    }

    [Fact]
    public async Task Deeply_nested_json_is_refused_as_malformed()
    {
        var person = await NewPersonAsync("Nester");
        var nested = new string('[', 5_000) + new string(']', 5_000);
        var response = await person.Http.PostAsync("/api/v1/posts", new StringContent("{\"body\":" + nested + "}", Encoding.UTF8, "application/json"));
        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "request.malformed");
    }

    [Fact]
    public async Task Invalid_utf8_is_refused_and_writes_nothing()
    {
        var person = await NewPersonAsync("Bytes");
        var before = await CountsAsync();
        var bytes = Encoding.UTF8.GetBytes("{\"body\":\"abc").Concat(new byte[] { 0xC3, 0x28, 0xFF, 0xFE }).Concat(Encoding.UTF8.GetBytes("\"}")).ToArray();
        using var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new("application/json");
        var response = await person.Http.PostAsync("/api/v1/posts", content);
        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "request.malformed");
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task An_oversized_body_is_refused_without_writing()
    {
        var person = await NewPersonAsync("Big");
        var before = await CountsAsync();
        var response = await person.Http.PostAsync("/api/v1/posts", new StringContent("{\"body\":\"" + new string('a', 2_000_000) + "\"}", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(before, await CountsAsync());
    }

    private async Task<(int Posts, int Comments, int Spaces, int Revisions)> CountsAsync()
    {
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RucheDbContext>();
        return (await db.Posts.CountAsync(), await db.Comments.CountAsync(), await db.Spaces.CountAsync(), await db.PostRevisions.CountAsync());
    }
}

public sealed class ApiPayloadTestsOnSqlite(SqliteApp app) : ApiPayloadTests(app), IClassFixture<SqliteApp>;

public sealed class ApiPayloadTestsOnPostgres(PostgresApp app) : ApiPayloadTests(app), IClassFixture<PostgresApp>;
