using System.Globalization;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Identity;
using Ruche.Core.Common;
using Ruche.Core.People;

namespace Ruche.Core.Access;

/// <summary>
/// Time-based one-time passwords (RFC 6238, any authenticator app) as a second factor, with single-use
/// recovery codes for a lost phone. Built on ASP.NET Core Identity's authenticator token provider.
/// </summary>
public sealed class TwoFactorService(UserManager<Person> users, IUserStore<Person> store, Audit.AuditLog audit)
{
    public const int RecoveryCodeCount = 10;
    private const string Issuer = "Ruche";

    public async Task<TwoFactorStatus> StatusAsync(Viewer viewer)
    {
        var person = await PersonAsync(viewer);
        return new TwoFactorStatus(await users.GetTwoFactorEnabledAsync(person), await users.CountRecoveryCodesAsync(person));
    }

    /// <summary>The shared secret to enter in an authenticator app (a new one unless 2FA is already on).</summary>
    public async Task<AuthenticatorSetup> SetupAsync(Viewer viewer)
    {
        var person = await PersonAsync(viewer);
        if (await users.GetTwoFactorEnabledAsync(person))
        {
            throw RucheException.Conflict("two-factor.already-enabled", "Two-factor authentication is already on; turn it off first to change the authenticator.");
        }

        // A key being set up protects nothing yet, so the account's security stamp stays: changing it would sign the
        // person out of every session, this one included, before they had time to scan the code.
        await ((IUserAuthenticatorKeyStore<Person>)store).SetAuthenticatorKeyAsync(person, users.GenerateNewAuthenticatorKey(), CancellationToken.None);
        Check(await users.UpdateAsync(person));
        return await PendingSetupAsync(viewer) ?? throw new InvalidOperationException("Identity produced no authenticator key.");
    }

    /// <summary>The key being set up (after <see cref="SetupAsync"/>, before enabling), to show again after a wrong code.</summary>
    public async Task<AuthenticatorSetup?> PendingSetupAsync(Viewer viewer)
    {
        var person = await PersonAsync(viewer);
        if (await users.GetTwoFactorEnabledAsync(person) || await users.GetAuthenticatorKeyAsync(person) is not { } key)
        {
            return null;
        }

        var label = UrlEncoder.Default.Encode($"{Issuer}:{person.Email}");
        var uri = string.Create(CultureInfo.InvariantCulture, $"otpauth://totp/{label}?secret={key}&issuer={Issuer}&digits=6");
        return new AuthenticatorSetup(key, uri);
    }

    /// <summary>Turns 2FA on once the person proves their app shows the right code; returns the recovery codes, shown once.</summary>
    public async Task<IReadOnlyList<string>> EnableAsync(Viewer viewer, string? code)
    {
        var person = await PersonAsync(viewer);
        if (await users.GetAuthenticatorKeyAsync(person) is null)
        {
            throw RucheException.Conflict("two-factor.not-set-up", "Set up an authenticator first.");
        }

        await RequireValidCodeAsync(person, code);
        Check(await users.SetTwoFactorEnabledAsync(person, true));
        await audit.RecordAsync(person.Id, "two-factor.enabled", $"person:{person.Id}");
        return (await users.GenerateNewTwoFactorRecoveryCodesAsync(person, RecoveryCodeCount))?.ToList() ?? [];
    }

    public async Task DisableAsync(Viewer viewer, string? code)
    {
        var person = await PersonAsync(viewer);
        if (!await users.GetTwoFactorEnabledAsync(person))
        {
            return;
        }

        await RequireValidCodeAsync(person, code);
        Check(await users.SetTwoFactorEnabledAsync(person, false));
        Check(await users.ResetAuthenticatorKeyAsync(person));
        await audit.RecordAsync(person.Id, "two-factor.disabled", $"person:{person.Id}");
    }

    public async Task<IReadOnlyList<string>> RegenerateRecoveryCodesAsync(Viewer viewer, string? code)
    {
        var person = await PersonAsync(viewer);
        if (!await users.GetTwoFactorEnabledAsync(person))
        {
            throw RucheException.Conflict("two-factor.not-enabled", "Two-factor authentication is off.");
        }

        await RequireValidCodeAsync(person, code);
        return (await users.GenerateNewTwoFactorRecoveryCodesAsync(person, RecoveryCodeCount))?.ToList() ?? [];
    }

    /// <summary>Checks an authenticator code, or consumes a recovery code, for a person signing in through the API.</summary>
    public async Task<bool> VerifyForSignInAsync(Person person, string? code)
    {
        var trimmed = Normalize(code);
        if (trimmed.Length == 0)
        {
            return false;
        }

        return await users.VerifyTwoFactorTokenAsync(person, users.Options.Tokens.AuthenticatorTokenProvider, trimmed)
            || (await users.RedeemTwoFactorRecoveryCodeAsync(person, code!.Trim())).Succeeded;
    }

    private async Task RequireValidCodeAsync(Person person, string? code)
    {
        var trimmed = Normalize(code);
        if (trimmed.Length == 0 || !await users.VerifyTwoFactorTokenAsync(person, users.Options.Tokens.AuthenticatorTokenProvider, trimmed))
        {
            throw RucheException.Invalid("two-factor.code-invalid", "The code is not the one the authenticator shows now.");
        }
    }

    private static string Normalize(string? code) => (code ?? string.Empty).Replace(" ", string.Empty, StringComparison.Ordinal).Replace("-", string.Empty, StringComparison.Ordinal);

    private async Task<Person> PersonAsync(Viewer viewer) =>
        await users.FindByIdAsync(viewer.PersonId.ToString(CultureInfo.InvariantCulture))
        ?? throw RucheException.NotFound("person.not-found", "No such person.");

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw RucheException.Invalid("account." + result.Errors.First().Code, string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }
}

public sealed record TwoFactorStatus(bool Enabled, int RecoveryCodesLeft);

public sealed record AuthenticatorSetup(string SharedKey, string AuthenticatorUri);
