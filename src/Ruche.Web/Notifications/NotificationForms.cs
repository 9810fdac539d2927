using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Ruche.Core.Notifications;
using Ruche.Web.Auth;
using Ruche.Web.Hosting;

namespace Ruche.Web.Notifications;

/// <summary>The HTML forms of the notification centre and its settings.</summary>
public static class NotificationForms
{
    public static IEndpointRouteBuilder MapNotificationForms(this IEndpointRouteBuilder app)
    {
        var ui = app.MapGroup("/ui/notifications").ExcludeFromDescription();
        ui.MapPost("/{id:long}/read", (long id, [FromForm] ReturnForm form, ClaimsPrincipal user, NotificationService service, HttpContext http) =>
            FormResults.RunAsync(http, form.ReturnUrl, async () => { await service.MarkReadAsync(user.RequireViewer(), id, http.RequestAborted); return null; }));
        ui.MapPost("/{id:long}/open", (long id, [FromForm] ReturnForm form, ClaimsPrincipal user, NotificationService service, HttpContext http) =>
            FormResults.RunAsync(http, form.ReturnUrl, async () => await service.OpenAsync(user.RequireViewer(), id, http.RequestAborted)));
        ui.MapPost("/read-all", ([FromForm] ReturnForm form, ClaimsPrincipal user, NotificationService service, HttpContext http) =>
            FormResults.RunAsync(http, form.ReturnUrl, async () => { await service.MarkAllReadAsync(user.RequireViewer(), http.RequestAborted); return null; }));
        ui.MapPost("/preferences", ([FromForm] PreferencesForm form, ClaimsPrincipal user, NotificationPreferenceService service, NotificationKinds kinds, HttpContext http) =>
            FormResults.RunAsync(http, "/notifications/settings", async () =>
            {
                foreach (var kind in kinds.All)
                {
                    if (Enum.TryParse<NotificationChannel>(http.Request.Form[$"channel-{kind.Name}"], out var channel))
                    {
                        await service.SetChannelAsync(user.RequireViewer(), kind.Name, channel, http.RequestAborted);
                    }
                }

                await service.SetQuietHoursAsync(user.RequireViewer(), form.QuietStart, form.QuietEnd, http.RequestAborted);
                if (form.Digest is { } frequency)
                {
                    await service.SetDigestFrequencyAsync(user.RequireViewer(), frequency, http.RequestAborted);
                }

                return "/notifications/settings?saved=1";
            }));
        return app;
    }
}

public sealed record PreferencesForm
{
    public TimeOnly? QuietStart { get; init; }

    public TimeOnly? QuietEnd { get; init; }

    public DigestFrequency? Digest { get; init; }
}
