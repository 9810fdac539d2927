using System.Net;
using System.Net.Http.Json;
using Ruche.Core.Feeds;
using Ruche.Core.Polls;
using Ruche.Core.Spaces;
using Ruche.Tests.Infrastructure;

namespace Ruche.Tests.Polls;

/// <summary>Polls through the API, as people use them.</summary>
public static class PollSteps
{
    public static Task<HttpResponseMessage> TryPostPollAsync(this Actor actor, object poll, SpaceSummary? space = null, string body = "Quel jour pour l'atelier ?") =>
        actor.Http.PostAsJsonAsync("/api/v1/posts", new { body, spaceId = space?.Id, poll }, Actor.Json);

    /// <summary>A post carrying a poll with these options; returns the poll as its author sees it.</summary>
    public static async Task<PollView> PostPollAsync(
        this Actor actor, string[] options, SpaceSummary? space = null, bool multiple = false, bool anonymous = false, string results = "always", DateTime? closesAt = null)
    {
        var post = await Actor.ReadAsync<PostCard>(
            await actor.TryPostPollAsync(new { options, multipleChoice = multiple, anonymous, results, closesAt }, space), HttpStatusCode.Created);
        Assert.NotNull(post.Poll);
        return post.Poll;
    }

    public static Task<HttpResponseMessage> TryVoteAsync(this Actor actor, long pollId, params long[] optionIds) =>
        actor.Http.PostAsJsonAsync($"/api/v1/polls/{pollId}/votes", new { optionIds }, Actor.Json);

    public static async Task<PollVoteResult> VoteAsync(this Actor actor, PollView poll, params string[] labels) =>
        await Actor.ReadAsync<PollVoteResult>(
            await actor.TryVoteAsync(poll.Id, labels.Select(l => poll.Options.Single(o => o.Label == l).Id).ToArray()), HttpStatusCode.OK);

    public static Task<PollView> PollAsync(this Actor actor, long pollId) => actor.GetAsync<PollView>($"/api/v1/polls/{pollId}");

    public static Task<HttpResponseMessage> TryCloseAsync(this Actor actor, long pollId) => actor.Http.PostAsync($"/api/v1/polls/{pollId}/close", null);

    public static async Task<PollView> CloseAsync(this Actor actor, long pollId) => await Actor.ReadAsync<PollView>(await actor.TryCloseAsync(pollId), HttpStatusCode.OK);

    public static async Task<string> ReceiptStateAsync(this Actor actor, long pollId, string code) =>
        (await actor.GetAsync<PollReceiptView>($"/api/v1/polls/{pollId}/receipts/{Uri.EscapeDataString(code)}")).State;
}
