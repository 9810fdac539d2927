using System.Globalization;
using Microsoft.Extensions.Localization;
using Ruche.Web.Localization;

namespace Ruche.Web.Posts;

/// <summary>How a document shows in a list: an icon and a word for its kind (from its detected type), and its size.</summary>
public static class FileKinds
{
    /// <summary>The kind of a content type: pdf, image, text, sheet, slides, archive or document.</summary>
    public static string Of(string contentType) => contentType switch
    {
        "application/pdf" => "pdf",
        _ when contentType.StartsWith("image/", StringComparison.Ordinal) => "image",
        _ when contentType.StartsWith("text/", StringComparison.Ordinal) => "text",
        _ when contentType.Contains("spreadsheet", StringComparison.Ordinal) || contentType.Contains("excel", StringComparison.Ordinal) || contentType == "text/csv" => "sheet",
        _ when contentType.Contains("presentation", StringComparison.Ordinal) || contentType.Contains("powerpoint", StringComparison.Ordinal) => "slides",
        "application/zip" or "application/x-7z-compressed" or "application/gzip" or "application/x-tar" or "application/vnd.rar" => "archive",
        _ => "document",
    };

    /// <summary>The sprite icon of a kind.</summary>
    public static string Icon(string contentType) => Of(contentType) switch
    {
        "pdf" => "file-type-pdf",
        "image" => "photo",
        "text" => "file-text",
        "sheet" => "file-spreadsheet",
        "slides" => "presentation",
        "archive" => "file-zip",
        _ => "file",
    };

    /// <summary>A size as people read it: "820 o", "14 Ko", "2,4 Mo" (in the reader's language).</summary>
    public static string Size(IStringLocalizer<Ui> texts, long bytes) => bytes switch
    {
        < 1024 => texts["documents.size.b", bytes],
        < 1024 * 1024 => texts["documents.size.kb", Math.Round(bytes / 1024.0).ToString("0", CultureInfo.CurrentCulture)],
        _ => texts["documents.size.mb", (bytes / (1024.0 * 1024.0)).ToString("0.0", CultureInfo.CurrentCulture)],
    };
}
