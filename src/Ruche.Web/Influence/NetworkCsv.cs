using System.Globalization;
using System.Security.Claims;
using CsvHelper;
using Microsoft.Extensions.Localization;
using Ruche.Core.Common;
using Ruche.Core.Influence;
using Ruche.Web.Auth;
using Ruche.Web.Localization;

namespace Ruche.Web.Influence;

/// <summary>
/// Each table of the HR dashboard as CSV, written from the same <see cref="NetworkHealth"/> the page shows (groups of
/// 5 or more, recognised people only), so an export never holds more than the screen. Formula-like cells escaped.
/// </summary>
public static class NetworkCsv
{
    private static readonly string[] Tables = ["departments", "sites", "working-from", "department-links", "site-links", "voices", "recognised"];

    public static IEndpointRouteBuilder MapNetworkCsv(this IEndpointRouteBuilder app)
    {
        app.MapGet("/hr/network/{table}.csv", async (string table, ClaimsPrincipal user, InfluenceReader reader, IStringLocalizer<Ui> texts, CancellationToken ct) =>
        {
            var network = await reader.NetworkAsync(user.RequireViewer(), ct);
            if (!Tables.Contains(table))
            {
                throw RucheException.NotFound("influence.table-unknown", "No such table.");
            }

            return Results.File(Write(network, table, texts), "text/csv; charset=utf-8", $"network-{table}.csv");
        }).WithName("DownloadNetworkTable").RequireAuthorization(Hosting.RucheServices.FilesPolicy).ExcludeFromDescription();
        return app;
    }

    public static byte[] Write(NetworkHealth network, string table, IStringLocalizer<Ui> texts)
    {
        ArgumentNullException.ThrowIfNull(network);
        var options = new CsvWriterOptions { Injection = CsvInjection.Escape, InjectionEscape = '\'', FormatProvider = CultureInfo.InvariantCulture, WriteByteOrderMark = true };
        using var bytes = new MemoryStream();
        using (var csv = CsvWriter.Create(bytes, options, leaveOpen: true))
        {
            string N(double value) => value.ToString("0.####", CultureInfo.InvariantCulture);
            string I(int value) => value.ToString(CultureInfo.InvariantCulture);
            var small = network.People < SmallGroups.Minimum;
            switch (table)
            {
                case "departments" or "sites" or "working-from":
                    csv.WriteRecord(["group", "people", "participation_rate", "reached_from_outside_rate", "across_share", "isolated"]);
                    var groups = small ? [] : table switch { "departments" => network.Departments, "sites" => network.Sites, _ => network.WorkingFrom };
                    foreach (var g in groups)
                    {
                        csv.WriteRecord([GroupLabels.Of(texts, g.Key, g.Name), I(g.People), N(g.ParticipationRate), N(g.ReachedFromOutsideRate), N(g.AcrossShare), g.Isolated ? "yes" : "no"]);
                    }

                    break;
                case "department-links" or "site-links":
                    csv.WriteRecord(["from", "to", "weight", "pairs"]);
                    foreach (var l in small ? [] : table == "site-links" ? network.SiteLinks : network.DepartmentLinks)
                    {
                        csv.WriteRecord([GroupLabels.Of(texts, l.From, l.FromName), GroupLabels.Of(texts, l.To, l.ToName), N(l.Weight), I(l.Pairs)]);
                    }

                    break;
                case "voices":
                    csv.WriteRecord(["topic", "rank", "person", "handle", "givers"]);
                    foreach (var topic in network.Topics)
                    {
                        foreach (var v in topic.Voices)
                        {
                            csv.WriteRecord([topic.Label, I(v.Rank), v.DisplayName, v.Handle, I(v.Givers)]);
                        }
                    }

                    break;
                default:
                    csv.WriteRecord(["person", "handle", "score", "rank", "reach"]);
                    foreach (var p in network.Recognised)
                    {
                        csv.WriteRecord([p.DisplayName, p.Handle, p.Score is { } s ? N(s * p.People) : "", p.Rank is { } r ? I(r) : "", p.Reach is { } reach ? I(reach) : ""]);
                    }

                    break;
            }

            csv.Flush();
        }

        return bytes.ToArray();
    }
}
