using System.Net;
using System.Net.Http.Json;
using Ruche.Core.Feeds;
using Ruche.Core.Moderation;
using Ruche.Core.Posts;
using Ruche.Tests.Infrastructure;

namespace Ruche.Tests.Moderation;

/// <summary>Reporting and moderating, through the API.</summary>
public static class ModerationSteps
{
    public static Task<HttpResponseMessage> TryReportAsync(this Actor actor, PostCard post, object body) =>
        actor.Http.PostAsJsonAsync($"/api/v1/posts/{post.Id}/reports", body, Actor.Json);

    public static async Task<ReportReceipt> ReportAsync(this Actor actor, PostCard post, string reason = "harassment", string? note = null) =>
        await Actor.ReadAsync<ReportReceipt>(await actor.TryReportAsync(post, new { reason, note }), HttpStatusCode.Created);

    public static async Task<ReportReceipt> ReportAsync(this Actor actor, CommentView comment, string reason = "spam") =>
        await Actor.ReadAsync<ReportReceipt>(
            await actor.Http.PostAsJsonAsync($"/api/v1/posts/{comment.PostId}/comments/{comment.Id}/reports", new { reason }, Actor.Json), HttpStatusCode.Created);

    public static Task<HttpResponseMessage> TryDecideAsync(this Actor moderator, string content, long contentId, string action, string? reason) =>
        moderator.Http.PostAsJsonAsync("/api/v1/moderation/decisions", new { content, contentId, action, reason }, Actor.Json);

    public static async Task<long> DecideAsync(this Actor moderator, string content, long contentId, string action, string reason) =>
        (await Actor.ReadAsync<DecisionCreated>(await moderator.TryDecideAsync(content, contentId, action, reason), HttpStatusCode.Created)).Id;

    public static Task<IReadOnlyList<ReportedItem>> QueueAsync(this Actor moderator) =>
        moderator.GetAsync<IReadOnlyList<ReportedItem>>("/api/v1/moderation/reports");

    public static Task<HttpResponseMessage> TryRestoreAsync(this Actor moderator, string content, long contentId, string? reason) =>
        moderator.Http.PostAsJsonAsync("/api/v1/moderation/restorations", new { content, contentId, reason }, Actor.Json);

    public static Task<IReadOnlyList<HiddenItem>> HiddenAsync(this Actor moderator) =>
        moderator.GetAsync<IReadOnlyList<HiddenItem>>("/api/v1/moderation/hidden");

    public sealed record DecisionCreated(long Id);
}
