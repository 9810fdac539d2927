using System.Net;
using System.Text.Json;

namespace Ruche.Tests.Infrastructure;

/// <summary>Refusals are RFC 7807 problem details whose <c>type</c> names the error: <c>urn:ruche:problem:{code}</c>.</summary>
public static class ProblemAssertions
{
    public static async Task ShouldBeProblemAsync(this HttpResponseMessage response, HttpStatusCode status, string code)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(
            response.StatusCode == status,
            $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} returned {(int)response.StatusCode}, expected {(int)status} {code}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(body);
        Assert.Equal(Web.Hosting.Problems.TypePrefix + code, json.RootElement.GetProperty("type").GetString());
        Assert.Equal((int)status, json.RootElement.GetProperty("status").GetInt32());
    }

    public static async Task ShouldBeProblemAsync(this Task<HttpResponseMessage> response, HttpStatusCode status, string code) =>
        await (await response).ShouldBeProblemAsync(status, code);
}
