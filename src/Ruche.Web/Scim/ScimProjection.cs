using System.Text.Json.Nodes;

namespace Ruche.Web.Scim;

/// <summary>
/// The <c>attributes</c> and <c>excludedAttributes</c> parameters (RFC 7644 §3.4.2.5, §3.9): a resource keeps only the
/// attributes asked for, or loses those excluded; <c>id</c> and <c>schemas</c> are returned always. Names are
/// case-insensitive, may carry their schema URN and may name a sub-attribute (<c>name.givenName</c>, <c>emails.value</c>).
/// </summary>
public sealed class ScimProjection
{
    private static readonly HashSet<string> Always = new(StringComparer.OrdinalIgnoreCase) { "id", "schemas" };
    private readonly List<(string Attribute, string? Sub)>? attributes;
    private readonly List<(string Attribute, string? Sub)>? excluded;

    private ScimProjection(List<(string, string?)>? attributes, List<(string, string?)>? excluded)
    {
        this.attributes = attributes;
        this.excluded = excluded;
    }

    public static ScimProjection All { get; } = new(null, null);

    public static ScimProjection From(string? attributes, string? excludedAttributes) =>
        new(Names(attributes?.Split(',')), Names(excludedAttributes?.Split(',')));

    public static ScimProjection From(JsonNode? attributes, JsonNode? excludedAttributes) =>
        new(Names(Strings(attributes)), Names(Strings(excludedAttributes)));

    public JsonObject Apply(JsonObject resource)
    {
        if (attributes is { Count: > 0 })
        {
            var kept = new JsonObject();
            foreach (var (key, value) in resource)
            {
                var asked = attributes.Where(a => a.Attribute.Equals(key, StringComparison.OrdinalIgnoreCase)).ToList();
                if (Always.Contains(key) || asked.Any(a => a.Sub is null))
                {
                    kept[key] = value?.DeepClone();
                }
                else if (asked.Count > 0)
                {
                    kept[key] = Only(value, [.. asked.Select(a => a.Sub!)]);
                }
            }

            return kept;
        }

        var copy = resource.DeepClone().AsObject();
        foreach (var (attribute, sub) in excluded ?? [])
        {
            if (ScimJson.Key(copy, attribute) is not { } key || Always.Contains(key))
            {
                continue;
            }

            if (sub is null)
            {
                copy.Remove(key);
            }
            else
            {
                foreach (var element in copy[key] is JsonArray list ? [.. list.OfType<JsonObject>()] : new[] { copy[key] as JsonObject })
                {
                    if (element is not null && ScimJson.Key(element, sub) is { } subKey)
                    {
                        element.Remove(subKey);
                    }
                }
            }
        }

        return copy;
    }

    private static JsonNode? Only(JsonNode? value, string[] subs)
    {
        JsonObject Pick(JsonObject source) => new([.. source
            .Where(p => subs.Contains(p.Key, StringComparer.OrdinalIgnoreCase))
            .Select(p => KeyValuePair.Create(p.Key, p.Value?.DeepClone()))]);
        return value switch
        {
            JsonObject obj => Pick(obj),
            JsonArray list => new JsonArray([.. list.Select(e => e is JsonObject o ? Pick(o) : e?.DeepClone())]),
            _ => value?.DeepClone(),
        };
    }

    private static IEnumerable<string>? Strings(JsonNode? node) => node switch
    {
        JsonArray list => list.Select(e => e is JsonValue v && v.TryGetValue<string>(out var s) ? s : throw ScimException.InvalidValue("Attribute names are strings.")),
        JsonValue value when value.TryGetValue<string>(out var text) => text.Split(','),
        null => null,
        _ => throw ScimException.InvalidValue("Attribute names are strings."),
    };

    private static List<(string, string?)>? Names(IEnumerable<string>? names)
    {
        if (names is null)
        {
            return null;
        }

        var list = new List<(string, string?)>();
        foreach (var raw in names.Select(n => n.Trim()).Where(n => n.Length > 0))
        {
            var name = ScimFilter.AttributeName(raw);
            var dot = name.IndexOf('.', StringComparison.Ordinal);
            list.Add(dot < 0 ? (name, null) : (name[..dot], name[(dot + 1)..]));
        }

        return list;
    }
}
