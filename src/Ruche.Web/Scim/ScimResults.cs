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

    public static JsonObject User(ProvisionedPerson person, string baseUrl) => new()
    {
        ["schemas"] = new JsonArray(UserSchema),
        ["id"] = Id(person.Id),
        ["userName"] = person.Email,
        ["displayName"] = person.DisplayName,
        ["name"] = new JsonObject { ["formatted"] = person.DisplayName },
        ["active"] = person.IsActive,
        ["emails"] = new JsonArray(new JsonObject { ["value"] = person.Email, ["primary"] = true, ["type"] = "work" }),
        ["groups"] = person.DepartmentId is { } department
            ? new JsonArray(new JsonObject { ["value"] = Id(department), ["display"] = person.Department, ["$ref"] = $"{baseUrl}/Groups/{Id(department)}" })
            : new JsonArray(),
        ["meta"] = Meta("User", person.CreatedAt, $"{baseUrl}/Users/{Id(person.Id)}"),
    };

    public static JsonObject Group(ProvisionedGroup group, string baseUrl) => new()
    {
        ["schemas"] = new JsonArray(GroupSchema),
        ["id"] = Id(group.Id),
        ["displayName"] = group.Name,
        ["members"] = new JsonArray([.. group.Members.Select(m => (JsonNode)new JsonObject
        {
            ["value"] = Id(m.Id), ["display"] = m.DisplayName, ["$ref"] = $"{baseUrl}/Users/{Id(m.Id)}",
        })]),
        ["meta"] = new JsonObject { ["resourceType"] = "Group", ["location"] = $"{baseUrl}/Groups/{Id(group.Id)}" },
    };

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

    private static JsonObject Meta(string type, DateTime created, string location) => new()
    {
        ["resourceType"] = type,
        ["created"] = DateTime.SpecifyKind(created, DateTimeKind.Utc).ToString("O", CultureInfo.InvariantCulture),
        ["location"] = location,
    };

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
            throw RucheException.Invalid("scim.body-too-large", "The request body is too large.");
        }

        try
        {
            return await JsonNode.ParseAsync(request.Body, documentOptions: new JsonDocumentOptions { MaxDepth = 16 }, cancellationToken: request.HttpContext.RequestAborted) as JsonObject
                ?? throw RucheException.Invalid("scim.body-invalid", "The body is not a JSON object.");
        }
        catch (JsonException)
        {
            throw RucheException.Invalid("scim.body-invalid", "The body is not valid JSON.");
        }
    }
}
