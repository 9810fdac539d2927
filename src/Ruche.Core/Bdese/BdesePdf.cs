using System.Globalization;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using PdfSharp.Pdf.IO;
using Ruche.Core.Common;

namespace Ruche.Core.Bdese;

/// <summary>
/// The BDESE's PDFs, with PDFsharp 6.2 (MIT): a table drawn as a document, and the watermark of a confidential item —
/// the reader's name and the day, across and at the foot of every page — on a drawn table or on an uploaded PDF.
/// </summary>
public static class BdesePdf
{
    private static readonly XPdfFontOptions Options = new(PdfFontEncoding.Automatic);

    /// <summary>The watermark line, the same in the page and in the PDF.</summary>
    public static string WatermarkText(BdeseWatermark watermark)
    {
        ArgumentNullException.ThrowIfNull(watermark);
        return $"Confidentiel - {watermark.ReaderName} - {watermark.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";
    }

    /// <summary>Accepts an uploaded PDF only if PDFsharp can open and stamp it (not empty, not encrypted, not too large).</summary>
    public static byte[] CheckUpload(byte[]? document)
    {
        if (document is null || document.Length == 0)
        {
            throw RucheException.Invalid("bdese.document-required", "A document item needs a PDF.");
        }

        if (document.Length > BdeseInput.DocumentMaxBytes)
        {
            throw RucheException.Invalid("bdese.document-too-large", $"A PDF has at most {BdeseInput.DocumentMaxBytes / 1024 / 1024} MB.");
        }

        if (!document.AsSpan().StartsWith("%PDF-"u8) || !Opens(document))
        {
            throw RucheException.Invalid("bdese.document-not-pdf", "The file is not a PDF this server can open (an encrypted PDF is refused).");
        }

        return document;
    }

    /// <summary>The uploaded PDF with the watermark on every page.</summary>
    public static byte[] Stamp(byte[] document, BdeseWatermark watermark)
    {
        BdeseFonts.EnsureInstalled();
        using var input = new MemoryStream(document, writable: false);
        using var pdf = PdfReader.Open(input, PdfDocumentOpenMode.Modify);
        foreach (var page in pdf.Pages)
        {
            using var graphics = XGraphics.FromPdfPage(page, XGraphicsPdfPageOptions.Append);
            DrawWatermark(graphics, page, watermark);
        }

        return Save(pdf);
    }

    /// <summary>A table as a PDF: its title and year, then its rows, on as many A4 pages as needed.</summary>
    public static byte[] OfTable(string title, int year, BdeseTable table, BdeseWatermark? watermark)
    {
        ArgumentNullException.ThrowIfNull(table);
        BdeseFonts.EnsureInstalled();
        using var pdf = new PdfDocument();
        pdf.Info.Title = title;
        var heading = new XFont(BdeseFonts.Family, 14, XFontStyleEx.Bold, Options);
        var body = new XFont(BdeseFonts.Family, 8, XFontStyleEx.Regular, Options);
        var bold = new XFont(BdeseFonts.Family, 8, XFontStyleEx.Bold, Options);
        const double margin = 40, rowHeight = 16;
        PdfPage? page = null;
        XGraphics? graphics = null;
        var y = 0.0;
        double labelWidth = 0, cellWidth = 0;

        void NewPage()
        {
            if (graphics is not null && page is not null)
            {
                Finish(graphics, page, watermark);
            }

            page = pdf.AddPage();
            graphics = XGraphics.FromPdfPage(page);
            var width = page.Width.Point - (2 * margin);
            labelWidth = width * 0.4;
            cellWidth = (width - labelWidth) / table.Columns.Count;
            y = margin;
            graphics.DrawString($"{title} ({year.ToString(CultureInfo.InvariantCulture)})", heading, XBrushes.Black, new XRect(margin, y, width, 20), XStringFormats.TopLeft);
            y += 30;
            Row(graphics, bold, table.LabelHeader, table.Columns);
        }

        void Row(XGraphics g, XFont font, string label, IEnumerable<string> cells)
        {
            g.DrawString(Fit(label, 48), font, XBrushes.Black, new XRect(margin, y, labelWidth, rowHeight), XStringFormats.CenterLeft);
            var x = margin + labelWidth;
            foreach (var cell in cells)
            {
                g.DrawString(Fit(cell, 18), font, XBrushes.Black, new XRect(x, y, cellWidth - 4, rowHeight), XStringFormats.CenterRight);
                x += cellWidth;
            }

            g.DrawLine(XPens.LightGray, margin, y + rowHeight, margin + labelWidth + (cellWidth * table.Columns.Count), y + rowHeight);
            y += rowHeight;
        }

        NewPage();
        foreach (var row in table.Rows)
        {
            if (y + rowHeight > page!.Height.Point - margin - 20)
            {
                NewPage();
            }

            Row(graphics!, body, row.Label, row.Values.Select(Format));
        }

        Finish(graphics!, page!, watermark);
        return Save(pdf);
    }

    /// <summary>A number as the French read it, with plain spaces (PDF text in WinAnsi has no narrow space).</summary>
    public static string Format(decimal? value) =>
        value?.ToString("#,0.##", CultureInfo.GetCultureInfo("fr-FR")).Replace('\u202F', ' ').Replace('\u00A0', ' ') ?? string.Empty;

    private static void Finish(XGraphics graphics, PdfPage page, BdeseWatermark? watermark)
    {
        if (watermark is not null)
        {
            DrawWatermark(graphics, page, watermark);
        }

        graphics.Dispose();
    }

    private static void DrawWatermark(XGraphics graphics, PdfPage page, BdeseWatermark watermark)
    {
        var text = WatermarkText(watermark);
        var width = page.Width.Point;
        var height = page.Height.Point;
        var foot = new XFont(BdeseFonts.Family, 9, XFontStyleEx.Bold, Options);
        graphics.DrawString(text, foot, XBrushes.DarkRed, new XRect(20, height - 30, width - 40, 20), XStringFormats.Center);
        var large = new XFont(BdeseFonts.Family, 28, XFontStyleEx.Bold, Options);
        var state = graphics.Save();
        graphics.TranslateTransform(width / 2, height / 2);
        graphics.RotateTransform(-35);
        graphics.DrawString(text, large, new XSolidBrush(XColor.FromArgb(60, 180, 0, 0)), new XRect(-width, -20, width * 2, 40), XStringFormats.Center);
        graphics.Restore(state);
    }

    /// <summary>
    /// Whether an upload is a PDF this library can stamp. PDFsharp's reader answers a malformed or hostile file with
    /// whatever its parser hits (its own reader exception, but also NotImplementedException for PDF features it does
    /// not support, NullReferenceException or IndexOutOfRangeException on broken cross-reference tables): each means
    /// "refuse this upload" (<c>bdese.document-not-pdf</c>), never a failure of Ruche. Other exceptions still surface.
    /// </summary>
    private static bool Opens(byte[] document)
    {
        try
        {
            using var input = new MemoryStream(document, writable: false);
            using var pdf = PdfReader.Open(input, PdfDocumentOpenMode.Modify);
            return pdf.PageCount > 0;
        }
        catch (Exception refused) when (refused is PdfReaderException or InvalidOperationException or NotImplementedException or ArgumentException or FormatException or IOException or NullReferenceException or IndexOutOfRangeException)
        {
            return false;
        }
    }

    private static string Fit(string text, int max) => text.Length <= max ? text : string.Concat(text.AsSpan(0, max - 1), "…");

    private static byte[] Save(PdfDocument pdf)
    {
        using var output = new MemoryStream();
        pdf.Save(output, closeStream: false);
        return output.ToArray();
    }
}
