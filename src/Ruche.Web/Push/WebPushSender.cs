using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Lib.Net.Http.WebPush;
using Lib.Net.Http.WebPush.Authentication;
using Microsoft.Extensions.Localization;
using Ruche.Core.Push;
using Ruche.Web.Localization;
using Device = Ruche.Core.Push.PushSubscription;
using WebPushMessage = Lib.Net.Http.WebPush.PushMessage;
using WebPushSubscription = Lib.Net.Http.WebPush.PushSubscription;

namespace Ruche.Web.Push;

/// <summary>
/// Web Push through Lib.Net.Http.WebPush: VAPID-signed, aes128gcm-encrypted. The payload is a title and one sentence in
/// the person's language — "Ruche — nouvelle notification", or with previews allowed "Nouveau commentaire de Ana" — and
/// a link to the notification centre; never what anyone wrote.
/// </summary>
public sealed class WebPushSender : IPushSender, IDisposable
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly HttpClient http;
    private readonly PushServiceClient client;
    private readonly VapidAuthentication vapid;
    private readonly IStringLocalizer<Ui> texts;

    public WebPushSender(VapidKeys keys, IStringLocalizer<Ui> texts)
    {
        this.texts = texts;
        vapid = new VapidAuthentication(keys.PublicKey, keys.PrivateKey) { Subject = keys.Subject };
        var network = new SocketsHttpHandler
        {
            // A push service answers at once or not at all; it never redirects (a redirect would lead anywhere).
            AllowAutoRedirect = false,
            ConnectTimeout = TimeSpan.FromSeconds(5),
        };
        http = new HttpClient(new OriginAudience(vapid) { InnerHandler = network }) { Timeout = TimeSpan.FromSeconds(10) };
        client = new PushServiceClient(http)
        {
            DefaultAuthentication = vapid,
            DefaultAuthenticationScheme = VapidAuthenticationScheme.Vapid,
            AutoRetryAfter = false,
            DefaultTimeToLive = (int)TimeSpan.FromHours(12).TotalSeconds,
        };
        PublicKey = keys.PublicKey;
    }

    public bool IsEnabled => true;

    public string? PublicKey { get; }

    public async Task<PushOutcome> SendAsync(Device device, PushNotice notice, CancellationToken cancellationToken)
    {
        var subscription = new WebPushSubscription { Endpoint = device.Endpoint };
        subscription.SetKey(PushEncryptionKeyName.P256DH, device.P256dh);
        subscription.SetKey(PushEncryptionKeyName.Auth, device.Auth);
        var message = new WebPushMessage(JsonSerializer.Serialize(Payload(notice), Json))
        {
            Topic = "ruche",
            Urgency = PushMessageUrgency.Normal,
        };
        try
        {
            await client.RequestPushMessageDeliveryAsync(subscription, message, cancellationToken);
            return PushOutcome.Sent;
        }
        catch (PushServiceClientException refused)
        {
            return refused.StatusCode switch
            {
                HttpStatusCode.NotFound or HttpStatusCode.Gone => PushOutcome.Gone,
                HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout => PushOutcome.Retry,
                >= HttpStatusCode.InternalServerError => PushOutcome.Retry,
                _ => PushOutcome.Failed,
            };
        }
    }

    /// <summary>What the device shows: written here so the same words serve every push service.</summary>
    public PushPayload Payload(PushNotice notice)
    {
        var previous = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(notice.Language == "en" ? "en" : "fr");
            string body;
            if (notice.ShowPreview && notice.ActorName is { } actor)
            {
                var sentence = texts[$"push.preview.{notice.Kind}"];
                body = string.Format(CultureInfo.CurrentCulture, (sentence.ResourceNotFound ? texts["push.preview.other"] : sentence).Value, actor);
            }
            else
            {
                body = texts["push.body"].Value;
            }

            return new PushPayload("Ruche", body, "/notifications", "ruche-notification");
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    public void Dispose()
    {
        vapid.Dispose();
        http.Dispose();
    }
}

/// <summary>
/// RFC 8292 §2: the token's audience is the push resource's origin, port included. The library leaves out a port that
/// is not the scheme's default (real push services use 443, so only a push service on another port meets this): the
/// token is then signed again for the full origin, by the library's own VAPID code.
/// </summary>
internal sealed class OriginAudience(VapidAuthentication vapid) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.RequestUri is { IsDefaultPort: false } endpoint && request.Headers.Authorization?.Scheme == "vapid")
        {
            request.Headers.Authorization = new AuthenticationHeaderValue(
                "vapid", vapid.GetVapidSchemeAuthenticationHeaderValueParameter(endpoint.GetLeftPart(UriPartial.Authority)));
        }

        return base.SendAsync(request, cancellationToken);
    }
}

/// <summary>The JSON a device's service worker receives and shows as a notification.</summary>
public sealed record PushPayload(string Title, string Body, string Url, string Tag);
