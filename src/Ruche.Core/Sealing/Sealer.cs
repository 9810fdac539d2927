using System.Security.Cryptography;
using System.Text;

namespace Ruche.Core.Sealing;

/// <summary>
/// Encrypts what the database must hold but must not reveal (reporting-channel cases, ballots waiting to be mixed):
/// AES-256-GCM with a key kept outside the database (<see cref="SealingKey"/>), so a dump of the database alone reveals
/// nothing. Each sealed value names its purpose as associated data: a value sealed for one purpose does not open as
/// another, so a column cannot be copied into another and read there.
/// </summary>
public sealed class Sealer(SealingKey key)
{
    private const byte Version = 1;
    private const int NonceSize = 12;
    private const int TagSize = 16;

    public byte[] Seal(ReadOnlySpan<byte> plain, string purpose)
    {
        var sealedValue = new byte[1 + NonceSize + TagSize + plain.Length];
        sealedValue[0] = Version;
        var nonce = sealedValue.AsSpan(1, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(key.Bytes, TagSize);
        aes.Encrypt(nonce, plain, sealedValue.AsSpan(1 + NonceSize + TagSize), sealedValue.AsSpan(1 + NonceSize, TagSize), Encoding.UTF8.GetBytes(purpose));
        return sealedValue;
    }

    /// <summary>Opens a value sealed for <paramref name="purpose"/>; a value altered, sealed for another purpose or with another key throws.</summary>
    public byte[] Open(ReadOnlySpan<byte> sealedValue, string purpose)
    {
        if (sealedValue.Length < 1 + NonceSize + TagSize || sealedValue[0] != Version)
        {
            throw new CryptographicException("Not a value sealed by Ruche.");
        }
        var plain = new byte[sealedValue.Length - 1 - NonceSize - TagSize];
        using var aes = new AesGcm(key.Bytes, TagSize);
        aes.Decrypt(sealedValue.Slice(1, NonceSize), sealedValue[(1 + NonceSize + TagSize)..], sealedValue.Slice(1 + NonceSize, TagSize), plain, Encoding.UTF8.GetBytes(purpose));
        return plain;
    }

    /// <summary>
    /// A keyed fingerprint (HMAC-SHA-256) of <paramref name="value"/> for <paramref name="purpose"/>: lets the database
    /// find a value again (a receipt, a case code) without holding it, and without the key nobody can test guesses.
    /// </summary>
    public byte[] Fingerprint(string value, string purpose) =>
        HMACSHA256.HashData(key.Bytes, Encoding.UTF8.GetBytes($"{purpose}\n{value}"));

    public byte[] SealText(string text, string purpose) => Seal(Encoding.UTF8.GetBytes(text), purpose);

    public string OpenText(ReadOnlySpan<byte> sealedValue, string purpose) => Encoding.UTF8.GetString(Open(sealedValue, purpose));
}
