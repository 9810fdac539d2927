using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;
using Ruche.Core.Push;
using Ruche.Web.Auth;

namespace Ruche.Web.Push;

/// <summary>A person's push devices (ADR 23): only ever their own.</summary>
public static class PushApi
{
    public static RouteGroupBuilder MapPushApi(this RouteGroupBuilder api)
    {
        var push = api.MapGroup("/push").WithTags("Push");
        push.MapGet("/", GetAsync).WithName("GetPushSettings")
            .WithDescription("Whether push is configured, the VAPID public key to subscribe with, the previews setting and the caller's devices.");
        push.MapPost("/subscriptions", SubscribeAsync).WithName("SubscribePushDevice")
            .WithDescription("Body as a browser's PushSubscription.toJSON(): an https endpoint and keys p256dh (65 bytes) and auth (16 bytes), base64url. At most 10 devices; the same endpoint renews its device.");
        push.MapDelete("/subscriptions/{id:long}", RemoveAsync).WithName("RemovePushDevice");
        push.MapPut("/previews", SetPreviewsAsync).WithName("SetPushPreviews")
            .WithDescription("showPreviews: whether a push may say who did what on a lock screen (never what they wrote); off by default.");
        return api;
    }

    private static async Task<Ok<PushSettingsView>> GetAsync(ClaimsPrincipal user, PushSubscriptionService service, CancellationToken ct) =>
        TypedResults.Ok(await service.GetAsync(user.RequireViewer(), ct));

    private static async Task<Created<PushDeviceCreated>> SubscribeAsync(
        PushSubscriptionRequest request, ClaimsPrincipal user, PushSubscriptionService service, HttpContext http, CancellationToken ct)
    {
        var id = await service.SubscribeAsync(user.RequireViewer(), request.ToInput(), http.Request.Headers[HeaderNames.UserAgent], ct);
        return TypedResults.Created($"/api/v1/push/subscriptions/{id}", new PushDeviceCreated(id));
    }

    private static async Task<NoContent> RemoveAsync(long id, ClaimsPrincipal user, PushSubscriptionService service, CancellationToken ct)
    {
        await service.RemoveAsync(user.RequireViewer(), id, ct);
        return TypedResults.NoContent();
    }

    private static async Task<NoContent> SetPreviewsAsync(PushPreviewsRequest request, ClaimsPrincipal user, PushSubscriptionService service, CancellationToken ct)
    {
        await service.SetPreviewsAsync(user.RequireViewer(), request.ShowPreviews, ct);
        return TypedResults.NoContent();
    }
}

public sealed record PushSubscriptionRequest(string? Endpoint, PushKeys? Keys)
{
    public NewPushSubscription ToInput() => new(Endpoint, Keys?.P256dh, Keys?.Auth);
}

public sealed record PushKeys(string? P256dh, string? Auth);

public sealed record PushDeviceCreated(long Id);

public sealed record PushPreviewsRequest(bool ShowPreviews);
