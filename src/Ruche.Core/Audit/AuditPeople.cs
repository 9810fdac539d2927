using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Ruche.Core.Data;

namespace Ruche.Core.Audit;

/// <summary>
/// The people an audit entry points at: its target (<c>person:47</c>) and the details that hold a person's id
/// (<c>author</c>, <c>organizer</c>). Read for a whole page in one query, so the log shows names, not numbers.
/// </summary>
public static class AuditPeople
{
    private const string PersonTarget = "person:";
    private static readonly string[] PersonDetails = ["author", "organizer", "person"];

    public static IEnumerable<long> IdsIn(AuditEntryView entry)
    {
        if (entry.Target is { } target && target.StartsWith(PersonTarget, StringComparison.Ordinal)
            && long.TryParse(target.AsSpan(PersonTarget.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var targetId))
        {
            yield return targetId;
        }

        if (entry.Details is not { Length: > 0 } details)
        {
            yield break;
        }

        using var json = ParseOrNull(details);
        if (json?.RootElement.ValueKind != JsonValueKind.Object)
        {
            yield break;
        }

        foreach (var field in json.RootElement.EnumerateObject())
        {
            if (PersonDetails.Contains(field.Name) && field.Value.ValueKind == JsonValueKind.Number && field.Value.TryGetInt64(out var id))
            {
                yield return id;
            }
        }
    }

    public static async Task<Dictionary<long, string>> NamesAsync(RucheDbContext db, IEnumerable<AuditEntryView> entries, CancellationToken cancellationToken)
    {
        var ids = entries.SelectMany(IdsIn).Distinct().ToList();
        return ids.Count == 0
            ? []
            : await db.People.Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.DisplayName, cancellationToken);
    }

    public static IReadOnlyDictionary<long, string> Of(AuditEntryView entry, Dictionary<long, string> names) =>
        IdsIn(entry).Where(names.ContainsKey).Distinct().ToDictionary(id => id, id => names[id]);

    private static JsonDocument? ParseOrNull(string details)
    {
        try
        {
            return JsonDocument.Parse(details);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
