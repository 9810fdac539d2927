using System.Text.Json.Nodes;

namespace Ruche.Web.Scim;

/// <summary>
/// Applies a PatchOp (RFC 7644 §3.5.2) to a resource's JSON: add, replace and remove, with or without a path,
/// on simple, complex (<c>name.givenName</c>) and multi-valued attributes, including value filters
/// (<c>emails[type eq "work"].value</c>, <c>members[value eq "42"]</c>) and a path-less value object whose keys may
/// be paths, as Entra ID sends them. The resource then reads the patched JSON like a replacement, so a patch can do
/// exactly what a PUT can, and its rules (required attributes, uniqueness) apply the same way.
/// </summary>
public static class ScimPatchDocument
{
    public const int MaxOperations = 1000;

    /// <summary>Applies every operation of <paramref name="body"/> to <paramref name="resource"/>; <paramref name="readOnly"/> attributes cannot be targeted.</summary>
    public static void Apply(JsonObject body, JsonObject resource, IReadOnlySet<string> readOnly)
    {
        if (ScimJson.Get(body, "Operations") is not JsonArray operations || operations.Count is 0 or > MaxOperations)
        {
            throw ScimException.InvalidSyntax($"A PatchOp has 1 to {MaxOperations} Operations.");
        }

        foreach (var node in operations)
        {
            var op = node is JsonObject o ? ScimJson.Text(o, "op")?.ToLowerInvariant() : null;
            if (node is not JsonObject operation || op is not ("add" or "replace" or "remove"))
            {
                throw ScimException.InvalidSyntax("Each operation's op is add, replace or remove.");
            }

            var value = ScimJson.Key(operation, "value") is { } key ? operation[key] : null;
            var path = ScimJson.Text(operation, "path");
            if (string.IsNullOrWhiteSpace(path))
            {
                ApplyWithoutPath(op, value, resource, readOnly);
            }
            else
            {
                ApplyPath(op, ScimPath.Parse(path), value, resource, readOnly);
            }
        }
    }

    private static void ApplyWithoutPath(string op, JsonNode? value, JsonObject resource, IReadOnlySet<string> readOnly)
    {
        if (op == "remove")
        {
            throw ScimException.NoTarget("A remove operation needs a path.");
        }

        if (value is not JsonObject values)
        {
            throw ScimException.InvalidValue("Without a path, the value is an object of attributes.");
        }

        // Okta renames a group with {"op":"replace","value":{"id":"…","displayName":"…"}}: read-only attributes in a
        // path-less value are ignored, as in a PUT (RFC 7644 §3.5.1).
        foreach (var (name, attribute) in values)
        {
            if (!readOnly.Contains(ScimPath.Parse(name).Attribute.ToLowerInvariant()))
            {
                ApplyPath(op, ScimPath.Parse(name), attribute, resource, readOnly);
            }
        }
    }

    private static void ApplyPath(string op, ScimPath path, JsonNode? value, JsonObject resource, IReadOnlySet<string> readOnly)
    {
        if (readOnly.Contains(path.Attribute.ToLowerInvariant()))
        {
            throw ScimException.Mutability($"'{path.Attribute}' is read-only.");
        }

        if (op != "remove" && value is null)
        {
            throw ScimException.InvalidValue($"The {op} operation on '{path.Attribute}' needs a value.");
        }

        var key = ScimJson.Key(resource, path.Attribute) ?? path.Attribute;
        var current = resource[key];
        if (path.Filter is not null)
        {
            ApplyFiltered(op, path, value, resource, key);
        }
        else if (path.SubAttribute is { } sub)
        {
            foreach (var target in current is JsonArray all ? [.. all.OfType<JsonObject>()] : new[] { current as JsonObject ?? NewObject(resource, key) })
            {
                Set(target, sub, op == "remove" ? null : value);
            }
        }
        else if (op == "remove")
        {
            if (current is JsonArray existing && value is JsonArray removed)
            {
                // Entra ID removes members as {"op":"remove","path":"members","value":[{"value":"42"}]}.
                var ids = removed.OfType<JsonObject>().Select(v => ScimJson.Text(v, "value")).ToHashSet(StringComparer.OrdinalIgnoreCase);
                RemoveWhere(existing, e => ids.Contains(ScimJson.Text(e, "value")));
            }
            else
            {
                resource.Remove(key);
            }
        }
        else if (op == "add" && current is JsonArray list)
        {
            var known = list.OfType<JsonObject>().Select(e => ScimJson.Text(e, "value")).Where(v => v is not null).ToHashSet(StringComparer.OrdinalIgnoreCase);
            foreach (var item in value is JsonArray items ? [.. items] : new[] { value })
            {
                if (item is not JsonObject element || ScimJson.Text(element, "value") is not { } id || known.Add(id))
                {
                    list.Add(item?.DeepClone());
                }
            }
        }
        else
        {
            resource[key] = value!.DeepClone();
        }
    }

    private static void ApplyFiltered(string op, ScimPath path, JsonNode? value, JsonObject resource, string key)
    {
        if (resource[key] is not JsonArray list)
        {
            list = [];
            resource[key] = list;
        }

        var matches = list.OfType<JsonObject>().Where(path.Filter!.Matches).ToList();
        if (op == "remove")
        {
            // Removing what is already absent leaves the resource as the directory wants it: not an error.
            if (path.SubAttribute is { } sub)
            {
                matches.ForEach(m => Set(m, sub, null));
            }
            else
            {
                RemoveWhere(list, matches.Contains);
            }

            return;
        }

        if (matches.Count == 0)
        {
            // Entra ID adds "emails[type eq "work"].value" to a user that has no work address yet.
            var created = Seed(path.Filter!);
            list.Add(created);
            matches.Add(created);
        }

        foreach (var match in matches)
        {
            if (path.SubAttribute is { } sub)
            {
                Set(match, sub, value);
            }
            else if (value is JsonObject replacement)
            {
                foreach (var (name, attribute) in replacement)
                {
                    Set(match, name, attribute);
                }
            }
            else
            {
                throw ScimException.InvalidValue($"A value for '{path.Attribute}[…]' is an object.");
            }
        }
    }

    /// <summary>The element a filter of equalities describes: <c>type eq "work"</c> → <c>{"type":"work"}</c>.</summary>
    private static JsonObject Seed(ScimFilter filter)
    {
        var element = new JsonObject();
        void Fill(ScimFilter f)
        {
            switch (f)
            {
                case ScimCompare { Op: "eq" } equal:
                    element[equal.Attribute] = equal.Value?.DeepClone();
                    break;
                case ScimAnd and:
                    Fill(and.Left);
                    Fill(and.Right);
                    break;
                default:
                    throw ScimException.NoTarget("The path's filter matches no value, and does not describe a new one.");
            }
        }

        Fill(filter);
        return element;
    }

    private static void Set(JsonObject target, string name, JsonNode? value)
    {
        var key = ScimJson.Key(target, name) ?? name;
        if (value is null)
        {
            target.Remove(key);
        }
        else
        {
            target[key] = value.DeepClone();
        }
    }

    private static JsonObject NewObject(JsonObject resource, string key)
    {
        var created = new JsonObject();
        resource[key] = created;
        return created;
    }

    private static void RemoveWhere(JsonArray list, Func<JsonObject, bool> remove)
    {
        for (var i = list.Count - 1; i >= 0; i--)
        {
            if (list[i] is JsonObject element && remove(element))
            {
                list.RemoveAt(i);
            }
        }
    }
}

/// <summary>A PATCH path (RFC 7644 §3.5.2): <c>attribute</c>, <c>attribute.sub</c>, <c>attribute[filter]</c> or <c>attribute[filter].sub</c>.</summary>
public sealed record ScimPath(string Attribute, ScimFilter? Filter, string? SubAttribute)
{
    public static ScimPath Parse(string path)
    {
        path = path.Trim();
        var open = path.IndexOf('[', StringComparison.Ordinal);
        if (open < 0)
        {
            var name = ScimFilter.AttributeName(path);
            var dot = name.IndexOf('.', StringComparison.Ordinal);
            return Valid(dot < 0 ? new ScimPath(name, null, null) : new ScimPath(name[..dot], null, name[(dot + 1)..]));
        }

        var close = path.LastIndexOf(']');
        if (close < open)
        {
            throw ScimException.InvalidPath($"'{path}' is not a valid path.");
        }

        var rest = path[(close + 1)..];
        if (rest.Length > 0 && (rest[0] != '.' || rest.Length == 1))
        {
            throw ScimException.InvalidPath($"'{path}' is not a valid path.");
        }

        return Valid(new ScimPath(ScimFilter.AttributeName(path[..open]), ParseFilter(path[(open + 1)..close]), rest.Length > 0 ? rest[1..] : null));
    }

    private static ScimFilter ParseFilter(string text)
    {
        try
        {
            return ScimFilter.Parse(text);
        }
        catch (ScimException invalid)
        {
            throw ScimException.InvalidPath(invalid.Message);
        }
    }

    private static ScimPath Valid(ScimPath path) =>
        path.Attribute.Length > 0 && path.Attribute.All(c => char.IsAsciiLetterOrDigit(c) || c is '$' or '_' or '-') && path.SubAttribute is null or { Length: > 0 }
            ? path
            : throw ScimException.InvalidPath($"'{path.Attribute}' is not a valid attribute.");
}
