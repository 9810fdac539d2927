using System.Text;
using Ruche.Core.Files;

namespace Ruche.Tests.Content;

/// <summary>Uploaded files are judged by their bytes, and their names never reach a path.</summary>
public sealed class UploadedFileTests
{
    public static readonly TheoryData<byte[], string> Images = new()
    {
        { Bytes([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]), "image/png" },
        { Bytes([0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10, 0x4A, 0x46, 0x49, 0x46]), "image/jpeg" },
        { Bytes("GIF89a"u8.ToArray(), [1, 0, 1, 0]), "image/gif" },
        { Bytes("GIF87a"u8.ToArray(), [1, 0, 1, 0]), "image/gif" },
        { Bytes("RIFF"u8.ToArray(), [0x24, 0, 0, 0], "WEBPVP8 "u8.ToArray()), "image/webp" },
    };

    public static readonly TheoryData<byte[]> NotImages = new()
    {
        Encoding.UTF8.GetBytes("<?php system($_GET['c']); ?>"),
        Encoding.UTF8.GetBytes("<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>"),
        Encoding.UTF8.GetBytes("Bonjour, ceci est du texte."),
        Bytes("RIFF"u8.ToArray(), [0x24, 0, 0, 0], "WAVEfmt "u8.ToArray()),
        Bytes("RIFF"u8.ToArray(), [0x24, 0]),
        Bytes([0x89, 0x50, 0x4E, 0x47]),
        Bytes("%PDF-1.7"u8.ToArray()),
        Bytes([]),
    };

    [Theory]
    [MemberData(nameof(Images))]
    public void Images_are_recognised_by_their_signature(byte[] header, string contentType) =>
        Assert.Equal(contentType, ImageFormat.Detect(header));

    [Theory]
    [MemberData(nameof(NotImages))]
    public void Anything_else_is_not_an_image(byte[] header) =>
        Assert.Null(ImageFormat.Detect(header));

    [Theory]
    [InlineData("../../etc/passwd", "passwd")]
    [InlineData("..\\..\\windows\\win.ini", "win.ini")]
    [InlineData("C:\\x\\y.png", "y.png")]
    [InlineData("/var/www/photo.png", "photo.png")]
    [InlineData("photo\u0000.php\n.png", "photo.php.png")]
    [InlineData("a\u001b[31mrouge\u0007.png", "a[31mrouge.png")]
    [InlineData("\"quoted\".png", "quoted.png")]
    [InlineData("C:photo.png", "Cphoto.png")]
    [InlineData(".htaccess", "htaccess")]
    [InlineData("vacances été.jpg", "vacances été.jpg")]
    [InlineData("facture\u202Efdp.exe", "facturefdp.exe")]
    [InlineData("\u202Dphoto\u202C\u202A\u202B.png", "photo.png")]
    [InlineData("rapport\u200B\u200C\u200D\u200E\u200F.pdf", "rapport.pdf")]
    [InlineData("\u2066plan\u2069\u2067\u2068.pdf", "plan.pdf")]
    [InlineData("a\u00ADb\uFEFF\u2060.txt", "ab.txt")]
    [InlineData("ligne\u2028deux\u2029\u0085.txt", "lignedeux.txt")]
    [InlineData("x.ex\u200Be", "x.exe")]
    [InlineData("réunion 📎 ordre du jour.pdf", "réunion 📎 ordre du jour.pdf")]
    public void File_names_keep_only_a_safe_display_name(string uploaded, string kept) =>
        Assert.Equal(kept, FileService.SafeFileName(uploaded));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("../")]
    [InlineData("...")]
    [InlineData("\u0000\u0001")]
    public void A_name_with_nothing_left_becomes_image(string? uploaded) =>
        Assert.Equal("image", FileService.SafeFileName(uploaded));

    [Fact]
    public void File_names_are_bounded_in_length()
    {
        var kept = FileService.SafeFileName(new string('a', 300) + ".png");

        Assert.Equal(100, kept.Length);
        Assert.DoesNotContain('/', kept);
        Assert.EndsWith(".png", kept, StringComparison.Ordinal);

        // A cut never leaves half of a character outside the basic plane.
        var emoji = FileService.SafeFileName(new string('a', 95) + "📎📎📎.pdf");
        Assert.Equal(new string('a', 95) + ".pdf", emoji);
    }

    [Fact]
    public void No_invisible_or_reordering_character_survives_in_a_kept_name()
    {
        var hidden = Enumerable.Range(0, 0x10000).Select(c => (char)c)
            .Where(c => !char.IsSurrogate(c) && char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.Format or System.Globalization.UnicodeCategory.Control)
            .ToList();
        Assert.Contains('\u202E', hidden);
        foreach (var c in hidden)
        {
            Assert.Equal("ab.pdf", FileService.SafeFileName($"a{c}b.pdf"));
        }
    }

    private static byte[] Bytes(params ReadOnlySpan<byte[]> parts) => [.. parts.ToArray().SelectMany(p => p)];
}
