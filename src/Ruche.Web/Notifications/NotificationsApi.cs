using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Ruche.Core.Notifications;
using Ruche.Web.Auth;
using Ruche.Web.Hosting;

namespace Ruche.Web.Notifications;

public static class NotificationsApi
{
    public static RouteGroupBuilder MapNotificationsApi(this RouteGroupBuilder api)
    {
        var notifications = api.MapGroup("/notifications").WithTags("Notifications");
        notifications.MapGet("/", ListAsync).WithName("ListNotifications")
            .WithDescription("The caller's notifications, most recently updated first; grouped events share one item with its actor count.");
        notifications.MapGet("/unread-count", UnreadCountAsync).WithName("CountUnreadNotifications");
        notifications.MapPost("/{id:long}/read", MarkReadAsync).WithName("MarkNotificationRead");
        notifications.MapPost("/read-all", MarkAllReadAsync).WithName("MarkAllNotificationsRead");
        notifications.MapGet("/preferences", PreferencesAsync).WithName("GetNotificationPreferences");
        notifications.MapPut("/preferences/{kind}", SetChannelAsync).WithName("SetNotificationChannel")
            .WithDescription("channel: inApp, emailDigest or none (none stores nothing).");
        notifications.MapPut("/quiet-hours", SetQuietHoursAsync).WithName("SetQuietHours")
            .WithDescription("start and end in the caller's own time zone (HH:mm); both null removes quiet hours.");
        notifications.MapPut("/digest", SetDigestAsync).WithName("SetDigestFrequency")
            .WithDescription("frequency: daily or weekly; the digest lists the kinds set to emailDigest.");
        return api;
    }

    private static async Task<NoContent> SetDigestAsync(DigestRequest request, ClaimsPrincipal user, NotificationPreferenceService service, CancellationToken ct)
    {
        await service.SetDigestFrequencyAsync(user.RequireViewer(), request.Frequency, ct);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<PageDto<NotificationView>>> ListAsync(ClaimsPrincipal user, NotificationService service, string? cursor, int? pageSize, CancellationToken ct) =>
        TypedResults.Ok(PageDto.From(await service.ListAsync(user.RequireViewer(), cursor, pageSize, ct)));

    private static async Task<Ok<UnreadCount>> UnreadCountAsync(ClaimsPrincipal user, NotificationService service, CancellationToken ct) =>
        TypedResults.Ok(new UnreadCount(await service.UnreadCountAsync(user.RequireViewer(), ct)));

    private static async Task<NoContent> MarkReadAsync(long id, ClaimsPrincipal user, NotificationService service, CancellationToken ct)
    {
        await service.MarkReadAsync(user.RequireViewer(), id, ct);
        return TypedResults.NoContent();
    }

    private static async Task<NoContent> MarkAllReadAsync(ClaimsPrincipal user, NotificationService service, CancellationToken ct)
    {
        await service.MarkAllReadAsync(user.RequireViewer(), ct);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<NotificationSettingsView>> PreferencesAsync(ClaimsPrincipal user, NotificationPreferenceService service, CancellationToken ct) =>
        TypedResults.Ok(await service.GetAsync(user.RequireViewer(), ct));

    private static async Task<NoContent> SetChannelAsync(string kind, ChannelRequest request, ClaimsPrincipal user, NotificationPreferenceService service, CancellationToken ct)
    {
        await service.SetChannelAsync(user.RequireViewer(), kind, request.Channel, ct);
        return TypedResults.NoContent();
    }

    private static async Task<NoContent> SetQuietHoursAsync(QuietHoursRequest request, ClaimsPrincipal user, NotificationPreferenceService service, CancellationToken ct)
    {
        await service.SetQuietHoursAsync(user.RequireViewer(), request.Start, request.End, ct);
        return TypedResults.NoContent();
    }
}

public sealed record UnreadCount(int Unread);

public sealed record ChannelRequest(NotificationChannel Channel);

public sealed record QuietHoursRequest(TimeOnly? Start, TimeOnly? End);

public sealed record DigestRequest(DigestFrequency Frequency);
