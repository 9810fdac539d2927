using System.Net;
using System.Net.Http.Json;
using Ruche.Core.Dialogue;
using Ruche.Core.Spaces;
using Ruche.Tests.Infrastructure;
using Ruche.Web.Dialogue;

namespace Ruche.Tests.Dialogue;

/// <summary>What administrators, delegates and employees do with the unions, through the API.</summary>
public static class DialogueSteps
{
    public static readonly AgreementTerms OpenTerms = new(Broadcasts: true, Polls: true, Documents: true, Questions: true, BroadcastsPerMonth: 2, BroadcastsPushedByDefault: false);

    public static Task<HttpResponseMessage> SendRecordUnionAsync(this Actor admin, string name, params Actor[] delegates) =>
        admin.Http.PostAsJsonAsync("/api/v1/admin/unions", new { name, delegateIds = delegates.Select(d => d.Id).ToArray() }, Actor.Json);

    public static async Task<UnionView> RecordUnionAsync(this Actor admin, string name, params Actor[] delegates)
    {
        var created = await Actor.ReadAsync<CreatedId>(await admin.SendRecordUnionAsync(name, delegates), HttpStatusCode.Created);
        return await delegates[0].GetAsync<UnionView>($"/api/v1/unions/{created.Id}");
    }

    public static Task<HttpResponseMessage> SendAgreementAsync(this Actor admin, AgreementTerms terms, object? perUnion = null, string from = "2020-01-01", string? until = null) =>
        admin.Http.PostAsJsonAsync("/api/v1/admin/union-agreements", new { title = "Accord sur la communication syndicale numérique", validFrom = from, validUntil = until, terms, perUnion }, Actor.Json);

    public static async Task RecordAgreementAsync(this Actor admin, AgreementTerms? terms = null) =>
        await Actor.ExpectAsync(await admin.SendAgreementAsync(terms ?? OpenTerms), HttpStatusCode.Created);

    public static async Task<SpaceSummary> SpaceOfAsync(this Actor person, UnionView union) =>
        await person.GetAsync<SpaceSummary>($"/api/v1/spaces/{union.SpaceId}");

    public static async Task ChooseBroadcastsAsync(this Actor person, UnionView union, bool accepts) =>
        await Actor.ExpectAsync(await person.Http.PutAsJsonAsync($"/api/v1/unions/{union.Id}/broadcast-choice", new { accepts }, Actor.Json), HttpStatusCode.NoContent);

    public static async Task ChooseAsync(this Actor person, UnionView union, string channel, bool accepts) =>
        await Actor.ExpectAsync(await person.Http.PutAsJsonAsync($"/api/v1/unions/{union.Id}/broadcast-choice", new { accepts, channel }, Actor.Json), HttpStatusCode.NoContent);

    public static Task<HttpResponseMessage> SendBroadcastAsync(this Actor delegateActor, UnionView union, string title, string body = "Assemblée générale jeudi à 12 h 30.") =>
        delegateActor.Http.PostAsJsonAsync($"/api/v1/unions/{union.Id}/broadcasts", new { title, body }, Actor.Json);

    public static async Task<long> BroadcastAsync(this Actor delegateActor, UnionView union, string title) =>
        (await Actor.ReadAsync<CreatedId>(await delegateActor.SendBroadcastAsync(union, title), HttpStatusCode.Created)).Id;

    public static async Task<long> AskAsync(this Actor person, UnionView union, string body) =>
        (await Actor.ReadAsync<CreatedId>(await person.Http.PostAsJsonAsync($"/api/v1/unions/{union.Id}/questions", new { body }, Actor.Json), HttpStatusCode.Created)).Id;
}
