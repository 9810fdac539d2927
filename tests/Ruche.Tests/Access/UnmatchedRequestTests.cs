using System.Net;
using System.Text;
using System.Text.Json;
using Ruche.Core.Access;
using Ruche.Tests.Infrastructure;

namespace Ruche.Tests.Access;

/// <summary>
/// API and SCIM clients are programs: whatever they send that matches no endpoint (an unknown path, a wrong method, an
/// id that is not a number, HEAD, OPTIONS, a body that is not JSON) answers in their own error format (problem details,
/// SCIM errors), 401 without credentials, never a 302 to the HTML sign-in page — with a valid token too.
/// </summary>
public sealed class UnmatchedRequestTests(SqliteApp app) : ProviderTests(app), IClassFixture<SqliteApp>
{
    public static TheoryData<string, string, string?, int> ApiRequests => new()
    {
        { "GET", "/api/v1/nothing-here", null, 404 },
        { "GET", "/api/v1/posts/abc", null, 404 },
        { "PUT", "/api/v1/posts", null, 405 },
        { "DELETE", "/api/v1/feeds/home", null, 405 },
        { "HEAD", "/api/v1/feeds/home", null, 404 }, // routing matches no GET endpoint for HEAD: not found, which is true
        { "OPTIONS", "/api/v1/posts", null, 405 },
        { "POST", "/api/v1/posts", "text/plain", 415 },
        { "POST", "/api/v1/posts", "application/x-www-form-urlencoded", 415 },
        { "GET", "/api/v2/posts", null, 404 },
    };

    public static TheoryData<string, string, int> ScimRequests => new()
    {
        { "GET", "/scim/v2/Bulk", 404 },
        { "GET", "/scim/v2/Nothing", 404 },
        { "DELETE", "/scim/v2/ServiceProviderConfig", 405 },
        { "PUT", "/scim/v2/Users", 405 },
        { "HEAD", "/scim/v2/Users", 404 },
        { "OPTIONS", "/scim/v2/Users", 405 },
    };

    [Theory]
    [MemberData(nameof(ApiRequests))]
    public async Task An_unmatched_api_request_answers_problem_details(string method, string path, string? contentType, int status)
    {
        var person = await NewPersonAsync("Api client");

        var signedIn = await person.Http.SendAsync(Request(method, path, contentType));
        await ShouldBeProblemAsync(signedIn, status);

        var anonymous = await App.Anonymous().SendAsync(Request(method, path, contentType));
        await ShouldBeProblemAsync(anonymous, 401);
    }

    [Theory]
    [MemberData(nameof(ScimRequests))]
    public async Task An_unmatched_scim_request_answers_a_scim_error(string method, string path, int status)
    {
        var admin = await NewPersonAsync("Directory admin", "Europe/Paris", "administrator");
        var token = await Actor.ReadAsync<IssuedToken>(await admin.Http.PostAsync("/api/v1/admin/scim-token", null), HttpStatusCode.Created);
        var directory = App.Anonymous();
        directory.DefaultRequestHeaders.Authorization = new("Bearer", token.Token);

        await ShouldBeScimErrorAsync(await directory.SendAsync(Request(method, path, null)), status);
        await ShouldBeScimErrorAsync(await App.Anonymous().SendAsync(Request(method, path, null)), 401);
    }

    private static HttpRequestMessage Request(string method, string path, string? contentType) =>
        new(new HttpMethod(method), path)
        {
            Content = contentType is null ? null : new StringContent(contentType == "text/plain" ? "not json" : "text=hello", Encoding.UTF8, contentType),
        };

    private static async Task ShouldBeProblemAsync(HttpResponseMessage response, int status)
    {
        var what = $"{response.RequestMessage!.Method} {response.RequestMessage.RequestUri} ({response.RequestMessage.Headers.Authorization?.Scheme ?? "anonymous"})";
        Assert.True((int)response.StatusCode == status, $"{what} answered {(int)response.StatusCode} (Location: {response.Headers.Location}), expected {status}");
        if (response.RequestMessage.Method == HttpMethod.Head)
        {
            return; // a HEAD answer has no body
        }

        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.StartsWith(Web.Hosting.Problems.TypePrefix, json.RootElement.GetProperty("type").GetString(), StringComparison.Ordinal);
        Assert.Equal(status, json.RootElement.GetProperty("status").GetInt32());
    }

    private static async Task ShouldBeScimErrorAsync(HttpResponseMessage response, int status)
    {
        var what = $"{response.RequestMessage!.Method} {response.RequestMessage.RequestUri}";
        Assert.True((int)response.StatusCode == status, $"{what} answered {(int)response.StatusCode} (Location: {response.Headers.Location}), expected {status}");
        if (response.RequestMessage.Method == HttpMethod.Head)
        {
            return;
        }

        Assert.Equal("application/scim+json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("urn:ietf:params:scim:api:messages:2.0:Error", json.RootElement.GetProperty("schemas")[0].GetString());
        Assert.Equal(status.ToString(System.Globalization.CultureInfo.InvariantCulture), json.RootElement.GetProperty("status").GetString());
    }
}
