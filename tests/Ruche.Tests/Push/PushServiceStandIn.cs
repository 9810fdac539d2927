using System.Buffers.Binary;
using System.Buffers.Text;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Ruche.Tests.Push;

/// <summary>
/// A push service on loopback, as a browser vendor runs one: it checks each request's VAPID token (RFC 8292: ES256
/// signed by the server's public key, audience this origin, not expired) and keeps the encrypted body for the test,
/// which decrypts it as the browser would (<see cref="TestDevice"/>). A path can be told to answer 410 Gone.
/// </summary>
public sealed class PushServiceStandIn : IAsyncDisposable
{
    private readonly HttpListener listener = new();
    private readonly ConcurrentQueue<ReceivedPush> received = new();
    private readonly ConcurrentDictionary<string, HttpStatusCode> answers = new();
    private readonly Task loop;

    public PushServiceStandIn()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        Origin = $"http://127.0.0.1:{port}";
        listener.Prefixes.Add(Origin + "/");
        listener.Start();
        loop = Task.Run(ServeAsync);
    }

    public string Origin { get; }

    public IReadOnlyList<ReceivedPush> Received => [.. received];

    /// <summary>The server's VAPID public key (base64url) every token must verify against; set by the test once known.</summary>
    public string? ExpectedVapidKey { get; set; }

    public void Answer(string path, HttpStatusCode status) => answers[path] = status;

    private async Task ServeAsync()
    {
        while (listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            using var body = new MemoryStream();
            await context.Request.InputStream.CopyToAsync(body);
            var path = context.Request.Url!.AbsolutePath;
            var problem = CheckVapid(context.Request.Headers["Authorization"]);
            received.Enqueue(new ReceivedPush(path, context.Request.HttpMethod, context.Request.Headers["Content-Encoding"], context.Request.Headers["TTL"], body.ToArray(), problem));
            context.Response.StatusCode = (int)(problem is not null ? HttpStatusCode.Unauthorized : answers.GetValueOrDefault(path, HttpStatusCode.Created));
            context.Response.Close();
        }
    }

    /// <summary>Null when the token is right; otherwise what is wrong with it.</summary>
    private string? CheckVapid(string? authorization)
    {
        if (authorization is null || !authorization.StartsWith("vapid ", StringComparison.Ordinal))
        {
            return "no vapid authorization";
        }

        var parts = authorization["vapid ".Length..].Split(',', StringSplitOptions.TrimEntries)
            .Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => p[1], StringComparer.Ordinal);
        var key = parts.GetValueOrDefault("k");
        var token = parts.GetValueOrDefault("t");
        if (key is null || token is null || (ExpectedVapidKey is not null && key != ExpectedVapidKey))
        {
            return "unexpected vapid key";
        }

        var publicKey = Base64Url.DecodeFromChars(key);
        using var ecdsa = ECDsa.Create(new ECParameters
        {
            Curve = ECCurve.NamedCurves.nistP256,
            Q = new ECPoint { X = publicKey[1..33], Y = publicKey[33..65] },
        });
        var pieces = token.Split('.');
        if (pieces.Length != 3)
        {
            return "malformed jwt";
        }

        using var header = JsonDocument.Parse(Base64Url.DecodeFromChars(pieces[0]));
        if (header.RootElement.GetProperty("alg").GetString() != "ES256")
        {
            return "not ES256";
        }

        if (!ecdsa.VerifyData(Encoding.ASCII.GetBytes($"{pieces[0]}.{pieces[1]}"), Base64Url.DecodeFromChars(pieces[2]), HashAlgorithmName.SHA256))
        {
            return "bad signature";
        }

        using var claims = JsonDocument.Parse(Base64Url.DecodeFromChars(pieces[1]));
        var now = TimeProvider.System.GetUtcNow().ToUnixTimeSeconds();
        var exp = claims.RootElement.GetProperty("exp").GetInt64();
        if (claims.RootElement.GetProperty("aud").GetString() != Origin)
        {
            return $"wrong audience {claims.RootElement.GetProperty("aud").GetString()}";
        }

        return exp <= now || exp > now + (24 * 3600) ? "expired or too long" : claims.RootElement.TryGetProperty("sub", out _) ? null : "no subject";
    }

    public async ValueTask DisposeAsync()
    {
        listener.Stop();
        listener.Close();
        await loop;
    }
}

public sealed record ReceivedPush(string Path, string Method, string? ContentEncoding, string? Ttl, byte[] Body, string? VapidProblem);

/// <summary>
/// A browser's side of a push subscription: its P-256 key pair and 16-byte auth secret, and the decryption of an
/// aes128gcm message (RFC 8188 framing, RFC 8291 key derivation).
/// </summary>
public sealed class TestDevice : IDisposable
{
    private readonly ECDiffieHellman key = ECDiffieHellman.Create(ECCurve.NamedCurves.nistP256);

    public TestDevice(PushServiceStandIn service)
    {
        Endpoint = $"{service.Origin}/push/{Guid.NewGuid():N}";
        RandomNumberGenerator.Fill(AuthSecret);
    }

    public string Endpoint { get; }

    public string Path => new Uri(Endpoint).AbsolutePath;

    public byte[] AuthSecret { get; } = new byte[16];

    public byte[] PublicKey
    {
        get
        {
            var q = key.ExportParameters(false).Q;
            return [0x04, .. q.X!, .. q.Y!];
        }
    }

    public object Subscription => new { endpoint = Endpoint, keys = new { p256dh = Base64Url.EncodeToString(PublicKey), auth = Base64Url.EncodeToString(AuthSecret) } };

    public string Decrypt(byte[] body)
    {
        // Header: salt (16), record size (4), key id length (1), key id = the server's ephemeral public key (65).
        var salt = body[..16];
        var recordSize = BinaryPrimitives.ReadUInt32BigEndian(body.AsSpan(16, 4));
        int idLength = body[20];
        var serverKey = body[21..(21 + idLength)];
        var cipher = body[(21 + idLength)..];
        Assert.Equal(65, idLength);
        Assert.True(cipher.Length <= recordSize, "one record");

        using var server = ECDiffieHellman.Create(new ECParameters
        {
            Curve = ECCurve.NamedCurves.nistP256,
            Q = new ECPoint { X = serverKey[1..33], Y = serverKey[33..65] },
        });
        var shared = key.DeriveRawSecretAgreement(server.PublicKey);

        // RFC 8291 §3.4: IKM from the ECDH secret and the auth secret, bound to both public keys.
        byte[] keyInfo = [.. "WebPush: info\0"u8, .. PublicKey, .. serverKey];
        var ikm = HKDF.DeriveKey(HashAlgorithmName.SHA256, shared, 32, AuthSecret, keyInfo);

        // RFC 8188 §2.2: content key and nonce from the salt.
        var cek = HKDF.DeriveKey(HashAlgorithmName.SHA256, ikm, 16, salt, "Content-Encoding: aes128gcm\0"u8.ToArray());
        var nonce = HKDF.DeriveKey(HashAlgorithmName.SHA256, ikm, 12, salt, "Content-Encoding: nonce\0"u8.ToArray());
        var plain = new byte[cipher.Length - 16];
        using var aes = new AesGcm(cek, 16);
        aes.Decrypt(nonce, cipher[..^16], cipher[^16..], plain);

        // The last record ends with the delimiter 0x02, then any padding zeros.
        var end = Array.LastIndexOf(plain, (byte)0x02);
        Assert.True(end >= 0 && plain[(end + 1)..].All(b => b == 0), "padding delimiter");
        return Encoding.UTF8.GetString(plain, 0, end);
    }

    public void Dispose() => key.Dispose();
}
