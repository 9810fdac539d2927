using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Ruche.Core.People;

namespace Ruche.Web.Auth;

/// <summary>
/// Checking a password costs one hash (about 40 ms at the production cost); refusing an unknown e-mail cost nothing, so
/// the time of the answer told who has an account. Sign-ins that cannot succeed without a password check (an unknown
/// or deactivated account, a locked one, which Identity refuses before hashing) verify the password against this
/// decoy hash instead: same algorithm, same cost, same answer as a wrong password.
/// </summary>
public sealed class PasswordDecoy
{
    private static readonly Person Nobody = new() { DisplayName = "decoy", Handle = "decoy", TimeZone = "UTC" };
    private readonly PasswordHasher<Person> hasher;
    private readonly Lazy<string> hash;

    public PasswordDecoy(IOptions<PasswordHasherOptions> options)
    {
        hasher = new PasswordHasher<Person>(options);
        hash = new Lazy<string>(() => hasher.HashPassword(Nobody, Guid.NewGuid().ToString("N")));
    }

    /// <summary>Spends the time of a password check; the decoy never matches.</summary>
    public void Spend(string? password) => hasher.VerifyHashedPassword(Nobody, hash.Value, password ?? string.Empty);
}
