using System.Globalization;
using System.Security.Claims;
using CsvHelper;
using Microsoft.Extensions.Localization;
using Ruche.Core.Surveys;
using Ruche.Web.Auth;
using Ruche.Web.Localization;

namespace Ruche.Web.Surveys;

/// <summary>
/// The results as CSV, written from the same <see cref="SurveyResults"/> the results page shows — only the cells the
/// suppression rule let through, hidden ones written as hidden — so an export never holds more than the screen.
/// Cells a spreadsheet would run as a formula (= + - @, tab, carriage return) are prefixed with an apostrophe.
/// </summary>
public static class SurveyResultsCsv
{
    public static IEndpointRouteBuilder MapSurveyResultsCsv(this IEndpointRouteBuilder app)
    {
        app.MapGet("/surveys/{id:long}/results.csv", async (long id, ClaimsPrincipal user, SurveyResultsReader reader, IStringLocalizer<Ui> texts, CancellationToken ct) =>
        {
            var results = await reader.ResultsAsync(user.RequireViewer(), id, ct);
            return Results.File(Write(results, texts), "text/csv; charset=utf-8", $"survey-{id}-results.csv");
        }).WithName("DownloadSurveyResults").RequireAuthorization(Hosting.RucheServices.FilesPolicy).ExcludeFromDescription();
        return app;
    }

    public static byte[] Write(SurveyResults results, IStringLocalizer<Ui> texts)
    {
        ArgumentNullException.ThrowIfNull(results);
        ArgumentNullException.ThrowIfNull(texts);
        var options = new CsvWriterOptions
        {
            Injection = CsvInjection.Escape,
            InjectionEscape = '\'',
            FormatProvider = CultureInfo.InvariantCulture,
            WriteByteOrderMark = true,
        };
        using var bytes = new MemoryStream();
        using (var csv = CsvWriter.Create(bytes, options, leaveOpen: true))
        {
            Rows(csv, results, texts);
            csv.Flush();
        }

        return bytes.ToArray();
    }

    private static void Rows(CsvWriter csv, SurveyResults results, IStringLocalizer<Ui> texts)
    {
        var hidden = texts["surveys.hidden-short"].Value;
        string Group(long band, string? label) => label ?? texts[band == 0 ? "surveys.group.none" : "surveys.group.unknown"].Value;
        void Row(string round, string group, string question, string measure, string value) =>
            csv.WriteRecord([round, group, question, measure, value]);

        Row("round", "group", "question", "measure", "value");
        var company = texts["surveys.company"].Value;
        foreach (var round in results.Rounds.Where(r => r.State == RoundState.Published))
        {
            var number = round.Number.ToString(CultureInfo.InvariantCulture);
            Row(number, company, string.Empty, "respondents", round.Respondents?.ToString(CultureInfo.InvariantCulture) ?? hidden);
            foreach (var group in round.Groups)
            {
                Row(number, Group(group.Band, group.Label), string.Empty, "respondents", group.Respondents.ToString(CultureInfo.InvariantCulture));
            }
        }

        foreach (var question in results.Questions)
        {
            foreach (var round in question.Rounds)
            {
                var number = round.Number.ToString(CultureInfo.InvariantCulture);
                if (question.Kind == SurveyQuestionKind.Text)
                {
                    foreach (var comment in round.Comments ?? [])
                    {
                        Row(number, company, question.Text, "comment", comment.Text);
                        foreach (var reply in comment.Replies)
                        {
                            Row(number, reply.Author ?? texts["surveys.reply.from-commenter"].Value, question.Text, "reply", reply.Text);
                        }
                    }

                    if (round.Comments is null)
                    {
                        Row(number, company, question.Text, "comment", hidden);
                    }

                    continue;
                }

                if (round.Company is null)
                {
                    Row(number, company, question.Text, "respondents", hidden);
                    continue;
                }

                foreach (var (label, score) in new[] { (company, round.Company) }.Concat(round.Groups.Select(g => (Group(g.Band, g.Label), g.Score))))
                {
                    Scores(question, number, label, score, texts, Row);
                }
            }
        }
    }

    private static void Scores(QuestionResult question, string round, string group, Score score, IStringLocalizer<Ui> texts, Action<string, string, string, string, string> row)
    {
        row(round, group, question.Text, "respondents", score.Respondents.ToString(CultureInfo.InvariantCulture));
        if (score.Mean is { } mean)
        {
            row(round, group, question.Text, "mean", mean.ToString("0.00", CultureInfo.InvariantCulture));
        }

        if (score.Enps is { } enps)
        {
            row(round, group, question.Text, "enps", enps.ToString(CultureInfo.InvariantCulture));
        }

        for (var i = 0; i < score.Distribution.Count; i++)
        {
            var label = question.Kind switch
            {
                SurveyQuestionKind.Likert => texts["surveys.likert." + (i + 1)].Value,
                SurveyQuestionKind.Enps => i.ToString(CultureInfo.InvariantCulture),
                _ => question.Options[i],
            };
            row(round, group, question.Text, label, score.Distribution[i].ToString(CultureInfo.InvariantCulture));
        }
    }
}
