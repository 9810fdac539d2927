using System.Net;
using System.Net.Http.Json;
using Ruche.Core.Communication;
using Ruche.Tests.Infrastructure;
using Ruche.Web.Dialogue;

namespace Ruche.Tests.Communication;

/// <summary>Targeted company messages through the API.</summary>
public static class CommunicationSteps
{
    public static Task<HttpResponseMessage> SendMessageAsync(this Actor sender, string title, string category = "life-at-work", object? audience = null, string body = "Ateliers **posture** lundi.") =>
        sender.Http.PostAsJsonAsync("/api/v1/communication/messages", new { title, body, category, audience }, Actor.Json);

    public static async Task<long> MessageAsync(this Actor sender, string title, string category = "life-at-work", object? audience = null) =>
        (await Actor.ReadAsync<CreatedId>(await sender.SendMessageAsync(title, category, audience), HttpStatusCode.Created)).Id;

    public static async Task RefuseAsync(this Actor person, string category, bool refuses = true) =>
        await Actor.ExpectAsync(await person.Http.PutAsJsonAsync($"/api/v1/communication/opt-outs/{category}", new { refuses }, Actor.Json), HttpStatusCode.NoContent);

    public static Task<MessageView> OpenAsync(this Actor person, long id) => person.GetAsync<MessageView>($"/api/v1/communication/messages/{id}");

    public static Task<MessageReach> ReachAsync(this Actor sender, long id) => sender.GetAsync<MessageReach>($"/api/v1/communication/messages/{id}/reach");
}
