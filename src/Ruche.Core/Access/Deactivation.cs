using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Ruche.Core.Common;
using Ruche.Core.Data;
using Ruche.Core.People;

namespace Ruche.Core.Access;

/// <summary>
/// Deactivating or reactivating a person, whoever asks (an administrator, the company directory): deactivating signs
/// them out everywhere (cookies fail their next stamp check, sign-in tokens stop now) and never leaves the company
/// without an active administrator. One audited transaction.
/// </summary>
internal static class Deactivation
{
    /// <summary>Returns false when the person already was in that state (nothing written).</summary>
    public static async Task<bool> SetActiveAsync(
        RucheDbContext db, UserManager<Person> users, Audit.AuditLog audit, TimeProvider time, Person person, bool active, long? actorId, string auditAction, CancellationToken cancellationToken)
    {
        if (person.IsActive == active)
        {
            return false;
        }

        if (!active && await users.IsInRoleAsync(person, RoleNames.Administrator))
        {
            await Administrators.RequireAnotherThanAsync(users, person.Id);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        person.IsActive = active;
        Check(await users.UpdateSecurityStampAsync(person));
        if (!active)
        {
            var now = time.UtcNow();
            await db.AccessTokens.Where(t => t.PersonId == person.Id && t.Kind == AccessTokenKind.SignIn && t.RevokedAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.RevokedAt, now), cancellationToken);
        }

        await audit.RecordAsync(actorId, auditAction, $"person:{person.Id}", null, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw RucheException.Invalid("account." + result.Errors.First().Code, string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }
}
