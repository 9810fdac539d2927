using System.Net;
using System.Net.Http.Json;
using Ruche.Core.Ideas;
using Ruche.Tests.Infrastructure;
using Ruche.Web.Hosting;
using Ruche.Web.Ideas;

namespace Ruche.Tests.Ideas;

/// <summary>The idea box, through the API.</summary>
public static class IdeaSteps
{
    public static Task<HttpResponseMessage> TrySubmitIdeaAsync(this Actor actor, object body) =>
        actor.Http.PostAsJsonAsync("/api/v1/ideas", body, Actor.Json);

    public static async Task<long> SubmitIdeaAsync(this Actor actor, string title, long? spaceId = null, string description = "Pourquoi pas ?", string[]? tags = null) =>
        (await Actor.ReadAsync<IdeaCreated>(await actor.TrySubmitIdeaAsync(new { title, description, spaceId, tags }), HttpStatusCode.Created)).Id;

    public static Task<HttpResponseMessage> TryVoteAsync(this Actor actor, long ideaId) => actor.Http.PostAsync($"/api/v1/ideas/{ideaId}/vote", null);

    public static async Task VoteAsync(this Actor actor, long ideaId) => await Actor.ExpectAsync(await actor.TryVoteAsync(ideaId), HttpStatusCode.NoContent);

    public static Task<HttpResponseMessage> TryWithdrawVoteAsync(this Actor actor, long ideaId) => actor.Http.DeleteAsync($"/api/v1/ideas/{ideaId}/vote");

    public static Task<HttpResponseMessage> TryTriageAsync(this Actor actor, long ideaId, string? status, long? ownerId, string? reason) =>
        actor.Http.PostAsJsonAsync($"/api/v1/ideas/{ideaId}/status", new { status, ownerId, reason }, Actor.Json);

    public static async Task<long> TriageAsync(this Actor actor, long ideaId, string status, long ownerId, string reason) =>
        (await Actor.ReadAsync<IdeaCreated>(await actor.TryTriageAsync(ideaId, status, ownerId, reason), HttpStatusCode.Created)).Id;

    public static Task<IdeaView> IdeaAsync(this Actor actor, long ideaId) => actor.GetAsync<IdeaView>($"/api/v1/ideas/{ideaId}");

    public static Task<PageDto<IdeaCard>> IdeasAsync(this Actor actor, string query = "") => actor.GetAsync<PageDto<IdeaCard>>($"/api/v1/ideas{query}");

    public static async Task FollowIdeaAsync(this Actor actor, long ideaId) =>
        await Actor.ExpectAsync(await actor.Http.PutAsync($"/api/v1/ideas/{ideaId}/follow", null), HttpStatusCode.NoContent);

    public static async Task CommentIdeaAsync(this Actor actor, long ideaId, string body) =>
        await Actor.ExpectAsync(await actor.Http.PostAsJsonAsync($"/api/v1/ideas/{ideaId}/comments", new { body }, Actor.Json), HttpStatusCode.Created);
}
