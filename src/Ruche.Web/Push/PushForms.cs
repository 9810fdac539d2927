using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;
using Ruche.Core.Push;
using Ruche.Web.Auth;
using Ruche.Web.Hosting;

namespace Ruche.Web.Push;

/// <summary>
/// The notification settings page's push forms: the previews switch and removing a device (plain forms), and the two
/// posts the page's script makes with its antiforgery token — subscribing this device, and forgetting it on sign-out.
/// </summary>
public static class PushForms
{
    private const string Settings = "/notifications/settings";

    public static IEndpointRouteBuilder MapPushForms(this IEndpointRouteBuilder app)
    {
        var ui = app.MapGroup("/ui/push").ExcludeFromDescription();
        ui.MapPost("/previews", ([FromForm] PreviewsForm form, ClaimsPrincipal user, PushSubscriptionService service, HttpContext http) =>
            FormResults.RunAsync(http, Settings, async () =>
            {
                await service.SetPreviewsAsync(user.RequireViewer(), form.ShowPreviews, http.RequestAborted);
                return Settings + "?saved=push";
            }));
        ui.MapPost("/devices/{id:long}/remove", (long id, [FromForm] ReturnForm form, ClaimsPrincipal user, PushSubscriptionService service, HttpContext http) =>
            FormResults.RunAsync(http, Settings, async () =>
            {
                await service.RemoveAsync(user.RequireViewer(), id, http.RequestAborted);
                return Settings + "?saved=push";
            }));
        ui.MapPost("/subscribe", async ([FromForm] DeviceForm form, ClaimsPrincipal user, PushSubscriptionService service, HttpContext http) =>
        {
            var id = await service.SubscribeAsync(
                user.RequireViewer(), new NewPushSubscription(form.Endpoint, form.P256dh, form.Auth), http.Request.Headers[HeaderNames.UserAgent], http.RequestAborted);
            return TypedResults.Ok(new PushDeviceCreated(id));
        });
        ui.MapPost("/forget", async ([FromForm] DeviceForm form, ClaimsPrincipal user, PushSubscriptionService service, HttpContext http) =>
        {
            await service.ForgetEndpointAsync(user.RequireViewer(), form.Endpoint, http.RequestAborted);
            return TypedResults.NoContent();
        });
        return app;
    }
}

public sealed record PreviewsForm
{
    public bool ShowPreviews { get; init; }
}

public sealed record DeviceForm
{
    public string? Endpoint { get; init; }

    public string? P256dh { get; init; }

    public string? Auth { get; init; }
}
