using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Ruche.Core.Common;
using Ruche.Core.Data;
using Ruche.Core.People;

namespace Ruche.Core.Access;

/// <summary>
/// A person's passkeys (WebAuthn credentials kept by ASP.NET Core Identity in AspNetUserPasskeys): listing, naming
/// and removing them. The ceremonies themselves need HTTP state and run in the web host (Auth/PasskeyForms).
/// </summary>
public sealed class PasskeyService(RucheDbContext db, UserManager<Person> users, Audit.AuditLog audit)
{
    public async Task<IReadOnlyList<PasskeySummary>> ListAsync(Viewer viewer, CancellationToken cancellationToken)
    {
        var rows = await db.UserPasskeys.AsNoTracking().Where(p => p.UserId == viewer.PersonId)
            .Select(p => new { p.CredentialId, p.Data.Name, p.Data.CreatedAt, p.Data.IsBackedUp }).ToListAsync(cancellationToken);
        return rows.OrderBy(p => p.CreatedAt)
            .Select(p => new PasskeySummary(WebEncoders.Base64UrlEncode(p.CredentialId), p.Name ?? string.Empty, p.CreatedAt, p.IsBackedUp))
            .ToList();
    }

    /// <summary>Checks a new passkey may be added before the browser is asked to make one.</summary>
    public async Task RequireRoomAsync(Viewer viewer, CancellationToken cancellationToken)
    {
        if (await db.UserPasskeys.CountAsync(p => p.UserId == viewer.PersonId, cancellationToken) >= Limits.PasskeysPerPerson)
        {
            throw RucheException.Conflict("passkey.too-many", $"A person keeps at most {Limits.PasskeysPerPerson} passkeys.");
        }
    }

    /// <summary>Stores a passkey whose attestation the web host has verified.</summary>
    public async Task<PasskeySummary> AddAsync(Viewer viewer, UserPasskeyInfo passkey, string? name, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(passkey);
        passkey.Name = ValidName(name);
        await RequireRoomAsync(viewer, cancellationToken);
        var person = await PersonAsync(viewer);
        if (await users.FindByPasskeyIdAsync(passkey.CredentialId) is not null)
        {
            throw RucheException.Conflict("passkey.already-registered", "This passkey is already registered.");
        }

        Check(await users.AddOrUpdatePasskeyAsync(person, passkey));
        var id = WebEncoders.Base64UrlEncode(passkey.CredentialId);
        await audit.RecordAsync(person.Id, "passkey.added", $"person:{person.Id}", new { passkey = id }, cancellationToken);
        return new PasskeySummary(id, passkey.Name, passkey.CreatedAt, passkey.IsBackedUp);
    }

    public async Task RenameAsync(Viewer viewer, string? id, string? name)
    {
        var validName = ValidName(name);
        var person = await PersonAsync(viewer);
        var passkey = await users.GetPasskeyAsync(person, CredentialId(id)) ?? throw NotFound();
        passkey.Name = validName;
        Check(await users.AddOrUpdatePasskeyAsync(person, passkey));
    }

    /// <summary>Removes one of the viewer's passkeys; someone else's is "not found", never "forbidden", to leak nothing.</summary>
    public async Task RemoveAsync(Viewer viewer, string? id, CancellationToken cancellationToken)
    {
        var credentialId = CredentialId(id);
        var person = await PersonAsync(viewer);
        if (await users.GetPasskeyAsync(person, credentialId) is null)
        {
            throw NotFound();
        }

        Check(await users.RemovePasskeyAsync(person, credentialId));
        await audit.RecordAsync(person.Id, "passkey.removed", $"person:{person.Id}", new { passkey = id }, cancellationToken);
    }

    private static string ValidName(string? name)
    {
        var trimmed = (name ?? string.Empty).Trim();
        if (trimmed.Length == 0 || trimmed.Length > Limits.PasskeyNameMaxLength || trimmed.Any(char.IsControl))
        {
            throw RucheException.Invalid("passkey.name-invalid", $"A passkey's name is 1 to {Limits.PasskeyNameMaxLength} characters.");
        }

        return trimmed;
    }

    private static byte[] CredentialId(string? id)
    {
        try
        {
            return string.IsNullOrEmpty(id) || id.Length > 1024 ? throw NotFound() : WebEncoders.Base64UrlDecode(id);
        }
        catch (FormatException)
        {
            throw NotFound();
        }
    }

    private static RucheException NotFound() => RucheException.NotFound("passkey.not-found", "No such passkey.");

    private async Task<Person> PersonAsync(Viewer viewer) =>
        await users.FindByIdAsync(viewer.PersonId.ToString(CultureInfo.InvariantCulture))
        ?? throw RucheException.NotFound("person.not-found", "No such person.");

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw RucheException.Invalid("passkey." + result.Errors.First().Code, string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }
}

/// <summary>What a person sees of a passkey: never its key material.</summary>
public sealed record PasskeySummary(string Id, string Name, DateTimeOffset CreatedAt, bool IsBackedUp);
