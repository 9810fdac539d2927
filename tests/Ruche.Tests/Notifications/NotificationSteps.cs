using System.Net;
using System.Net.Http.Json;
using Ruche.Core.Notifications;
using Ruche.Tests.Infrastructure;
using Ruche.Web.Hosting;
using Ruche.Web.Notifications;

namespace Ruche.Tests.Notifications;

/// <summary>What a person does with their notifications, through the API.</summary>
public static class NotificationSteps
{
    public static async Task<IReadOnlyList<NotificationView>> NotificationsAsync(this Actor actor) =>
        (await actor.GetAsync<PageDto<NotificationView>>("/api/v1/notifications?pageSize=100")).Items;

    public static async Task<int> UnreadAsync(this Actor actor) =>
        (await actor.GetAsync<UnreadCount>("/api/v1/notifications/unread-count")).Unread;

    public static async Task SetChannelAsync(this Actor actor, NotificationKind kind, NotificationChannel channel) =>
        await Actor.ExpectAsync(
            await actor.Http.PutAsJsonAsync($"/api/v1/notifications/preferences/{kind.Name}", new { channel }, Actor.Json), HttpStatusCode.NoContent);

    public static async Task SetDigestFrequencyAsync(this Actor actor, DigestFrequency frequency) =>
        await Actor.ExpectAsync(
            await actor.Http.PutAsJsonAsync("/api/v1/notifications/digest", new { frequency }, Actor.Json), HttpStatusCode.NoContent);

    public static async Task SetQuietHoursAsync(this Actor actor, TimeOnly? start, TimeOnly? end) =>
        await Actor.ExpectAsync(
            await actor.Http.PutAsJsonAsync("/api/v1/notifications/quiet-hours", new { start, end }, Actor.Json), HttpStatusCode.NoContent);
}
