using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Ruche.Web.Pwa;

/// <summary>The web app manifest (what a browser installs) and the colours the document's head repeats.</summary>
public static class PwaManifest
{
    public const string LightTheme = "#f2a900";

    public const string DarkTheme = "#1d1a14";

    public const string Background = "#fffaf0";

    public const string ContentType = "application/manifest+json";

    /// <summary>The manifest; its name and description follow the reader's language.</summary>
    public static object For(CultureInfo culture) => new
    {
        id = "/",
        name = "Ruche",
        short_name = "Ruche",
        description = culture.TwoLetterISOLanguageName == "en"
            ? "Your company's social network: spaces, daily goals, events."
            : "Le réseau social de votre entreprise : espaces, objectifs du jour, événements.",
        lang = culture.TwoLetterISOLanguageName == "en" ? "en" : "fr",
        start_url = "/",
        scope = "/",
        display = "standalone",
        theme_color = LightTheme,
        background_color = Background,
        icons = new object[]
        {
            new { src = "/icons/app/icon-192.png", sizes = "192x192", type = "image/png", purpose = "any" },
            new { src = "/icons/app/icon-512.png", sizes = "512x512", type = "image/png", purpose = "any" },
            new { src = "/icons/app/icon-maskable-192.png", sizes = "192x192", type = "image/png", purpose = "maskable" },
            new { src = "/icons/app/icon-maskable-512.png", sizes = "512x512", type = "image/png", purpose = "maskable" },
            new { src = "/icons/app/icon.svg", sizes = "any", type = "image/svg+xml", purpose = "any" },
        },
    };

    /// <summary>
    /// Who is signed in, as the page's script compares it (never shown): a digest, so the head carries no id. A change
    /// of mark between two pages means another person signed in on this browser, and the offline copies go.
    /// </summary>
    public static string PersonMark(long personId) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"ruche-person:{personId.ToString(CultureInfo.InvariantCulture)}")))[..16];
}
