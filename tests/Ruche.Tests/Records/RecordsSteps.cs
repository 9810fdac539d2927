using System.Net;
using System.Net.Http.Json;
using Ruche.Core.Records;
using Ruche.Tests.Infrastructure;
using Ruche.Web.Dialogue;

namespace Ruche.Tests.Records;

/// <summary>What direction, delegates and the CSE do with records and minutes, through the API.</summary>
public static class RecordsSteps
{
    public static Task<HttpResponseMessage> SendDraftAsync(this Actor person, string? title, long[] unionIds, long[]? directionIds = null, long? audienceSpaceId = null, string text = "Article 1 — Deux jours de télétravail par semaine.") =>
        person.Http.PostAsJsonAsync("/api/v1/records", new { title, subject = "Télétravail", text, directionIds = directionIds ?? [], unionIds, audienceSpaceId }, Actor.Json);

    public static async Task<long> DraftAsync(this Actor person, string title, long[] unionIds, long[]? directionIds = null, long? audienceSpaceId = null) =>
        (await Actor.ReadAsync<CreatedId>(await person.SendDraftAsync(title, unionIds, directionIds, audienceSpaceId), HttpStatusCode.Created)).Id;

    public static Task<HttpResponseMessage> SendEditAsync(this Actor person, long id, string text, string title = "Accord télétravail") =>
        person.Http.PutAsJsonAsync($"/api/v1/records/{id}", new { title, subject = "Télétravail", text }, Actor.Json);

    public static Task<HttpResponseMessage> SendApproveAsync(this Actor person, long id, int version) =>
        person.Http.PostAsJsonAsync($"/api/v1/records/{id}/approvals", new { version }, Actor.Json);

    public static async Task ApproveAsync(this Actor person, long id, int version) =>
        await Actor.ExpectAsync(await person.SendApproveAsync(id, version), HttpStatusCode.NoContent);

    public static async Task SubmitAsync(this Actor person, long id) =>
        await Actor.ExpectAsync(await person.Http.PostAsync($"/api/v1/records/{id}/submission", null), HttpStatusCode.NoContent);

    public static Task<NegotiationView> RecordAsync(this Actor person, long id) => person.GetAsync<NegotiationView>($"/api/v1/records/{id}");

    public static Task<HttpResponseMessage> SendRecordCseAsync(this Actor admin, Actor president, Actor secretary, params Actor[] members) =>
        admin.Http.PostAsJsonAsync("/api/v1/admin/cse", new { name = "CSE " + Guid.NewGuid().ToString("N")[..6], presidentId = president.Id, secretaryId = secretary.Id, memberIds = members.Select(m => m.Id).ToArray() }, Actor.Json);

    public static async Task<long> RecordCseAsync(this Actor admin, Actor president, Actor secretary, params Actor[] members) =>
        (await Actor.ReadAsync<CreatedId>(await admin.SendRecordCseAsync(president, secretary, members), HttpStatusCode.Created)).Id;

    public static Task<HttpResponseMessage> SendScheduleAsync(this Actor person, long cseId, DateTime heldAt, string kind = "ordinary", string title = "Réunion ordinaire") =>
        person.Http.PostAsJsonAsync($"/api/v1/cse/{cseId}/meetings", new { title, heldAt, kind }, Actor.Json);

    public static async Task<long> ScheduleAsync(this Actor person, long cseId, DateTime heldAt, string kind = "ordinary", string title = "Réunion ordinaire") =>
        (await Actor.ReadAsync<CreatedId>(await person.SendScheduleAsync(cseId, heldAt, kind, title), HttpStatusCode.Created)).Id;

    public static Task<HttpResponseMessage> SendMinutesAsync(this Actor person, long meetingId, string text) =>
        person.Http.PutAsJsonAsync($"/api/v1/cse/meetings/{meetingId}/minutes", new { text }, Actor.Json);

    public static Task<CseMeetingView> MeetingAsync(this Actor person, long meetingId) => person.GetAsync<CseMeetingView>($"/api/v1/cse/meetings/{meetingId}");
}
