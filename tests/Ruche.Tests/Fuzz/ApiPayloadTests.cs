using System.Net;
using System.Text;
using CsCheck;
using Ruche.Tests.Infrastructure;

namespace Ruche.Tests.Fuzz;

/// <summary>
/// Generated request bodies thrown at the main write endpoints, JSON and HTML forms: never a 500, and a refused request
/// changes nothing (a digest of every row of every table stays the same, so a refusal that wrote one field fails).
/// </summary>
public abstract class ApiPayloadTests(RucheApp app) : ProviderTests(app)
{
    public const int Iterations = 300;

    public const int FormIterations = 200;

    private static readonly Gen<string> FormValue = Gen.OneOf(
        Gen.OneOf<string>(["", " ", "\t", "\r\n", "\0", "/\t/evil.example", "/posts\r\nSet-Cookie: a=b", "//evil.example", "/\\evil.example",
            "https://evil.example/", "-1", "0", "abc", "1e309", "9223372036854775808", "25:99", "09:30", "true", "on", "false", "2026-13-45",
            "Europe/Nowhere", "open", "secret", "Monday", "done", "like", new string('a', 5_000)]),
        Gen.String[0, 30],
        Gen.OneOf(XssVectors.All));

    private static readonly Gen<KeyValuePair<string, string>[]> Form = Gen.Select(
        Gen.OneOf<string>(["body", "returnUrl", "on", "reminder", "weeklyRecap", "name", "visibility", "kind", "goal1", "link1", "note", "days",
            "start", "end", "text", "status", "email", "timeZone", "displayName", "skills", "x"]).Array[0, 5],
        FormValue.Array[5],
        (keys, values) => keys.Select((key, i) => new KeyValuePair<string, string>(key, values[i])).ToArray());

    private static readonly string[] FormTargets =
    [
        "/ui/posts",
        "/ui/posts/{post}/edit",
        "/ui/posts/{post}/comments",
        "/ui/posts/{post}/pin",
        "/ui/posts/{post}/reactions/like",
        "/ui/spaces",
        "/ui/goals",
        "/ui/goals/schedule",
        "/ui/goals/leave",
        "/ui/goals/team/{space}",
    ];

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
        IReadOnlyDictionary<string, string>? before = null;
        await Gen.Select(Gen.Int[0, Targets.Length - 1], Body).SampleAsync(async (target, body) =>
        {
            var (method, path) = Targets[target];
            var url = path.Replace("{post}", post.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
                .Replace("{space}", space.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
                .Replace("{me}", person.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
            before ??= await DatabaseDigest.TakeAsync(App);
            using var request = new HttpRequestMessage(new HttpMethod(method), url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
            var response = await person.Http.SendAsync(request);
            Interlocked.Increment(ref tried);
            Assert.True((int)response.StatusCode < 500, $"{method} {url} with {body} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
            if ((int)response.StatusCode >= 400)
            {
                var changed = DatabaseDigest.Changed(before, await DatabaseDigest.TakeAsync(App));
                Assert.True(changed.Count == 0, $"{method} {url} with {body} was refused ({(int)response.StatusCode}) but changed {string.Join(", ", changed)}");
                Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            }
            else
            {
                before = null; // it wrote: the next request starts from a new digest
            }
        }, iter: Iterations, threads: 1);
        Assert.Equal(Iterations, tried);
    }

    [Fact]
    public async Task Generated_form_fields_never_cause_a_server_error_and_refusals_change_nothing()
    {
        var person = await NewPersonAsync("Form fuzzer");
        var space = await person.CreateSpaceAsync("Fuzz forms");
        var post = await person.PostAsync("Cible des formulaires", space);
        var browser = await App.SignInWithBrowserCookiesAsync(person);
        var token = await Browser.AntiforgeryTokenAsync(browser, $"/posts/{post.Id}");
        var tried = 0;
        IReadOnlyDictionary<string, string>? before = null;
        await Gen.Select(Gen.Int[0, FormTargets.Length - 1], Form).SampleAsync(async (target, fields) =>
        {
            var url = FormTargets[target].Replace("{post}", post.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
                .Replace("{space}", space.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
            before ??= await DatabaseDigest.TakeAsync(App);
            using var content = new FormUrlEncodedContent(fields.Append(new(Browser.AntiforgeryField, token)));
            var response = await browser.PostAsync(url, content);
            Interlocked.Increment(ref tried);
            var sent = string.Join('&', fields.Select(f => $"{f.Key}={Uri.EscapeDataString(f.Value[..Math.Min(f.Value.Length, 60)])}"));
            Assert.True((int)response.StatusCode < 500, $"POST {url} with {sent} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
            var location = response.Headers.Location?.OriginalString;
            if (location is not null)
            {
                Assert.True(
                    location.StartsWith('/') && !location.StartsWith("//", StringComparison.Ordinal) && !location.Any(char.IsControl),
                    $"POST {url} with {sent} sent the browser to {location}");
            }

            var refused = (int)response.StatusCode >= 400 || location?.Contains("error=", StringComparison.Ordinal) == true;
            if (refused)
            {
                var changed = DatabaseDigest.Changed(before, await DatabaseDigest.TakeAsync(App));
                Assert.True(changed.Count == 0, $"POST {url} with {sent} was refused ({(int)response.StatusCode} {location}) but changed {string.Join(", ", changed)}");
            }
            else
            {
                before = null;
            }
        }, iter: FormIterations, threads: 1);
        Assert.Equal(FormIterations, tried);
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
        var before = await DatabaseDigest.TakeAsync(App);
        var bytes = Encoding.UTF8.GetBytes("{\"body\":\"abc").Concat(new byte[] { 0xC3, 0x28, 0xFF, 0xFE }).Concat(Encoding.UTF8.GetBytes("\"}")).ToArray();
        using var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new("application/json");
        var response = await person.Http.PostAsync("/api/v1/posts", content);
        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "request.malformed");
        Assert.Empty(DatabaseDigest.Changed(before, await DatabaseDigest.TakeAsync(App)));
    }

    [Fact]
    public async Task An_oversized_body_is_refused_without_writing()
    {
        var person = await NewPersonAsync("Big");
        var before = await DatabaseDigest.TakeAsync(App);
        var response = await person.Http.PostAsync("/api/v1/posts", new StringContent("{\"body\":\"" + new string('a', 2_000_000) + "\"}", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(DatabaseDigest.Changed(before, await DatabaseDigest.TakeAsync(App)));
    }
}

public sealed class ApiPayloadTestsOnSqlite(SqliteApp app) : ApiPayloadTests(app), IClassFixture<SqliteApp>;

public sealed class ApiPayloadTestsOnPostgres(PostgresApp app) : ApiPayloadTests(app), IClassFixture<PostgresApp>;
