using PdfSharp.Fonts;

namespace Ruche.Core.Bdese;

/// <summary>
/// The one font the BDESE's PDFs are drawn with, DejaVu Sans (Bitstream Vera licence, see Fonts/DejaVuSans-LICENSE.txt),
/// shipped inside the assembly: PDFsharp finds no system fonts off Windows, and a server's fonts vary.
/// </summary>
internal sealed class BdeseFonts : IFontResolver
{
    public const string Family = "DejaVu Sans";

    private const string Face = "DejaVuSans";

    private static readonly Lock Gate = new();

    private static readonly Lazy<byte[]> Bytes = new(() =>
    {
        using var stream = typeof(BdeseFonts).Assembly.GetManifestResourceStream("Ruche.Core.Bdese.Fonts.DejaVuSans.ttf")
            ?? throw new InvalidOperationException("The BDESE font is missing from the assembly.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    });

    /// <summary>Installs the resolver once per process (PDFsharp's font settings are global).</summary>
    public static void EnsureInstalled()
    {
        lock (Gate)
        {
            if (GlobalFontSettings.FontResolver is not BdeseFonts)
            {
                GlobalFontSettings.FontResolver = new BdeseFonts();
            }
        }
    }

    /// <summary>Every family and style resolves to the one face; bold and italic are simulated.</summary>
    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) => new(Face, bold, italic);

    public byte[]? GetFont(string faceName) => Bytes.Value;
}
