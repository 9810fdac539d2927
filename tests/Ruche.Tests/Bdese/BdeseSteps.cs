using System.Net;
using System.Net.Http.Json;
using System.Text;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using PdfSharp.Pdf.Advanced;
using PdfSharp.Pdf.IO;
using Ruche.Core.Bdese;
using Ruche.Tests.Infrastructure;
using Ruche.Web.Bdese;

namespace Ruche.Tests.Bdese;

/// <summary>What the BDESE tests do, as people do it through the API.</summary>
public static class BdeseSteps
{
    public static object Table(int rows = 3, params string[] columns)
    {
        string[] names = columns.Length == 0 ? ["2024", "2025"] : columns;
        return new
        {
            labelHeader = "Indicateur",
            columns = names,
            rows = Enumerable.Range(1, rows).Select(i => new { label = $"Ligne {i}", values = names.Select((_, c) => c == 1 && i == 2 ? null : (decimal?)(i * 1000.5m) + c).ToArray() }).ToArray(),
        };
    }

    public static Task<HttpResponseMessage> SendTableAsync(this Actor writer, string theme, int year, string title, object? table = null, string? reason = null, string? until = null) =>
        writer.Http.PostAsJsonAsync("/api/v1/bdese/items", new { theme, year, title, confidentialReason = reason, confidentialUntil = until, table = table ?? Table() }, Actor.Json);

    public static async Task<long> CreateTableAsync(this Actor writer, string theme, int year, string title, object? table = null, string? reason = null, string? until = null) =>
        (await Actor.ReadAsync<BdeseSaved>(await writer.SendTableAsync(theme, year, title, table, reason, until), HttpStatusCode.Created)).Id;

    public static Task<HttpResponseMessage> SendDocumentAsync(this Actor writer, byte[] pdf, string theme, int year, string title, string? reason = null, string? until = null)
    {
        var form = new MultipartFormDataContent
        {
            { new StringContent(theme), "theme" },
            { new StringContent(year.ToString(System.Globalization.CultureInfo.InvariantCulture)), "year" },
            { new StringContent(title), "title" },
        };
        if (reason is not null)
        {
            form.Add(new StringContent(reason), "confidentialReason");
            form.Add(new StringContent(until!), "confidentialUntil");
        }

        var file = new ByteArrayContent(pdf);
        file.Headers.ContentType = new("application/pdf");
        form.Add(file, "file", "rapport.pdf");
        return writer.Http.PostAsync("/api/v1/bdese/documents", form);
    }

    public static async Task<BdeseItemView> ReadItemAsync(this Actor reader, long id, int? version = null) =>
        await Actor.ReadAsync<BdeseItemView>(
            await reader.Http.GetAsync($"/api/v1/bdese/items/{id}{(version is { } v ? $"?version={v}" : string.Empty)}"), HttpStatusCode.OK);

    public static async Task<IReadOnlyList<BdeseLogLine>> LogAsync(this Actor reader, long? item = null) =>
        (await Actor.ReadAsync<Ruche.Core.Common.Page<BdeseLogLine>>(
            await reader.Http.GetAsync($"/api/v1/bdese/log{(item is { } i ? $"?item={i}" : string.Empty)}"), HttpStatusCode.OK)).Items;

    /// <summary>A PDF of <paramref name="pages"/> pages, each saying which it is (as an uploaded report would).</summary>
    public static byte[] SamplePdf(int pages)
    {
        using var pdf = new PdfDocument();
        for (var i = 1; i <= pages; i++)
        {
            var page = pdf.AddPage();
            using var graphics = XGraphics.FromPdfPage(page);
            graphics.DrawRectangle(XBrushes.LightGray, 40, 40, 200, 100);
        }

        using var output = new MemoryStream();
        pdf.Save(output, false);
        return output.ToArray();
    }

    /// <summary>The text drawn on each page of a PDF, read back with PDFsharp (content streams, decoded).</summary>
    public static IReadOnlyList<string> PageTexts(byte[] pdf)
    {
        using var input = new MemoryStream(pdf);
        using var document = PdfReader.Open(input, PdfDocumentOpenMode.Import);
        var texts = new List<string>();
        foreach (var page in document.Pages)
        {
            var text = new StringBuilder();
            foreach (var item in page.Contents.Elements)
            {
                var dictionary = item is PdfReference reference ? reference.Value as PdfDictionary : item as PdfDictionary;
                if (dictionary?.Stream is { } stream)
                {
                    text.Append(Encoding.Latin1.GetString(stream.UnfilteredValue));
                }
            }

            texts.Add(text.ToString());
        }

        return texts;
    }
}
