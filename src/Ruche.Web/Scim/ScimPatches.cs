using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Ruche.Core.Common;

namespace Ruche.Web.Scim;

/// <summary>
/// The user attributes Ruche keeps from a directory: userName (the e-mail), the display name and "active". Other
/// attributes a directory sends (title, locale, externalId…) are accepted and ignored, as RFC 7644 lets a service do.
/// </summary>
public sealed record UserFields(string? Email, string? DisplayName, bool Active)
{
    public static UserFields From(JsonObject body, UserFields? current)
    {
        var fields = current ?? new UserFields(null, null, true);
        foreach (var (key, value) in body)
        {
            fields = fields.With(key, value);
        }

        return fields;
    }

    /// <summary>Applies a PatchOp (add and replace; remove of a kept attribute is refused).</summary>
    public static UserFields Patch(JsonObject body, UserFields current)
    {
        var fields = current;
        foreach (var operation in ScimPatch.Operations(body))
        {
            fields = operation.Op switch
            {
                "add" or "replace" when operation.Path is null && operation.Value is JsonObject values => From(values, fields),
                "add" or "replace" when operation.Path is not null => fields.With(operation.Path, operation.Value),
                "remove" when operation.Path is { } path && (path.Equals("active", StringComparison.OrdinalIgnoreCase) || path.Equals("userName", StringComparison.OrdinalIgnoreCase)) =>
                    throw RucheException.Invalid("scim.attribute-required", $"'{path}' cannot be removed."),
                "remove" => fields,
                _ => throw RucheException.Invalid("scim.patch-invalid", "Each operation is add, replace or remove, with a path or an object value."),
            };
        }

        return fields;
    }

    private UserFields With(string attribute, JsonNode? value) => attribute.ToLowerInvariant() switch
    {
        "username" => this with { Email = Text(value) },
        "displayname" or "name.formatted" => this with { DisplayName = Text(value) },
        "name" when value is JsonObject name => this with { DisplayName = NameOf(name) ?? DisplayName },
        "active" => this with { Active = Bool(value) },
        // userName is the e-mail; the emails list only stands in when a directory sends no userName.
        "emails" when value is JsonArray emails && PrimaryEmail(emails) is { } email => this with { Email = Email ?? email },
        _ => this,
    };

    private static string? NameOf(JsonObject name) =>
        ScimApi.Text(name, "formatted") ?? string.Join(' ', new[] { ScimApi.Text(name, "givenName"), ScimApi.Text(name, "familyName") }.Where(n => !string.IsNullOrWhiteSpace(n))) switch
        {
            "" => null,
            var joined => joined,
        };

    private static string? PrimaryEmail(JsonArray emails)
    {
        var all = emails.OfType<JsonObject>().ToList();
        var primary = all.FirstOrDefault(e => e["primary"] is JsonValue p && p.TryGetValue<bool>(out var isPrimary) && isPrimary) ?? all.FirstOrDefault();
        return primary is null ? null : ScimApi.Text(primary, "value");
    }

    private static string? Text(JsonNode? value) =>
        value is JsonValue text && text.TryGetValue<string>(out var s) ? s : throw RucheException.Invalid("scim.value-invalid", "Expected a string value.");

    /// <summary>A boolean, or the strings "True"/"False" some directories send instead.</summary>
    private static bool Bool(JsonNode? value) => value switch
    {
        JsonValue v when v.TryGetValue<bool>(out var b) => b,
        JsonValue v when v.TryGetValue<string>(out var s) && bool.TryParse(s, out var parsed) => parsed,
        _ => throw RucheException.Invalid("scim.value-invalid", "'active' is true or false."),
    };
}

/// <summary>A Group PatchOp as membership changes: members added, removed (by filter or by value) or replaced, and a new name.</summary>
public sealed partial record GroupPatch(string? Name, List<long> Add, List<long> Remove, bool Replace)
{
    public static GroupPatch From(JsonObject body)
    {
        var patch = new GroupPatch(null, [], [], false);
        foreach (var operation in ScimPatch.Operations(body))
        {
            var path = operation.Path?.Trim();
            var memberFilter = path is null ? null : MemberFilter().Match(path);
            patch = (operation.Op, path?.ToLowerInvariant()) switch
            {
                ("add", "members") => patch with { Add = [.. patch.Add, .. ScimApi.MemberIds(operation.Value)] },
                ("replace", "members") => patch with { Add = ScimApi.MemberIds(operation.Value), Replace = true },
                ("remove", "members") when operation.Value is null => patch with { Add = [], Replace = true },
                ("remove", "members") => patch with { Remove = [.. patch.Remove, .. ScimApi.MemberIds(operation.Value)] },
                ("remove", _) when memberFilter is { Success: true } => patch with { Remove = [.. patch.Remove, ScimApi.ParseId(memberFilter.Groups["id"].Value, ScimApi.PersonNotFound)] },
                ("replace" or "add", "displayname") when operation.Value is JsonValue name && name.TryGetValue<string>(out var text) => patch with { Name = text },
                ("replace" or "add", null) when operation.Value is JsonObject values => patch with
                {
                    Name = ScimApi.Text(values, "displayName") ?? patch.Name,
                    Add = values["members"] is { } members ? ScimApi.MemberIds(members) : patch.Add,
                    Replace = patch.Replace || values["members"] is not null,
                },
                _ => throw RucheException.Invalid("scim.patch-invalid", $"Unsupported group operation '{operation.Op}' on '{path}'."),
            };
        }

        return patch;
    }

    [GeneratedRegex("""^members\[\s*value\s+eq\s+"(?<id>[0-9]+)"\s*\]$""", RegexOptions.IgnoreCase)]
    private static partial Regex MemberFilter();
}

public sealed record ScimPatch(string Op, string? Path, JsonNode? Value)
{
    public static IReadOnlyList<ScimPatch> Operations(JsonObject body)
    {
        if (body["Operations"] is not JsonArray operations || operations.Count is 0 or > 100)
        {
            throw RucheException.Invalid("scim.patch-invalid", "A PatchOp has 1 to 100 Operations.");
        }

        return [.. operations.Select(o => o is JsonObject op && ScimApi.Text(op, "op") is { } name
            ? new ScimPatch(name.ToLowerInvariant(), ScimApi.Text(op, "path"), op["value"])
            : throw RucheException.Invalid("scim.patch-invalid", "Each operation has an 'op'."))];
    }
}
