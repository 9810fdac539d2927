using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text.Json;

namespace Ruche.Web.Push;

/// <summary>
/// The server's VAPID identity (RFC 8292): a P-256 key pair, base64url (public: 65 bytes uncompressed; private: 32
/// bytes), and a contact subject. From configuration (Push:VapidPublicKey, Push:VapidPrivateKey, Push:Subject); in
/// Development, tests and the demo a pair is generated once and kept in the data folder, never in the repository.
/// </summary>
public sealed record VapidKeys(string PublicKey, string PrivateKey, string Subject)
{
    public const string FileName = "vapid-keys.json";

    /// <summary>The configured keys, the data folder's generated ones where allowed, or null: push is then off.</summary>
    public static VapidKeys? Resolve(IConfiguration configuration, IHostEnvironment environment, bool demo, string dataDir, Uri publicUrl)
    {
        var subject = configuration["Push:Subject"] is { Length: > 0 } configured ? configured
            : publicUrl.Scheme == Uri.UriSchemeHttps ? publicUrl.GetLeftPart(UriPartial.Authority)
            : "mailto:push@ruche.invalid";
        if (configuration["Push:VapidPublicKey"] is { Length: > 0 } publicKey && configuration["Push:VapidPrivateKey"] is { Length: > 0 } privateKey)
        {
            return new VapidKeys(publicKey, privateKey, subject);
        }

        if (!(environment.IsDevelopment() || environment.IsEnvironment("Testing") || demo))
        {
            return null;
        }

        var path = Path.Combine(dataDir, FileName);
        if (File.Exists(path) && JsonSerializer.Deserialize<StoredPair>(File.ReadAllText(path)) is { } stored)
        {
            return new VapidKeys(stored.PublicKey, stored.PrivateKey, subject);
        }

        var generated = Generate();
        Directory.CreateDirectory(dataDir);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        try
        {
            using var file = new StreamWriter(path, options);
            file.Write(JsonSerializer.Serialize(generated));
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another node of the same data folder wrote it first: use theirs.
            return Resolve(configuration, environment, demo, dataDir, publicUrl);
        }

        return new VapidKeys(generated.PublicKey, generated.PrivateKey, subject);
    }

    public static StoredPair Generate()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var parameters = key.ExportParameters(includePrivateParameters: true);
        var publicKey = new byte[65];
        publicKey[0] = 0x04;
        parameters.Q.X!.CopyTo(publicKey, 1);
        parameters.Q.Y!.CopyTo(publicKey, 33);
        return new StoredPair(Base64Url.EncodeToString(publicKey), Base64Url.EncodeToString(parameters.D));
    }

    public sealed record StoredPair(string PublicKey, string PrivateKey);
}
