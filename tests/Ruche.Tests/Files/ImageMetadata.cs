using System.Buffers.Binary;
using System.Text;

namespace Ruche.Tests.Files;

/// <summary>
/// Reads the metadata blocks an image file carries, by its container's own structure: JPEG APPn/COM segments, PNG
/// chunks, WebP RIFF chunks. What a location could hide in: EXIF, XMP, IPTC, comments, text chunks.
/// </summary>
public static class ImageMetadata
{
    public static IReadOnlyList<string> Blocks(byte[] image)
    {
        if (image.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8]))
        {
            return Jpeg(image);
        }

        if (image.AsSpan().StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47]))
        {
            return Png(image);
        }

        if (image.AsSpan().StartsWith("RIFF"u8) && image.AsSpan(8, 4).SequenceEqual("WEBP"u8))
        {
            return Webp(image);
        }

        throw new InvalidOperationException("Not a JPEG, PNG or WebP image.");
    }

    /// <summary>The JPEG segments that may hold metadata: APP1 (EXIF, XMP), APP13 (IPTC), APP2+ other than ICC, COM.</summary>
    private static List<string> Jpeg(byte[] jpeg)
    {
        var found = new List<string>();
        var at = 2;
        while (at + 4 <= jpeg.Length && jpeg[at] == 0xFF)
        {
            var marker = jpeg[at + 1];
            if (marker == 0xDA)
            {
                break; // start of scan: pixels follow
            }

            var length = BinaryPrimitives.ReadUInt16BigEndian(jpeg.AsSpan(at + 2));
            var payload = jpeg.AsSpan(at + 4, Math.Max(0, length - 2));
            if (marker == 0xE1)
            {
                found.Add(payload.StartsWith("Exif"u8) ? "EXIF" : payload.StartsWith("http://ns.adobe.com/xap"u8) ? "XMP" : "APP1");
            }
            else if (marker == 0xED)
            {
                found.Add("IPTC");
            }
            else if (marker == 0xFE)
            {
                found.Add("COM");
            }
            else if (marker is > 0xE1 and <= 0xEF && !payload.StartsWith("ICC_PROFILE"u8))
            {
                found.Add($"APP{marker - 0xE0}");
            }

            at += 2 + length;
        }

        return found;
    }

    private static List<string> Png(byte[] png)
    {
        string[] metadata = ["eXIf", "iTXt", "tEXt", "zTXt", "tIME"];
        var found = new List<string>();
        var at = 8;
        while (at + 8 <= png.Length)
        {
            var length = (int)BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(at));
            var type = Encoding.ASCII.GetString(png, at + 4, 4);
            if (metadata.Contains(type))
            {
                found.Add(type);
            }

            at += 12 + length;
        }

        return found;
    }

    private static List<string> Webp(byte[] webp)
    {
        var found = new List<string>();
        var at = 12;
        while (at + 8 <= webp.Length)
        {
            var type = Encoding.ASCII.GetString(webp, at, 4);
            var length = (int)BinaryPrimitives.ReadUInt32LittleEndian(webp.AsSpan(at + 4));
            if (type is "EXIF" or "XMP ")
            {
                found.Add(type.Trim());
            }

            at += 8 + length + (length & 1);
        }

        return found;
    }
}
