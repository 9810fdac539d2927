using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Ruche.Core.Access;
using Ruche.Tests.Infrastructure;

namespace Ruche.Tests.Scim;

/// <summary>A directory's SCIM client, and the RFC 7643/7644 shape every response must have.</summary>
internal static class ScimHttp
{
    public const string UserSchema = "urn:ietf:params:scim:schemas:core:2.0:User";
    public const string GroupSchema = "urn:ietf:params:scim:schemas:core:2.0:Group";
    public const string PatchSchema = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

    public static async Task<HttpClient> ClientAsync(RucheApp app)
    {
        var admin = await app.NewPersonAsync("Directory admin", "Europe/Paris", "administrator");
        var token = await Actor.ReadAsync<IssuedToken>(await admin.Http.PostAsync("/api/v1/admin/scim-token", null), HttpStatusCode.Created);
        var client = app.Anonymous();
        client.DefaultRequestHeaders.Authorization = new("Bearer", token.Token);
        return client;
    }

    public static string Unique(string prefix) => $"{prefix}{Guid.NewGuid().ToString("N")[..8]}";

    public static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);

    public static string Filter(string filter) => Uri.EscapeDataString(filter);

    public static Task<HttpResponseMessage> SendAsync(this HttpClient client, HttpMethod method, string url, object body, string? ifMatch = null)
    {
        var request = new HttpRequestMessage(method, url) { Content = new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/scim+json") };
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        return client.SendAsync(request);
    }

    public static Task<HttpResponseMessage> PatchAsync(this HttpClient client, string url, params object[] operations) =>
        client.SendAsync(HttpMethod.Patch, url, new { schemas = new[] { PatchSchema }, Operations = operations });

    public static async Task<JsonObject> JsonAsync(HttpResponseMessage response, HttpStatusCode status = HttpStatusCode.OK)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"Expected {status}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/scim+json", response.Content.Headers.ContentType?.MediaType);
        return JsonNode.Parse(text)!.AsObject();
    }

    public static async Task<JsonObject> ErrorAsync(HttpResponseMessage response, HttpStatusCode status, string? scimType = null)
    {
        var error = await JsonAsync(response, status);
        Assert.Equal("urn:ietf:params:scim:api:messages:2.0:Error", (string)error["schemas"]![0]!);
        Assert.Equal(((int)status).ToString(CultureInfo.InvariantCulture), (string)error["status"]!);
        Assert.Equal(scimType, (string?)error["scimType"]);
        return error;
    }

    /// <summary>A resource as RFC 7643 §3.1 wants it: schemas, id, and meta with its type, times, location and version.</summary>
    public static JsonObject ShouldBeResource(JsonObject resource, string type, HttpResponseMessage? response = null)
    {
        Assert.Equal(type == "User" ? UserSchema : GroupSchema, (string)resource["schemas"]![0]!);
        Assert.False(string.IsNullOrEmpty((string?)resource["id"]));
        var meta = resource["meta"]!.AsObject();
        Assert.Equal(type, (string)meta["resourceType"]!);
        Assert.EndsWith($"/scim/v2/{type}s/{resource["id"]}", (string)meta["location"]!, StringComparison.Ordinal);
        var created = DateTimeOffset.Parse((string)meta["created"]!, CultureInfo.InvariantCulture);
        Assert.True(DateTimeOffset.Parse((string)meta["lastModified"]!, CultureInfo.InvariantCulture) >= created);
        Assert.StartsWith("W/\"", (string)meta["version"]!, StringComparison.Ordinal);
        if (response is not null)
        {
            Assert.Equal((string)meta["version"]!, response.Headers.ETag?.ToString());
            if (response.StatusCode == HttpStatusCode.Created)
            {
                Assert.Equal((string)meta["location"]!, response.Headers.Location?.ToString());
            }
        }

        return resource;
    }

    public static async Task<JsonObject> ListAsync(HttpClient client, string url, int expectedTotal)
    {
        var list = await JsonAsync(await client.GetAsync(url));
        Assert.Equal("urn:ietf:params:scim:api:messages:2.0:ListResponse", (string)list["schemas"]![0]!);
        Assert.Equal(expectedTotal, (int)list["totalResults"]!);
        Assert.Equal(list["Resources"]!.AsArray().Count, (int)list["itemsPerPage"]!);
        return list;
    }

    public static IEnumerable<string> Values(JsonNode? array, string name = "value") => array!.AsArray().Select(m => (string)m![name]!);
}
