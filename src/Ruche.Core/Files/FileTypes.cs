using System.IO.Compression;
using System.Text;
using Ruche.Core.Common;

namespace Ruche.Core.Files;

/// <summary>
/// Decides what an upload is from its bytes, never from its name or declared type (ADR 26). Accepted: raster images
/// (PNG, JPEG, GIF, WebP) and documents — PDF, RTF, office files (OOXML, OpenDocument, legacy OLE Word/Excel/PowerPoint),
/// text (UTF-8 or UTF-16: plain, CSV, Markdown, HTML, SVG, XML, JSON…), archives (ZIP, 7z, gzip, bzip2, xz, tar).
/// Refused: executables (PE, ELF, Mach-O, Java classes, WebAssembly), scripts with a shebang, office files holding
/// macros, names an operating system would run on a double click (.exe, .bat, .ps1, .js…: the name may refuse a file,
/// never accept one), and anything unrecognised. Documents are always served as attachments, so a page renamed
/// .jpg is stored as the text it is and never rendered by a browser on Ruche's origin.
/// </summary>
public static class FileTypes
{
    /// <summary>Bytes read from the start of a file to recognise it (tar's signature sits at 257).</summary>
    public const int HeaderLength = 4096;

    private static readonly string[] RunnableExtensions =
    [
        ".exe", ".com", ".scr", ".pif", ".msi", ".msp", ".dll", ".cpl", ".bat", ".cmd", ".ps1", ".psm1", ".vbs", ".vbe",
        ".js", ".jse", ".wsf", ".wsh", ".hta", ".jar", ".lnk", ".reg", ".sh", ".app", ".apk", ".appx", ".msix", ".deb",
        ".rpm", ".dmg", ".pkg", ".iso", ".scf", ".url", ".application", ".gadget", ".inf", ".desktop",
    ];

    /// <summary>The type of the content in <paramref name="file"/> (read from its start; left at any position).</summary>
    /// <exception cref="RucheException">"file.type-refused" for runnable content; "file.type-unknown" otherwise.</exception>
    public static DetectedType Detect(Stream file, string? fileName)
    {
        var extension = Path.GetExtension(fileName ?? string.Empty).ToLowerInvariant();
        if (RunnableExtensions.Contains(extension))
        {
            throw Refused();
        }

        var header = new byte[HeaderLength];
        file.Position = 0;
        var length = file.ReadAtLeast(header, header.Length, throwOnEndOfStream: false);
        var head = header.AsSpan(0, length);

        if (ImageFormat.Detect(head) is { } image)
        {
            return new DetectedType(image, FileKind.Image);
        }

        if (IsRunnable(head))
        {
            throw Refused();
        }

        if (Binary(head) is { } binary)
        {
            return binary;
        }

        if (head.StartsWith("PK\u0003\u0004"u8) || head.StartsWith("PK\u0005\u0006"u8))
        {
            return Zip(file);
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]))
        {
            return LegacyOffice(file);
        }

        return Text(file, head, extension) ?? throw RucheException.Invalid(
            "file.type-unknown", "This kind of file is not accepted: images, PDF, office documents, text and archives are.");
    }

    private static RucheException Refused() =>
        RucheException.Invalid("file.type-refused", "Programs, scripts and documents with macros are not accepted.");

    private static bool IsRunnable(ReadOnlySpan<byte> head) =>
        head.StartsWith("MZ"u8) // Windows PE
        || head.StartsWith("\u007FELF"u8)
        || head.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xED, 0xFA, 0xCE]) || head.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xED, 0xFA, 0xCF])
        || head.StartsWith((ReadOnlySpan<byte>)[0xCE, 0xFA, 0xED, 0xFE]) || head.StartsWith((ReadOnlySpan<byte>)[0xCF, 0xFA, 0xED, 0xFE])
        || head.StartsWith((ReadOnlySpan<byte>)[0xCA, 0xFE, 0xBA, 0xBE]) // Java class or Mach-O universal
        || head.StartsWith("\0asm"u8)
        || SkipBom(head).StartsWith("#!"u8);

    private static DetectedType? Binary(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith("%PDF-"u8))
        {
            return new DetectedType("application/pdf", FileKind.Document);
        }

        if (head.StartsWith("{\\rtf"u8))
        {
            return new DetectedType("application/rtf", FileKind.Document);
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0x37, 0x7A, 0xBC, 0xAF, 0x27, 0x1C]))
        {
            return new DetectedType("application/x-7z-compressed", FileKind.Document);
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0x1F, 0x8B]))
        {
            return new DetectedType("application/gzip", FileKind.Document);
        }

        if (head.StartsWith("BZh"u8) && head.Length > 3 && head[3] is >= (byte)'1' and <= (byte)'9')
        {
            return new DetectedType("application/x-bzip2", FileKind.Document);
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00]))
        {
            return new DetectedType("application/x-xz", FileKind.Document);
        }

        if (head.Length >= 262 && head[257..262].SequenceEqual("ustar"u8))
        {
            return new DetectedType("application/x-tar", FileKind.Document);
        }

        return null;
    }

    /// <summary>A ZIP, or an office file made of one: OOXML by its parts, OpenDocument by its "mimetype" entry.</summary>
    private static DetectedType Zip(Stream file)
    {
        const string zip = "application/zip";
        file.Position = 0;
        try
        {
            using var archive = new ZipArchive(file, ZipArchiveMode.Read, leaveOpen: true);
            var names = archive.Entries.Take(10_000).Select(e => e.FullName).ToHashSet(StringComparer.OrdinalIgnoreCase);
            if (names.Any(n => n.EndsWith("vbaProject.bin", StringComparison.OrdinalIgnoreCase)))
            {
                throw Refused();
            }

            if (names.Contains("[Content_Types].xml"))
            {
                if (names.Contains("word/document.xml"))
                {
                    return new DetectedType("application/vnd.openxmlformats-officedocument.wordprocessingml.document", FileKind.Document);
                }

                if (names.Contains("xl/workbook.xml"))
                {
                    return new DetectedType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", FileKind.Document);
                }

                if (names.Contains("ppt/presentation.xml"))
                {
                    return new DetectedType("application/vnd.openxmlformats-officedocument.presentationml.presentation", FileKind.Document);
                }
            }

            if (archive.GetEntry("mimetype") is { Length: > 0 and < 100 } mimetype)
            {
                using var reader = new StreamReader(mimetype.Open(), Encoding.ASCII);
                var declared = reader.ReadToEnd().Trim();
                if (declared.StartsWith("application/vnd.oasis.opendocument.", StringComparison.Ordinal) && declared.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '/' or '-'))
                {
                    return new DetectedType(declared, FileKind.Document);
                }

                if (declared == "application/epub+zip")
                {
                    return new DetectedType(declared, FileKind.Document);
                }
            }
        }
        catch (InvalidDataException)
        {
            // Not a readable archive: kept as the opaque ZIP its signature says, served as an attachment.
        }

        return new DetectedType(zip, FileKind.Document);
    }

    /// <summary>A legacy Word, Excel or PowerPoint file by the streams its OLE directory names; other OLE files (installers…) are refused.</summary>
    private static DetectedType LegacyOffice(Stream file)
    {
        file.Position = 0;
        var bytes = new byte[Math.Min(file.Length, 8 * 1024 * 1024)];
        var read = file.ReadAtLeast(bytes, bytes.Length, throwOnEndOfStream: false);
        bool Names(string stream) => bytes.AsSpan(0, read).IndexOf(Encoding.Unicode.GetBytes(stream)) >= 0;
        if (Names("_VBA_PROJECT") || Names("Macros"))
        {
            throw Refused();
        }

        if (Names("WordDocument"))
        {
            return new DetectedType("application/msword", FileKind.Document);
        }

        if (Names("Workbook") || Names("Book"))
        {
            return new DetectedType("application/vnd.ms-excel", FileKind.Document);
        }

        if (Names("PowerPoint Document"))
        {
            return new DetectedType("application/vnd.ms-powerpoint", FileKind.Document);
        }

        throw Refused();
    }

    /// <summary>
    /// Text when the whole file is UTF-8 (or UTF-16 with its mark) without control characters other than tab, line and
    /// page breaks. Markup says HTML, SVG or XML; only then may the name pick among plain text, CSV and Markdown.
    /// </summary>
    private static DetectedType? Text(Stream file, ReadOnlySpan<byte> head, string extension)
    {
        file.Position = 0;
        Encoding encoding;
        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            encoding = new UnicodeEncoding(bigEndian: false, byteOrderMark: true, throwOnInvalidBytes: true);
        }
        else if (head.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            encoding = new UnicodeEncoding(bigEndian: true, byteOrderMark: true, throwOnInvalidBytes: true);
        }
        else
        {
            encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
        }

        var start = new StringBuilder();
        try
        {
            using var reader = new StreamReader(file, encoding, detectEncodingFromByteOrderMarks: true, bufferSize: 81920, leaveOpen: true);
            var buffer = new char[81920];
            int read;
            while ((read = reader.Read(buffer, 0, buffer.Length)) > 0)
            {
                foreach (var c in buffer.AsSpan(0, read))
                {
                    if (char.IsControl(c) && c is not '\t' and not '\n' and not '\r' and not '\f')
                    {
                        return null;
                    }
                }

                if (start.Length < 2048)
                {
                    start.Append(buffer, 0, Math.Min(read, 2048));
                }
            }
        }
        catch (DecoderFallbackException)
        {
            return null;
        }

        if (start.Length == 0)
        {
            return null;
        }

        var lead = start.ToString().TrimStart('\uFEFF', ' ', '\t', '\r', '\n').ToLowerInvariant();
        string type;
        if (lead.StartsWith("<!doctype html", StringComparison.Ordinal) || lead.StartsWith("<html", StringComparison.Ordinal)
            || lead.Contains("<script", StringComparison.Ordinal) || lead.Contains("<body", StringComparison.Ordinal) || lead.Contains("<iframe", StringComparison.Ordinal))
        {
            type = "text/html";
        }
        else if (lead.Contains("<svg", StringComparison.Ordinal))
        {
            type = "image/svg+xml";
        }
        else if (lead.StartsWith("<?xml", StringComparison.Ordinal))
        {
            type = "application/xml";
        }
        else
        {
            type = extension switch
            {
                ".csv" => "text/csv",
                ".md" or ".markdown" => "text/markdown",
                _ => "text/plain",
            };
        }

        return new DetectedType(type, FileKind.Document);
    }

    private static ReadOnlySpan<byte> SkipBom(ReadOnlySpan<byte> head) =>
        head.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? head[3..] : head;
}
