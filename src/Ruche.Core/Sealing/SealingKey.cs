using System.Security.Cryptography;

namespace Ruche.Core.Sealing;

/// <summary>
/// The 256-bit key of <see cref="Sealer"/>, never stored in the database: from configuration (<c>Ruche:SealingKey</c>,
/// base64 — an environment variable or a secret store in production, and the same on every node), or else from a key
/// file beside the embedded database, created on first start and readable by its owner only. Losing it loses what was
/// sealed with it; docs/deployment.md says how to keep it.
/// </summary>
public sealed class SealingKey
{
    public const int Size = 32;

    private SealingKey(byte[] bytes) => Bytes = bytes;

    internal byte[] Bytes { get; }

    public static SealingKey FromBase64(string base64)
    {
        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(base64.Trim());
        }
        catch (FormatException)
        {
            throw new InvalidOperationException("Ruche:SealingKey must be 32 bytes in base64 (e.g. `openssl rand -base64 32`).");
        }
        return bytes.Length == Size
            ? new SealingKey(bytes)
            : throw new InvalidOperationException("Ruche:SealingKey must be 32 bytes in base64 (e.g. `openssl rand -base64 32`).");
    }

    /// <summary>Reads the key file, or creates it (owner read/write only) when it does not exist yet.</summary>
    public static SealingKey FromFile(string path) =>
        (File.Exists(path) ? null : TryCreate(path)) ?? FromBase64(File.ReadAllText(path));

    /// <summary>A new key written to <paramref name="path"/>; null when another process created the file first (its key is read).</summary>
    private static SealingKey? TryCreate(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var key = RandomNumberGenerator.GetBytes(Size);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        try
        {
            using var stream = new FileStream(path, options);
            using var writer = new StreamWriter(stream);
            writer.Write(Convert.ToBase64String(key));
        }
        catch (IOException) when (File.Exists(path))
        {
            return null;
        }

        return new SealingKey(key);
    }

    public static SealingKey Random() => new(RandomNumberGenerator.GetBytes(Size));
}
