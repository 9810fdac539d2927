using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Ruche.Core.Common;
using Ruche.Core.Polls;
using Ruche.Core.Posts;
using Ruche.Web.Auth;
using Ruche.Web.Hosting;

namespace Ruche.Web.Polls;

/// <summary>The HTML forms of polls; they call the same services as the API.</summary>
public static class PollForms
{
    public static IEndpointRouteBuilder MapPollForms(this IEndpointRouteBuilder app)
    {
        var ui = app.MapGroup("/ui/polls").ExcludeFromDescription();
        ui.MapPost("/", CreateAsync);
        ui.MapPost("/{id:long}/vote", VoteAsync);
        ui.MapPost("/{id:long}/close", (long id, [FromForm] ReturnForm form, ClaimsPrincipal user, PollService polls, HttpContext http) =>
            FormResults.RunAsync(http, form.ReturnUrl, async () =>
            {
                await polls.CloseAsync(user.RequireViewer(), id, http.RequestAborted);
                return $"{FormResults.Safe(form.ReturnUrl)}#poll-{id}";
            }));
        ui.MapPost("/{id:long}/receipt", (long id, [FromForm] ReceiptForm form, ClaimsPrincipal user, PollService polls, HttpContext http) =>
            FormResults.RenderAsync<PollReceiptPage>($"/polls/{id}/receipt", async () =>
                new { Id = id, Code = form.Code, State = (await polls.CheckReceiptAsync(user.RequireViewer(), id, form.Code, http.RequestAborted)).State }));
        return app;
    }

    /// <summary>A new post with its poll, or a poll added to one's post; refused, the form comes back as typed.</summary>
    private static Task<IResult> CreateAsync([FromForm] PollForm form, ClaimsPrincipal user, PollService polls, TimeProvider time, HttpContext http) =>
        FormResults.RunOrRefillAsync<PollFormPage>(new { Typed = form }, async () =>
        {
            var viewer = user.RequireViewer();
            var poll = form.ToInput(time.GetUtcNow().UtcDateTime);
            if (form.PostId is { } postId)
            {
                var pollId = await polls.AddToPostAsync(viewer, postId, poll, http.RequestAborted);
                return $"/posts/{postId}#poll-{pollId}";
            }

            var id = await polls.CreatePostWithPollAsync(viewer, new NewPost(form.Body, form.SpaceId), poll, http.RequestAborted);
            return $"/posts/{id}";
        });

    /// <summary>
    /// A vote: back to the post for a named poll; for an anonymous one, a page showing the receipt code once (never in
    /// an address, where history and logs would keep it).
    /// </summary>
    private static async Task<IResult> VoteAsync(long id, [FromForm] VoteForm form, ClaimsPrincipal user, PollService polls, HttpContext http)
    {
        var back = FormResults.Safe(form.ReturnUrl ?? "/");
        try
        {
            var receipt = await polls.VoteAsync(user.RequireViewer(), id, form.OptionIds ?? [], http.RequestAborted);
            return receipt is null
                ? Results.LocalRedirect($"{back}#poll-{id}")
                : FormResults.Page<PollReceiptPage>(new { Id = id, Receipt = receipt, ReturnUrl = back });
        }
        catch (RucheException refused)
        {
            return Results.LocalRedirect(FormResults.WithError(back, refused.Code) + $"#poll-{id}");
        }
    }
}

/// <summary>Fields of the poll form; a field the browser leaves out (an unticked box) binds as its default.</summary>
public sealed record PollForm
{
    /// <summary>Set to add the poll to this existing post (its author only); otherwise a new post is written.</summary>
    public long? PostId { get; init; }

    public string? Body { get; init; }

    public long? SpaceId { get; init; }

    /// <summary>One option per line.</summary>
    public string? Options { get; init; }

    public bool MultipleChoice { get; init; }

    public bool Anonymous { get; init; }

    public string? Results { get; init; }

    /// <summary>Minutes from now until the deadline; empty for none.</summary>
    public string? Duration { get; init; }

    public NewPoll ToInput(DateTime now) => new(
        (Options ?? string.Empty).Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList(),
        MultipleChoice,
        Anonymous,
        Enum.TryParse<PollResultsVisibility>(Results, ignoreCase: true, out var results) ? results : PollResultsVisibility.Always,
        int.TryParse(Duration, NumberStyles.None, CultureInfo.InvariantCulture, out var minutes) && minutes > 0 ? now.AddMinutes(minutes) : null);
}

/// <summary>Fields of an HTML form; a field the browser leaves out (an unticked box) binds as its default.</summary>
public sealed record VoteForm
{
    public IReadOnlyList<long>? OptionIds { get; init; }

    public string? ReturnUrl { get; init; }
}

/// <summary>Fields of an HTML form.</summary>
public sealed record ReceiptForm
{
    public string? Code { get; init; }
}
