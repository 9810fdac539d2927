using System.Text.Json.Nodes;

namespace Ruche.Web.Scim;

/// <summary>
/// The User and Group schemas as Ruche implements them (RFC 7643 §7): every attribute Ruche reads or returns, with
/// its sub-attributes, and characteristics that say what the server really does. Ruche keeps one e-mail address,
/// the userName, so <c>emails</c> mirrors it; <c>name</c> only serves to derive a missing displayName, so its given and
/// family names are write-only; <c>groups</c> is the person's department, changed through the Group.
/// </summary>
public static class ScimSchemaDefinitions
{
    public static JsonObject User(string baseUrl) => Schema(ScimResults.UserSchema, "User", "A person of the company.", baseUrl, [
        Attribute("userName", "string", "The person's e-mail address, unique, used to sign in.", required: true, uniqueness: "server"),
        Attribute("name", "complex", "The person's name; only used to derive displayName when none is given.", subAttributes: [
            Attribute("formatted", "string", "The full name, as shown (always displayName)."),
            Attribute("givenName", "string", "Given name, read to derive displayName.", mutability: "writeOnly", returned: "never"),
            Attribute("familyName", "string", "Family name, read to derive displayName.", mutability: "writeOnly", returned: "never"),
        ]),
        Attribute("displayName", "string", "The name shown in Ruche; when absent: name.formatted, givenName familyName, or userName."),
        Attribute("active", "boolean", "Whether the person may sign in; false ends their sessions at once. Cannot be removed."),
        Attribute("emails", "complex", "Ruche's one address: the userName (work, primary). Cannot be removed.", multiValued: true, subAttributes: [
            Attribute("value", "string", "The address (the userName)."),
            Attribute("type", "string", "Always work.", canonicalValues: ["work"]),
            Attribute("primary", "boolean", "Always true."),
        ]),
        Attribute("externalId", "string", "The directory's own id for the person, unique when set.", caseExact: true, uniqueness: "server"),
        Attribute("groups", "complex", "The person's department (a Group); change it through the Group's members.", multiValued: true, mutability: "readOnly", subAttributes: [
            Attribute("value", "string", "The group's id.", mutability: "readOnly"),
            Attribute("$ref", "reference", "The group's URI.", mutability: "readOnly", referenceTypes: ["Group"]),
            Attribute("display", "string", "The group's name.", mutability: "readOnly"),
        ]),
    ]);

    public static JsonObject Group(string baseUrl) => Schema(ScimResults.GroupSchema, "Group", "A department of the company.", baseUrl, [
        Attribute("displayName", "string", "The department's name, unique.", required: true, uniqueness: "server"),
        Attribute("externalId", "string", "The directory's own id for the group, unique when set.", caseExact: true, uniqueness: "server"),
        Attribute("members", "complex", "The people in the department; a person is in one department at most.", multiValued: true, subAttributes: [
            Attribute("value", "string", "The person's id.", mutability: "immutable"),
            Attribute("$ref", "reference", "The person's URI.", mutability: "immutable", referenceTypes: ["User"]),
            Attribute("display", "string", "The person's displayName.", mutability: "readOnly"),
            Attribute("type", "string", "Always User (groups do not nest).", mutability: "immutable", canonicalValues: ["User"]),
        ]),
    ]);

    public static IReadOnlyList<JsonObject> All(string baseUrl) => [User(baseUrl), Group(baseUrl)];

    private static JsonObject Schema(string id, string name, string description, string baseUrl, JsonNode[] attributes) => new()
    {
        ["schemas"] = new JsonArray("urn:ietf:params:scim:schemas:core:2.0:Schema"),
        ["id"] = id,
        ["name"] = name,
        ["description"] = description,
        ["attributes"] = new JsonArray(attributes),
        ["meta"] = new JsonObject { ["resourceType"] = "Schema", ["location"] = $"{baseUrl}/Schemas/{id}" },
    };

    private static JsonObject Attribute(
        string name, string type, string description, bool required = false, bool multiValued = false, bool caseExact = false, string mutability = "readWrite",
        string returned = "default", string uniqueness = "none", string[]? canonicalValues = null, string[]? referenceTypes = null, JsonNode[]? subAttributes = null)
    {
        var attribute = new JsonObject
        {
            ["name"] = name,
            ["type"] = type,
            ["multiValued"] = multiValued,
            ["description"] = description,
            ["required"] = required,
            ["caseExact"] = caseExact,
            ["mutability"] = mutability,
            ["returned"] = returned,
            ["uniqueness"] = uniqueness,
        };
        if (canonicalValues is not null)
        {
            attribute["canonicalValues"] = new JsonArray([.. canonicalValues.Select(v => (JsonNode)v)]);
        }

        if (referenceTypes is not null)
        {
            attribute["referenceTypes"] = new JsonArray([.. referenceTypes.Select(v => (JsonNode)v)]);
        }

        if (subAttributes is not null)
        {
            attribute["subAttributes"] = new JsonArray(subAttributes);
        }

        return attribute;
    }
}
