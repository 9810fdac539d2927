using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Localization;
using Ruche.Core.Audit;
using Ruche.Web.Localization;

namespace Ruche.Web.Admin;

/// <summary>An audit entry in words: "Connexion · canal : web", "Camille Martin" rather than <c>auth.sign-in {"channel":"web"}</c> and <c>person:47</c>.</summary>
public static class AuditEntryText
{
    /// <summary>What happened, in the reader's language; an action this version has no words for keeps its code.</summary>
    public static string Action(IStringLocalizer<Ui> texts, string action) => WordsOr(texts, "audit.action." + action, action);

    /// <summary>The details as "label: value" pairs; person ids become names.</summary>
    public static IReadOnlyList<string> Details(IStringLocalizer<Ui> texts, AuditEntryView entry)
    {
        if (entry.Details is not { Length: > 0 } details)
        {
            return [];
        }

        try
        {
            using var json = JsonDocument.Parse(details);
            if (json.RootElement.ValueKind != JsonValueKind.Object)
            {
                return [details];
            }

            return json.RootElement.EnumerateObject()
                .Select(field => texts["audit.detail-pair", WordsOr(texts, "audit.detail." + field.Name, field.Name), Value(texts, entry, field)].Value)
                .ToList();
        }
        catch (JsonException)
        {
            return [details];
        }
    }

    /// <summary>Whom or what the entry is about: a person's name, else the kind of thing and its number.</summary>
    public static string Target(IStringLocalizer<Ui> texts, AuditEntryView entry)
    {
        if (entry.Target is not { } target)
        {
            return "—";
        }

        var colon = target.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
        {
            return target;
        }

        var (kind, id) = (target[..colon], target[(colon + 1)..]);
        if (kind == "person" && long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var personId) && entry.People.TryGetValue(personId, out var name))
        {
            return name;
        }

        return texts["audit.target-number", WordsOr(texts, "audit.target." + kind, kind), id].Value;
    }

    private static string Value(IStringLocalizer<Ui> texts, AuditEntryView entry, JsonProperty field) => field.Value.ValueKind switch
    {
        JsonValueKind.Number when field.Value.TryGetInt64(out var id) && entry.People.TryGetValue(id, out var name) && field.Name is "author" or "organizer" or "person" => name,
        JsonValueKind.String => WordsOr(texts, $"audit.value.{field.Value.GetString()}", field.Value.GetString() ?? ""),
        JsonValueKind.True => texts["audit.value.true"],
        JsonValueKind.False => texts["audit.value.false"],
        JsonValueKind.Array => string.Join(", ", field.Value.EnumerateArray().Select(item => item.ToString())),
        _ => field.Value.ToString(),
    };

    private static string WordsOr(IStringLocalizer<Ui> texts, string key, string fallback)
    {
        var words = texts[key];
        return words.ResourceNotFound ? fallback : words.Value;
    }
}
