namespace Ruche.Core.Files;

/// <summary>
/// Recognises the image formats Ruche accepts from their signature bytes, never from the name or the
/// declared content type, so a script renamed .png is refused.
/// </summary>
public static class ImageFormat
{
    private static readonly (string ContentType, byte[] Signature)[] Signatures =
    [
        ("image/png", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]),
        ("image/jpeg", [0xFF, 0xD8, 0xFF]),
        ("image/gif", "GIF87a"u8.ToArray()),
        ("image/gif", "GIF89a"u8.ToArray()),
    ];

    /// <summary>The content type of the image whose first bytes are given, or null when it is not one.</summary>
    public static string? Detect(ReadOnlySpan<byte> header)
    {
        foreach (var (contentType, signature) in Signatures)
        {
            if (header.StartsWith(signature))
            {
                return contentType;
            }
        }

        // WebP: "RIFF" size "WEBP".
        if (header.Length >= 12 && header[..4].SequenceEqual("RIFF"u8) && header[8..12].SequenceEqual("WEBP"u8))
        {
            return "image/webp";
        }

        return null;
    }
}
