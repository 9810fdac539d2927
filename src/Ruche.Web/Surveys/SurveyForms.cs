using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Ruche.Core.Common;
using Ruche.Core.Surveys;
using Ruche.Web.Auth;
using Ruche.Web.Hosting;

namespace Ruche.Web.Surveys;

/// <summary>The HTML forms of surveys; they call the same services as the API.</summary>
public static class SurveyForms
{
    public static IEndpointRouteBuilder MapSurveyForms(this IEndpointRouteBuilder app)
    {
        var ui = app.MapGroup("/ui/surveys").ExcludeFromDescription();
        ui.MapPost("/", CreateAsync);
        ui.MapPost("/{id:long}/thresholds", (long id, [FromForm] ThresholdsForm form, ClaimsPrincipal user, SurveyService surveys, HttpContext http) =>
            FormResults.RunAsync(http, $"/surveys/{id}", async () =>
            {
                await surveys.SetThresholdsAsync(user.RequireViewer(), id, Number(form.ScoreThreshold), Number(form.CommentThreshold), http.RequestAborted);
                return $"/surveys/{id}?saved=thresholds";
            }));
        ui.MapPost("/{id:long}/open", (long id, ClaimsPrincipal user, SurveyService surveys, HttpContext http) =>
            FormResults.RunAsync(http, $"/surveys/{id}", async () =>
            {
                await surveys.OpenAsync(user.RequireViewer(), id, http.RequestAborted);
                return $"/surveys/{id}?saved=opened";
            }));
        ui.MapPost("/{id:long}/rounds/{roundId:long}/close", (long id, long roundId, ClaimsPrincipal user, SurveyService surveys, HttpContext http) =>
            FormResults.RunAsync(http, $"/surveys/{id}/results", async () =>
            {
                await surveys.CloseRoundAsync(user.RequireViewer(), id, roundId, http.RequestAborted);
                return $"/surveys/{id}/results?saved=closed";
            }));
        ui.MapPost("/{id:long}/answers", AnswerAsync);
        ui.MapPost("/{id:long}/comments/{commentId:guid}/replies", (long id, Guid commentId, [FromForm] ReplyForm form, ClaimsPrincipal user, SurveyReplies replies, HttpContext http) =>
            FormResults.RunAsync(http, form.ReturnUrl ?? $"/surveys/{id}/results", async () =>
            {
                await replies.ReplyAsManagerAsync(user.RequireViewer(), id, commentId, form.Text, http.RequestAborted);
                return null;
            }));

        // The comment's writer: the code is posted, and the threads answered as a page, so it never sits in an address.
        ui.MapPost("/{id:long}/my-comments", (long id, [FromForm] ReplyForm form, SurveyReplies replies, HttpContext http) =>
            FormResults.RenderAsync<SurveyThreadsPage>($"/surveys/{id}", async () =>
                new { Id = id, Code = form.Code ?? string.Empty, Threads = await replies.MineAsync(id, form.Code, http.RequestAborted) }));
        ui.MapPost("/{id:long}/my-comments/{commentId:guid}/replies", (long id, Guid commentId, [FromForm] ReplyForm form, SurveyReplies replies, HttpContext http) =>
            FormResults.RenderAsync<SurveyThreadsPage>($"/surveys/{id}", async () =>
            {
                await replies.ReplyAsCommenterAsync(id, form.Code, commentId, form.Text, http.RequestAborted);
                return new { Id = id, Code = form.Code ?? string.Empty, Threads = await replies.MineAsync(id, form.Code, http.RequestAborted) };
            }));
        return app;
    }

    private static Task<IResult> CreateAsync([FromForm] SurveyForm form, ClaimsPrincipal user, SurveyService surveys, HttpContext http) =>
        FormResults.RunOrRefillAsync<SurveyFormPage>(new { Typed = form with { DepartmentIds = Ids(http, "departmentIds"), SiteIds = Ids(http, "siteIds") } }, async () =>
        {
            var draft = new SurveyDraft(
                form.Title,
                form.Intro,
                QuestionLines.Parse(form.Questions),
                form.Audience != "groups",
                Ids(http, "departmentIds"),
                Ids(http, "siteIds"),
                Enum.TryParse<SurveyCut>(form.Cut, ignoreCase: true, out var cut) ? cut : SurveyCut.None,
                Number(form.ScoreThreshold),
                Number(form.CommentThreshold),
                Number(form.RoundCount),
                Number(form.RoundLengthDays),
                Number(form.IntervalDays));
            var id = await surveys.CreateAsync(user.RequireViewer(), draft, http.RequestAborted);
            return $"/surveys/{id}";
        });

    /// <summary>Answers a round; the receipt is shown once, on the answer page, never in an address.</summary>
    private static async Task<IResult> AnswerAsync(long id, ClaimsPrincipal user, SurveyAnswering answering, HttpContext http)
    {
        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        var typed = form.Keys.Where(k => k.StartsWith('q')).ToDictionary(k => k, k => form[k].ToString(), StringComparer.Ordinal);
        try
        {
            var answers = new List<AnswerInput>();
            foreach (var key in form.Keys.Where(k => k.StartsWith('q')))
            {
                if (!long.TryParse(key.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var question))
                {
                    continue;
                }

                var raw = form[key].Where(v => !string.IsNullOrEmpty(v)).ToList();
                var values = raw.Select(v => int.TryParse(v, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) ? n : int.MinValue).ToList();
                answers.Add(new AnswerInput(question, form.ContainsKey($"t{question}") ? null : values, null));
            }

            foreach (var key in form.Keys.Where(k => k.StartsWith('t')))
            {
                if (long.TryParse(key.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var question))
                {
                    typed[key] = form[key].ToString();
                    answers.Add(new AnswerInput(question, null, form[key].ToString()));
                }
            }

            var receipt = await answering.AnswerAsync(user.RequireViewer(), id, answers, http.RequestAborted);
            return FormResults.Page<SurveyAnsweredPage>(new { Id = id, receipt.Receipt, receipt.ReplyCode });
        }
        catch (RucheException refused)
        {
            return FormResults.Page<SurveyPage>(new { Id = id, Typed = typed }, Problems.StatusOf(refused.Kind), refused.Code);
        }
    }

    private static List<long> Ids(HttpContext http, string field) =>
        http.Request.HasFormContentType
            ? http.Request.Form[field].Select(v => long.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : -1).ToList()
            : [];

    /// <summary>A number typed in a form; anything else is refused by the service's range checks.</summary>
    private static int? Number(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null : int.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) ? n : -1;
}

/// <summary>Fields of the survey form; a field the browser leaves out binds as its default.</summary>
public sealed record SurveyForm
{
    public string? Title { get; init; }

    public string? Intro { get; init; }

    /// <summary>One question a line: "likert: …", "enps: …", "single: … | option | option", "multiple: …", "text: …".</summary>
    public string? Questions { get; init; }

    /// <summary>"everyone" or "groups".</summary>
    public string? Audience { get; init; }

    public string? Cut { get; init; }

    public string? ScoreThreshold { get; init; }

    public string? CommentThreshold { get; init; }

    public string? RoundCount { get; init; }

    public string? RoundLengthDays { get; init; }

    public string? IntervalDays { get; init; }

    public IReadOnlyList<long>? DepartmentIds { get; init; }

    public IReadOnlyList<long>? SiteIds { get; init; }
}

/// <summary>Fields of the reply forms: a reply's text, and the writer's reply code.</summary>
public sealed record ReplyForm
{
    public string? Text { get; init; }

    public string? Code { get; init; }

    public string? ReturnUrl { get; init; }
}

/// <summary>Fields of the thresholds form.</summary>
public sealed record ThresholdsForm
{
    public string? ScoreThreshold { get; init; }

    public string? CommentThreshold { get; init; }
}
