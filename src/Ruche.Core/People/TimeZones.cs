using NodaTime.TimeZones;

namespace Ruche.Core.People;

/// <summary>IANA time zone checks, the zones people pick from, and local-time display.</summary>
public static class TimeZones
{
    /// <summary>
    /// The zones a person picks from: IANA's zones for places (one per region of the world that keeps its own clock,
    /// without the old aliases) and UTC, each one .NET knows too, so a zone picked here is valid for profiles and events.
    /// </summary>
    public static IReadOnlyList<string> Choices { get; } =
        (TzdbDateTimeZoneSource.Default.ZoneLocations ?? []).Select(l => l.ZoneId).Append("UTC")
            .Distinct(StringComparer.Ordinal).Where(IsValid).Order(StringComparer.Ordinal).ToArray();

    public static bool IsValid(string? id)
    {
        if (string.IsNullOrWhiteSpace(id) || id.Length > 64)
        {
            return false;
        }

        // Only IANA ids: Windows ids also resolve on some hosts, but a profile must mean the same everywhere.
        return TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) && zone.HasIanaId;
    }

    /// <summary>How far ahead of UTC the zone's clocks are at <paramref name="utc"/> (negative behind).</summary>
    public static TimeSpan OffsetAt(string timeZoneId, DateTime utc) =>
        (TimeZoneInfo.TryFindSystemTimeZoneById(timeZoneId, out var zone) ? zone : TimeZoneInfo.Utc).GetUtcOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc));

    public static DateTime ToLocal(DateTime utc, string timeZoneId)
    {
        var zone = TimeZoneInfo.TryFindSystemTimeZoneById(timeZoneId, out var found) ? found : TimeZoneInfo.Utc;
        return TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone);
    }
}
