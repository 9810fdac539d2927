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
        ["etag"] = new JsonObject { ["supported"] = false },
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

    public static JsonObject Schemas() => ScimResults.List(
        [
            Schema(ScimResults.UserSchema, "User", [
                Attribute("userName", "string", required: true, uniqueness: "server"),
                Attribute("displayName", "string", required: true),
                Attribute("active", "boolean"),
                Attribute("emails", "complex", multiValued: true),
            ]),
            Schema(ScimResults.GroupSchema, "Group", [
                Attribute("displayName", "string", required: true, uniqueness: "server"),
                Attribute("members", "complex", multiValued: true),
            ]),
        ],
        2,
        1);

    private static JsonObject ResourceType(string name, string endpoint, string schema, string baseUrl) => new()
    {
        ["schemas"] = new JsonArray("urn:ietf:params:scim:schemas:core:2.0:ResourceType"),
        ["id"] = name,
        ["name"] = name,
        ["endpoint"] = endpoint,
        ["schema"] = schema,
        ["meta"] = new JsonObject { ["resourceType"] = "ResourceType", ["location"] = $"{baseUrl}/ResourceTypes/{name}" },
    };

    private static JsonObject Schema(string id, string name, JsonNode[] attributes) => new()
    {
        ["schemas"] = new JsonArray("urn:ietf:params:scim:schemas:core:2.0:Schema"),
        ["id"] = id,
        ["name"] = name,
        ["attributes"] = new JsonArray(attributes),
    };

    private static JsonObject Attribute(string name, string type, bool required = false, bool multiValued = false, string uniqueness = "none") => new()
    {
        ["name"] = name,
        ["type"] = type,
        ["multiValued"] = multiValued,
        ["required"] = required,
        ["mutability"] = "readWrite",
        ["returned"] = "default",
        ["uniqueness"] = uniqueness,
    };
}
