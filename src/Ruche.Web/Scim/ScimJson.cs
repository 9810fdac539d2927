using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Ruche.Web.Scim;

/// <summary>JSON helpers for SCIM, whose attribute names are case-insensitive (RFC 7643 §2.1).</summary>
public static class ScimJson
{
    /// <summary>The key under which <paramref name="name"/> is stored in <paramref name="node"/>, whatever its case.</summary>
    public static string? Key(JsonObject node, string name) =>
        node.Select(p => p.Key).FirstOrDefault(k => string.Equals(k, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>A possibly dotted attribute (<c>name.givenName</c>), case-insensitively.</summary>
    public static JsonNode? Get(JsonObject node, string path)
    {
        JsonNode? current = node;
        foreach (var part in path.Split('.'))
        {
            if (current is not JsonObject obj || Key(obj, part) is not { } key)
            {
                return null;
            }

            current = obj[key];
        }

        return current;
    }

    public static string? Text(JsonObject node, string name) =>
        Key(node, name) is { } key && node[key] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    /// <summary>A scalar as text for comparisons (booleans as true/false).</summary>
    public static string? Scalar(JsonNode? node) => node switch
    {
        JsonValue value when value.TryGetValue<string>(out var text) => text,
        JsonValue value when value.TryGetValue<bool>(out var flag) => flag ? "true" : "false",
        JsonValue value when value.GetValueKind() == JsonValueKind.Number => value.ToJsonString(),
        null => null,
        _ => node.ToJsonString(),
    };

    /// <summary>A boolean, or the strings "True"/"False" that Entra ID sends instead.</summary>
    public static bool Bool(JsonNode? value, string attribute) => value switch
    {
        JsonValue v when v.TryGetValue<bool>(out var b) => b,
        JsonValue v when v.TryGetValue<string>(out var s) && bool.TryParse(s, out var parsed) => parsed,
        _ => throw ScimException.InvalidValue($"'{attribute}' is true or false."),
    };

    public static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);
}
