using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Ruche.Core.Polls;
using Ruche.Web.Auth;

namespace Ruche.Web.Polls;

/// <summary>
/// Polls through the API (a post is created with its poll by <c>POST /api/v1/posts</c> with <c>poll</c>): a poll added to one's post, reading, voting, closing and checking
/// a receipt. Hidden results are never in a response (<see cref="PollReader"/> leaves them out).
/// </summary>
public static class PollsApi
{
    public static RouteGroupBuilder MapPollsApi(this RouteGroupBuilder api)
    {
        api.MapPost("/posts/{id:long}/poll", AddToPostAsync).WithTags("Polls").WithName("AddPoll");
        var polls = api.MapGroup("/polls").WithTags("Polls");
        polls.MapGet("/{id:long}", GetAsync).WithName("GetPoll");
        polls.MapPost("/{id:long}/votes", VoteAsync).WithName("VoteInPoll");
        polls.MapPost("/{id:long}/close", CloseAsync).WithName("ClosePoll");
        polls.MapGet("/{id:long}/receipts/{code}", ReceiptAsync).WithName("CheckPollReceipt");
        return api;
    }

    private static async Task<Created<PollView>> AddToPostAsync(long id, PollRequest request, ClaimsPrincipal user, PollService polls, PollReader reader, CancellationToken ct)
    {
        var viewer = user.RequireViewer();
        var pollId = await polls.AddToPostAsync(viewer, id, request.ToInput(), ct);
        return TypedResults.Created($"/api/v1/polls/{pollId}", await reader.GetAsync(viewer, pollId, ct));
    }

    private static async Task<Ok<PollView>> GetAsync(long id, ClaimsPrincipal user, PollReader reader, CancellationToken ct) =>
        TypedResults.Ok(await reader.GetAsync(user.RequireViewer(), id, ct));

    private static async Task<Ok<PollVoteResult>> VoteAsync(long id, VoteRequest request, ClaimsPrincipal user, PollService polls, PollReader reader, CancellationToken ct)
    {
        var viewer = user.RequireViewer();
        var receipt = await polls.VoteAsync(viewer, id, request.OptionIds, ct);
        return TypedResults.Ok(new PollVoteResult(await reader.GetAsync(viewer, id, ct), receipt));
    }

    private static async Task<Ok<PollView>> CloseAsync(long id, ClaimsPrincipal user, PollService polls, PollReader reader, CancellationToken ct)
    {
        var viewer = user.RequireViewer();
        await polls.CloseAsync(viewer, id, ct);
        return TypedResults.Ok(await reader.GetAsync(viewer, id, ct));
    }

    private static async Task<Ok<PollReceiptView>> ReceiptAsync(long id, string code, ClaimsPrincipal user, PollService polls, CancellationToken ct) =>
        TypedResults.Ok(await polls.CheckReceiptAsync(user.RequireViewer(), id, code, ct));
}

/// <param name="ClosesAt">UTC; between 5 minutes and 3 months from now, or null for no deadline.</param>
public sealed record PollRequest(
    IReadOnlyList<string?>? Options = null, bool MultipleChoice = false, bool Anonymous = false, PollResultsVisibility Results = PollResultsVisibility.Always, DateTime? ClosesAt = null)
{
    public NewPoll ToInput() => new(Options, MultipleChoice, Anonymous, Results, ClosesAt);
}

public sealed record VoteRequest(IReadOnlyList<long>? OptionIds);
