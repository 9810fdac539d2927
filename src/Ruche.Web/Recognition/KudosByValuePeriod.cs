using System.Globalization;
using System.Security.Claims;
using CsvHelper;
using Ruche.Core.Recognition;
using Ruche.Web.Auth;

namespace Ruche.Web.Recognition;

/// <summary>The HR dashboard's "thanks per value": the last 90 days, on the page and in its CSV alike.</summary>
public static class KudosByValuePeriod
{
    public const int Days = 90;

    public static (DateOnly From, DateOnly To) Ending(TimeProvider time)
    {
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        return (today.AddDays(-(Days - 1)), today);
    }

    /// <summary>The table as CSV, exactly what the page shows (suppressed values without a figure).</summary>
    public static IEndpointRouteBuilder MapKudosByValueCsv(this IEndpointRouteBuilder app)
    {
        app.MapGet("/hr/kudos-by-value.csv", async (ClaimsPrincipal user, KudosStatistics statistics, TimeProvider time, CancellationToken ct) =>
        {
            var (from, to) = Ending(time);
            var view = await statistics.ByValueAsync(user.RequireViewer(), from, to, ct);
            var options = new CsvWriterOptions { Injection = CsvInjection.Escape, InjectionEscape = '\'', FormatProvider = CultureInfo.InvariantCulture, WriteByteOrderMark = true };
            using var bytes = new MemoryStream();
            using (var csv = CsvWriter.Create(bytes, options, leaveOpen: true))
            {
                csv.WriteRecord(["value_fr", "value_en", "thanks", "suppressed"]);
                foreach (var value in view.Values)
                {
                    csv.WriteRecord([value.LabelFr, value.LabelEn, value.Count?.ToString(CultureInfo.InvariantCulture) ?? string.Empty, value.Suppressed ? "yes" : "no"]);
                }
            }

            return Results.File(bytes.ToArray(), "text/csv; charset=utf-8", string.Create(CultureInfo.InvariantCulture, $"kudos-by-value-{from:yyyy-MM-dd}-{to:yyyy-MM-dd}.csv"));
        }).WithName("DownloadKudosByValue").RequireAuthorization(Hosting.RucheServices.FilesPolicy).ExcludeFromDescription();
        return app;
    }
}
