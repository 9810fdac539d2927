using System.Security.Cryptography;
using System.Text;

namespace Ruche.Core.Access;

/// <summary>Random secrets given out once, and the hashes stored in their place.</summary>
internal static class Secrets
{
    public static string New(string prefix) =>
        prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
}
