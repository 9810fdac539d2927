using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Ruche.Core.Common;
using Ruche.Core.Data;

namespace Ruche.Core.Push;

/// <summary>
/// A person's own devices for push: subscribe this device, list, remove, and the previews setting. A person only ever
/// reads or removes their own subscriptions: another's is "not found", never told apart from one that does not exist.
/// </summary>
public sealed class PushSubscriptionService(RucheDbContext db, IPushSender sender, IOptions<PushSettingsOptions> options, TimeProvider time)
{
    public async Task<PushSettingsView> GetAsync(Viewer viewer, CancellationToken cancellationToken)
    {
        var devices = await db.Set<PushSubscription>().AsNoTracking().Where(s => s.PersonId == viewer.PersonId).OrderBy(s => s.Id)
            .Select(s => new PushDeviceView(s.Id, s.DeviceLabel, s.CreatedAt)).ToListAsync(cancellationToken);
        var previews = await db.Set<PushSettings>().Where(s => s.PersonId == viewer.PersonId).Select(s => s.ShowPreviews)
            .FirstOrDefaultAsync(cancellationToken);
        return new PushSettingsView(sender.IsEnabled, sender.PublicKey, previews, devices);
    }

    /// <summary>Subscribes a device (or renews it: the same endpoint keeps its row, and moves to whoever subscribes it now).</summary>
    public async Task<long> SubscribeAsync(Viewer viewer, NewPushSubscription input, string? userAgent, CancellationToken cancellationToken)
    {
        if (!sender.IsEnabled)
        {
            throw RucheException.Invalid("push.disabled", "Push notifications are not configured on this server.");
        }

        var endpoint = ValidEndpoint(input.Endpoint);
        var p256dh = ValidKey(input.P256dh, 65, "push.key-invalid", "p256dh must be a 65-byte uncompressed P-256 public key, base64url.");
        if (!IsCurvePoint(Base64Url.DecodeFromChars(p256dh)))
        {
            throw RucheException.Invalid("push.key-invalid", "p256dh must be a 65-byte uncompressed P-256 public key, base64url.");
        }

        var auth = ValidKey(input.Auth, 16, "push.auth-invalid", "auth must be a 16-byte secret, base64url.");
        var hash = Hash(endpoint);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var row = await db.Set<PushSubscription>().SingleOrDefaultAsync(s => s.EndpointHash == hash, cancellationToken);
        var others = await db.Set<PushSubscription>().CountAsync(s => s.PersonId == viewer.PersonId && s.EndpointHash != hash, cancellationToken);
        if (others >= PushRules.MaxDevicesPerPerson)
        {
            throw RucheException.Invalid("push.too-many-devices", $"At most {PushRules.MaxDevicesPerPerson} devices; remove one first.");
        }

        if (row is null)
        {
            row = new PushSubscription { Endpoint = endpoint, EndpointHash = hash, P256dh = p256dh, Auth = auth, DeviceLabel = string.Empty };
            db.Add(row);
        }

        row.PersonId = viewer.PersonId;
        row.Endpoint = endpoint;
        row.P256dh = p256dh;
        row.Auth = auth;
        row.DeviceLabel = DeviceLabels.From(userAgent);
        row.CreatedAt = time.UtcNow();
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return row.Id;
    }

    public async Task RemoveAsync(Viewer viewer, long id, CancellationToken cancellationToken)
    {
        var removed = await db.Set<PushSubscription>().Where(s => s.Id == id && s.PersonId == viewer.PersonId).ExecuteDeleteAsync(cancellationToken);
        if (removed == 0)
        {
            throw RucheException.NotFound("push.device-not-found", "No such device among yours.");
        }
    }

    /// <summary>Signing out on a device: its subscription goes, if it is the viewer's (nothing is said otherwise).</summary>
    public async Task ForgetEndpointAsync(Viewer viewer, string? endpoint, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(endpoint) || endpoint.Length > PushRules.MaxEndpointLength)
        {
            throw RucheException.Invalid("push.endpoint-invalid", "The endpoint is an https URL of at most 1024 characters.");
        }

        var hash = Hash(endpoint);
        await db.Set<PushSubscription>().Where(s => s.EndpointHash == hash && s.PersonId == viewer.PersonId).ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>"Sign out everywhere": none of the person's devices is pushed to any more.</summary>
    public Task<int> RemoveAllAsync(long personId, CancellationToken cancellationToken) =>
        db.Set<PushSubscription>().Where(s => s.PersonId == personId).ExecuteDeleteAsync(cancellationToken);

    public async Task SetPreviewsAsync(Viewer viewer, bool showPreviews, CancellationToken cancellationToken)
    {
        var row = await db.Set<PushSettings>().SingleOrDefaultAsync(s => s.PersonId == viewer.PersonId, cancellationToken);
        if (row is null)
        {
            db.Add(new PushSettings { PersonId = viewer.PersonId, ShowPreviews = showPreviews });
        }
        else
        {
            row.ShowPreviews = showPreviews;
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private string ValidEndpoint(string? endpoint)
    {
        if (string.IsNullOrEmpty(endpoint) || endpoint.Length > PushRules.MaxEndpointLength
            || !Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) || !string.IsNullOrEmpty(uri.UserInfo)
            || !(PushRules.IsKnownService(uri, options.Value.ServiceHosts) || (uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback && options.Value.AllowLoopbackEndpoints)))
        {
            throw RucheException.Invalid("push.endpoint-invalid", "The endpoint is an https URL of a browser's push service, of at most 1024 characters.");
        }

        return endpoint;
    }

    private static string ValidKey(string? value, int length, string code, string message)
    {
        if (string.IsNullOrEmpty(value) || value.Length > 100)
        {
            throw RucheException.Invalid(code, message);
        }

        try
        {
            if (Base64Url.DecodeFromChars(value.TrimEnd('=')).Length != length)
            {
                throw RucheException.Invalid(code, message);
            }
        }
        catch (FormatException)
        {
            throw RucheException.Invalid(code, message);
        }

        return value.TrimEnd('=');
    }

    /// <summary>
    /// A point on P-256, as the browser's key must be: 65 random bytes starting with 0x04 would be stored, then fail
    /// every push ("point is not on curve").
    /// </summary>
    private static bool IsCurvePoint(byte[] key)
    {
        if (key.Length != 65 || key[0] != 0x04)
        {
            return false;
        }

        try
        {
            using var ecdh = ECDiffieHellman.Create(new ECParameters
            {
                Curve = ECCurve.NamedCurves.nistP256,
                Q = new ECPoint { X = key[1..33], Y = key[33..] },
            });
            return true;
        }
        catch (CryptographicException)
        {
            return false;
        }
    }

    private static string Hash(string endpoint) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(endpoint)));
}

/// <summary>What a browser's <c>PushSubscription.toJSON()</c> gives: the endpoint and its two keys.</summary>
public sealed record NewPushSubscription(string? Endpoint, string? P256dh, string? Auth);

public sealed record PushSettingsView(bool Enabled, string? PublicKey, bool ShowPreviews, IReadOnlyList<PushDeviceView> Devices);

public sealed record PushDeviceView(long Id, string Label, DateTime CreatedAt);

/// <summary>Push settings of the host: whether plain-http loopback endpoints are accepted (tests and development only).</summary>
public sealed class PushSettingsOptions
{
    public bool AllowLoopbackEndpoints { get; set; }

    /// <summary>The push services an endpoint may point at (<c>Push:ServiceHosts</c>); the browsers' own by default.</summary>
    public IReadOnlyList<string> ServiceHosts { get; set; } = PushRules.KnownServiceHosts;
}
