using System.Security.Cryptography;
using System.Text;

namespace Ruche.Core.Reporting;

/// <summary>
/// What a reporter keeps to follow a case: a random code (which case) and a random secret (that it is theirs). The code
/// is stored as it is, to find the case; the secret only as a salted PBKDF2-SHA256 hash, so a database dump does not
/// open any case. Like GlobaLeaks' receipts, both are drawn at random and shown once. Both use an alphabet without
/// look-alikes (no 0/O, 1/I/L), in groups of four, and are read back whatever the case and separators typed.
/// </summary>
public static class CaseReceipts
{
    /// <summary>"XXXX-XXXX-XXXX": 12 characters of 5 bits each.</summary>
    public const int CodeLength = 14;

    private const string Alphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    private const int CodeSymbols = 12;
    private const int SecretSymbols = 24;
    private const int SaltSize = 16;
    private const int HashSize = 32;

    /// <summary>Slow enough that guessing secrets offline is costly, fast enough for a form (a few tens of ms).</summary>
    private const int Iterations = 210_000;

    /// <summary>A hash compared when the code matches no case, so a wrong code costs the same time as a wrong secret.</summary>
    private static readonly byte[] DecoySalt = RandomNumberGenerator.GetBytes(SaltSize);

    public static string NewCode() => Grouped(CodeSymbols);

    public static string NewSecret() => Grouped(SecretSymbols);

    /// <summary>Upper case, without spaces or dashes, regrouped: null for anything that cannot be a receipt.</summary>
    public static string? Normalize(string? typed, bool secret = false)
    {
        if (string.IsNullOrWhiteSpace(typed) || typed.Length > 64)
        {
            return null;
        }

        var symbols = new StringBuilder();
        foreach (var c in typed.ToUpperInvariant())
        {
            if (c is '-' or ' ')
            {
                continue;
            }

            if (!Alphabet.Contains(c, StringComparison.Ordinal))
            {
                return null;
            }

            symbols.Append(c);
        }

        return symbols.Length == (secret ? SecretSymbols : CodeSymbols) ? Group(symbols.ToString()) : null;
    }

    public static (byte[] Salt, byte[] Hash) HashSecret(string secret)
    {
        var salt = RandomNumberGenerator.GetBytes(SaltSize);
        return (salt, Derive(secret, salt));
    }

    /// <summary>Whether the secret matches; with no stored hash (unknown code, anonymised case), a decoy is derived all the same.</summary>
    public static bool Matches(string secret, byte[]? salt, byte[]? hash)
    {
        var derived = Derive(secret, salt ?? DecoySalt);
        return hash is not null && CryptographicOperations.FixedTimeEquals(derived, hash);
    }

    private static byte[] Derive(string secret, byte[] salt) =>
        Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(secret), salt, Iterations, HashAlgorithmName.SHA256, HashSize);

    private static string Grouped(int symbols)
    {
        var chars = new char[symbols];
        for (var i = 0; i < symbols; i++)
        {
            chars[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        }

        return Group(new string(chars));
    }

    private static string Group(string symbols) =>
        string.Join('-', Enumerable.Range(0, symbols.Length / 4).Select(i => symbols.Substring(i * 4, 4)));
}
