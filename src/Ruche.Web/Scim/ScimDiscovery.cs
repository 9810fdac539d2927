using System.Text.Json.Nodes;

namespace Ruche.Web.Scim;

/// <summary>What a directory asks first (RFC 7644 §4): what this service supports, its resource types and schemas.</summary>
public static class ScimDiscovery
{
    public static JsonObject ServiceProviderConfig() => new()
    {
        ["schemas"] = new JsonArray("urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig"),
        ["documentationUri"] = "https://github.com/ruche/ruche#scim-provisioning",
        ["patch"] = new JsonObject { ["supported"] = true },
        ["bulk"] = new JsonObject { ["supported"] = false, ["maxOperations"] = 0, ["maxPayloadSize"] = 0 },
        ["filter"] = new JsonObject { ["supported"] = true, ["maxResults"] = Core.Access.DirectoryProvisioning.PageSizeMax },
        ["changePassword"] = new JsonObject { ["supported"] = false },
        ["sort"] = new JsonObject { ["supported"] = false },
        ["etag"] = new JsonObject { ["supported"] = true },
        ["authenticationSchemes"] = new JsonArray(new JsonObject
        {
            ["type"] = "oauthbearertoken",
            ["name"] = "Bearer token",
            ["description"] = "The SCIM token an administrator generates (POST /api/v1/admin/scim-token).",
            ["primary"] = true,
        }),
    };

    public static JsonObject ResourceTypes(string baseUrl) => ScimResults.List(
        [
            ResourceType("User", "/Users", ScimResults.UserSchema, baseUrl),
            ResourceType("Group", "/Groups", ScimResults.GroupSchema, baseUrl),
        ],
        2,
        1);

    public static JsonObject? ResourceType(string id, string baseUrl) =>
        ResourceTypes(baseUrl)["Resources"]!.AsArray().OfType<JsonObject>()
            .FirstOrDefault(r => string.Equals((string?)r["id"], id, StringComparison.OrdinalIgnoreCase))?.DeepClone().AsObject();

    public static JsonObject Schemas(string baseUrl) => ScimResults.List([.. ScimSchemaDefinitions.All(baseUrl)], 2, 1);

    public static JsonObject? Schema(string id, string baseUrl) =>
        ScimSchemaDefinitions.All(baseUrl).FirstOrDefault(s => string.Equals((string?)s["id"], id, StringComparison.OrdinalIgnoreCase));

    private static JsonObject ResourceType(string name, string endpoint, string schema, string baseUrl) => new()
    {
        ["schemas"] = new JsonArray("urn:ietf:params:scim:schemas:core:2.0:ResourceType"),
        ["id"] = name,
        ["name"] = name,
        ["endpoint"] = endpoint,
        ["schema"] = schema,
        ["description"] = name == "User" ? "People of the company." : "Departments of the company.",
        ["schemaExtensions"] = new JsonArray(),
        ["meta"] = new JsonObject { ["resourceType"] = "ResourceType", ["location"] = $"{baseUrl}/ResourceTypes/{name}" },
    };
}
