using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Ruche.Core.Access;
using Ruche.Core.Common;

namespace Ruche.Web.Scim;

/// <summary>SCIM 2.0 JSON (RFC 7643 resources, RFC 7644 messages), always as application/scim+json.</summary>
public static class ScimResults
{
    public const string ContentType = "application/scim+json";
    public const string UserSchema = "urn:ietf:params:scim:schemas:core:2.0:User";
    public const string GroupSchema = "urn:ietf:params:scim:schemas:core:2.0:Group";
    public const string ListSchema = "urn:ietf:params:scim:api:messages:2.0:ListResponse";
    public const string PatchSchema = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
    public const string ErrorSchema = "urn:ietf:params:scim:api:messages:2.0:Error";

    public static IResult Json(JsonNode node, int status = StatusCodes.Status200OK) =>
        Results.Text(node.ToJsonString(), ContentType, System.Text.Encoding.UTF8, status);

    public static IResult Error(int status, string? scimType, string detail) => Json(ErrorBody(status, scimType, detail), status);

    public static Task WriteErrorAsync(HttpContext http, int status, string? scimType, string detail)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = ContentType;
        return http.Response.WriteAsync(ErrorBody(status, scimType, detail).ToJsonString(), http.RequestAborted);
    }

    /// <summary>A refusal from the services, in SCIM's words (the error code travels as the detail's prefix).</summary>
    public static IResult From(RucheException refused) => refused.Kind switch
    {
        ErrorKind.NotFound => Error(StatusCodes.Status404NotFound, null, $"{refused.Code}: {refused.Message}"),
        ErrorKind.Conflict => Error(StatusCodes.Status409Conflict, "uniqueness", $"{refused.Code}: {refused.Message}"),
        ErrorKind.Forbidden => Error(StatusCodes.Status403Forbidden, null, $"{refused.Code}: {refused.Message}"),
        _ => Error(StatusCodes.Status400BadRequest, "invalidValue", $"{refused.Code}: {refused.Message}"),
    };

    public static JsonObject User(ProvisionedPerson person, string baseUrl)
    {
        var user = new JsonObject
        {
            ["schemas"] = new JsonArray(UserSchema),
            ["id"] = Id(person.Id),
            ["userName"] = person.Email,
            ["displayName"] = person.DisplayName,
            ["name"] = new JsonObject { ["formatted"] = person.DisplayName },
            ["active"] = person.IsActive,
            ["emails"] = new JsonArray(new JsonObject { ["value"] = person.Email, ["type"] = "work", ["primary"] = true }),
            ["groups"] = person.DepartmentId is { } department
                ? new JsonArray(new JsonObject { ["value"] = Id(department), ["$ref"] = $"{baseUrl}/Groups/{Id(department)}", ["display"] = person.Department })
                : new JsonArray(),
        };
        if (person.ExternalId is { } externalId)
        {
            user["externalId"] = externalId;
        }

        user["meta"] = Meta(user, "User", person.CreatedAt, person.ModifiedAt ?? person.CreatedAt, $"{baseUrl}/Users/{Id(person.Id)}");
        return user;
    }

    public static JsonObject Group(ProvisionedGroup group, string baseUrl)
    {
        var body = new JsonObject
        {
            ["schemas"] = new JsonArray(GroupSchema),
            ["id"] = Id(group.Id),
            ["displayName"] = group.Name,
            ["members"] = new JsonArray([.. group.Members.Select(m => (JsonNode)new JsonObject
            {
                ["value"] = Id(m.Id), ["$ref"] = $"{baseUrl}/Users/{Id(m.Id)}", ["display"] = m.DisplayName, ["type"] = "User",
            })]),
        };
        if (group.ExternalId is { } externalId)
        {
            body["externalId"] = externalId;
        }

        body["meta"] = Meta(body, "Group", group.CreatedAt, group.ModifiedAt ?? group.CreatedAt, $"{baseUrl}/Groups/{Id(group.Id)}");
        return body;
    }

    /// <summary>The version (weak ETag) of a resource: a digest of what it says, so any change, wherever made, changes it.</summary>
    public static string Version(JsonObject resource) =>
        $"W/\"{Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(resource.ToJsonString())))[..20]}\"";

    /// <summary>A single resource, with its ETag and, when created, its Location (RFC 7644 §3.1, §3.14).</summary>
    public static IResult Resource(HttpContext http, JsonObject resource, ScimProjection projection, int status = StatusCodes.Status200OK)
    {
        var meta = resource["meta"]!.AsObject();
        http.Response.Headers.ETag = (string?)meta["version"];
        if (status == StatusCodes.Status201Created)
        {
            http.Response.Headers.Location = (string?)meta["location"];
        }

        return Json(projection.Apply(resource), status);
    }

    public static JsonObject List(IEnumerable<JsonNode> resources, int total, int startIndex)
    {
        var items = new JsonArray([.. resources]);
        return new JsonObject
        {
            ["schemas"] = new JsonArray(ListSchema),
            ["totalResults"] = total,
            ["startIndex"] = startIndex,
            ["itemsPerPage"] = items.Count,
            ["Resources"] = items,
        };
    }

    public static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);

    private static JsonObject Meta(JsonObject resource, string type, DateTime? created, DateTime? modified, string location)
    {
        var meta = new JsonObject { ["resourceType"] = type };
        if (created is { } at)
        {
            meta["created"] = Time(at);
        }

        if (modified is { } changed)
        {
            meta["lastModified"] = Time(changed);
        }

        meta["location"] = location;
        meta["version"] = Version(resource);
        return meta;
    }

    private static string Time(DateTime at) => DateTime.SpecifyKind(at, DateTimeKind.Utc).ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);

    private static JsonObject ErrorBody(int status, string? scimType, string detail)
    {
        var body = new JsonObject { ["schemas"] = new JsonArray(ErrorSchema), ["status"] = status.ToString(CultureInfo.InvariantCulture), ["detail"] = detail };
        if (scimType is not null)
        {
            body["scimType"] = scimType;
        }

        return body;
    }

    /// <summary>Reads a request body as JSON whatever its media type (SCIM clients send application/scim+json).</summary>
    public static async Task<JsonObject> ReadBodyAsync(HttpRequest request)
    {
        if (request.ContentLength is > 1_000_000)
        {
            throw new ScimException(StatusCodes.Status413PayloadTooLarge, null, "The request body is too large.");
        }

        try
        {
            return await JsonNode.ParseAsync(request.Body, documentOptions: new JsonDocumentOptions { MaxDepth = 16 }, cancellationToken: request.HttpContext.RequestAborted) as JsonObject
                ?? throw ScimException.InvalidSyntax("The body is not a JSON object.");
        }
        catch (JsonException)
        {
            throw ScimException.InvalidSyntax("The body is not valid JSON.");
        }
    }
}
