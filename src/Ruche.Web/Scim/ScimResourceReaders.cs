using System.Globalization;
using System.Text.Json.Nodes;
using Ruche.Core.Access;

namespace Ruche.Web.Scim;

/// <summary>How a resource's JSON is being written: a creation, a replacement (PUT) or the result of a PATCH.</summary>
public enum ScimWrite
{
    Create,
    Replace,
    Patch,
}

/// <summary>
/// What Ruche keeps from a User or Group body. Unknown attributes (title, locale, the enterprise extension…) are
/// accepted and ignored, as RFC 7644 lets a service do; read-only ones (id, meta, groups) are ignored in POST and PUT.
/// </summary>
public static class ScimResourceReaders
{
    public static readonly IReadOnlySet<string> UserReadOnly = new HashSet<string> { "id", "meta", "groups", "schemas" };

    public static readonly IReadOnlySet<string> GroupReadOnly = new HashSet<string> { "id", "meta", "schemas" };

    public static DirectoryPerson User(JsonObject body, ScimWrite write)
    {
        // A PATCH that removes userName removes it, whatever emails say.
        var userName = Text(body, "userName") ?? (write == ScimWrite.Patch ? null : PrimaryEmail(body));
        if (string.IsNullOrWhiteSpace(userName))
        {
            throw Missing(write, "userName");
        }

        var active = ScimJson.Key(body, "active") is { } key
            ? ScimJson.Bool(body[key], "active")
            : write == ScimWrite.Patch ? throw ScimException.Mutability("'active' cannot be removed: replace it with false.") : true;
        if (write == ScimWrite.Patch && ScimJson.Get(body, "emails") is not JsonArray { Count: > 0 })
        {
            throw ScimException.Mutability("'emails' cannot be removed: Ruche's one address is the userName.");
        }

        return new DirectoryPerson(userName, DisplayName(body) ?? userName, Text(body, "externalId"), active);
    }

    public static DirectoryGroup Group(JsonObject body, ScimWrite write)
    {
        var name = Text(body, "displayName");
        if (string.IsNullOrWhiteSpace(name))
        {
            throw Missing(write, "displayName");
        }

        return new DirectoryGroup(name, Text(body, "externalId"), MemberIds(ScimJson.Get(body, "members")));
    }

    /// <summary>Member ids; a value that is not a number names no person Ruche knows.</summary>
    public static List<long> MemberIds(JsonNode? members) => members switch
    {
        null => [],
        JsonArray array => [.. array.Select(m => m is JsonObject member && ScimJson.Text(member, "value") is { } value
            ? long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : throw ScimException.InvalidValue($"Member '{value}' is not a person known to Ruche.")
            : throw ScimException.InvalidValue("Each member is an object with a value."))],
        _ => throw ScimException.InvalidValue("'members' is a list."),
    };

    private static ScimException Missing(ScimWrite write, string attribute) =>
        write == ScimWrite.Patch
            ? ScimException.Mutability($"'{attribute}' is required and cannot be removed.")
            : ScimException.InvalidValue($"'{attribute}' is required.");

    /// <summary>displayName, else name.formatted, else givenName familyName.</summary>
    private static string? DisplayName(JsonObject body)
    {
        if (Text(body, "displayName") is { } displayName && !string.IsNullOrWhiteSpace(displayName))
        {
            return displayName;
        }

        if (ScimJson.Get(body, "name") is not JsonObject name)
        {
            return null;
        }

        var joined = string.Join(' ', new[] { Text(name, "givenName"), Text(name, "familyName") }.Where(n => !string.IsNullOrWhiteSpace(n)));
        return Text(name, "formatted") is { Length: > 0 } formatted && !string.IsNullOrWhiteSpace(formatted) ? formatted : joined.Length > 0 ? joined : null;
    }

    private static string? PrimaryEmail(JsonObject body)
    {
        var all = (ScimJson.Get(body, "emails") as JsonArray)?.OfType<JsonObject>().ToList() ?? [];
        var primary = all.FirstOrDefault(e => ScimJson.Get(e, "primary") is JsonValue p && p.TryGetValue<bool>(out var isPrimary) && isPrimary) ?? all.FirstOrDefault();
        return primary is null ? null : Text(primary, "value");
    }

    /// <summary>A string attribute; null when absent or null, refused when of another type.</summary>
    private static string? Text(JsonObject body, string name) =>
        ScimJson.Key(body, name) is not { } key || body[key] is null
            ? null
            : body[key] is JsonValue value && value.TryGetValue<string>(out var text) ? text : throw ScimException.InvalidValue($"'{name}' is a string.");
}
