namespace Ruche.Core.Push;

/// <summary>A short name for a device from its user agent ("Firefox · Android"), so a person tells their devices apart.</summary>
public static class DeviceLabels
{
    public static string From(string? userAgent)
    {
        var ua = userAgent ?? string.Empty;
        var browser = Contains(ua, "Edg/") ? "Edge"
            : Contains(ua, "Firefox/") ? "Firefox"
            : Contains(ua, "Chrome/") || Contains(ua, "Chromium/") ? "Chrome"
            : Contains(ua, "Safari/") ? "Safari"
            : null;
        var system = Contains(ua, "Android") ? "Android"
            : Contains(ua, "iPhone") || Contains(ua, "iPad") ? "iOS"
            : Contains(ua, "Windows") ? "Windows"
            : Contains(ua, "Mac OS") ? "macOS"
            : Contains(ua, "Linux") ? "Linux"
            : null;
        return (browser, system) switch
        {
            (null, null) => "?",
            (_, null) => browser!,
            (null, _) => system!,
            _ => $"{browser} · {system}",
        };
    }

    private static bool Contains(string ua, string part) => ua.Contains(part, StringComparison.Ordinal);
}
