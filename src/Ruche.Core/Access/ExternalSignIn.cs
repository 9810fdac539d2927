using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Ruche.Core.Audit;
using Ruche.Core.Common;
using Ruche.Core.Data;
using Ruche.Core.People;

namespace Ruche.Core.Access;

/// <summary>Who a single-sign-on provider says signed in (claims already mapped).</summary>
public sealed record ExternalIdentity(
    string Provider,
    string Subject,
    string? Email,
    bool EmailVerified,
    string? Name,
    string? Department,
    string? Site);

/// <summary>
/// Finds the person behind a single-sign-on identity: one already linked; else an existing account with the
/// same e-mail, linked only when the provider verified that address; else a new person (just-in-time
/// provisioning) with the provider's name, department and site.
/// </summary>
public sealed class ExternalSignIn(RucheDbContext db, UserManager<Person> users, AccountService accounts, AuditLog audit)
{
    public async Task<Person> ResolveAsync(ExternalIdentity identity, CancellationToken cancellationToken)
    {
        if (await users.FindByLoginAsync(identity.Provider, identity.Subject) is { } linked)
        {
            return linked.IsActive ? linked : throw RucheException.Forbidden("auth.account-inactive", "This account is no longer active.");
        }

        if (string.IsNullOrWhiteSpace(identity.Email))
        {
            throw RucheException.Invalid("sso.email-missing", "The identity provider sent no e-mail address.");
        }

        var existing = await users.FindByEmailAsync(identity.Email);
        if (existing is not null)
        {
            // Linking on an unverified address would let anyone who controls a provider account take over a colleague's.
            if (!identity.EmailVerified)
            {
                throw RucheException.Forbidden("sso.email-unverified", "The identity provider did not verify this e-mail address, so it cannot be linked to the existing account.");
            }

            if (!existing.IsActive)
            {
                throw RucheException.Forbidden("auth.account-inactive", "This account is no longer active.");
            }

            Check(await users.AddLoginAsync(existing, new UserLoginInfo(identity.Provider, identity.Subject, identity.Provider)));
            await audit.RecordAsync(existing.Id, "sso.linked", $"person:{existing.Id}", new { provider = identity.Provider }, cancellationToken);
            return existing;
        }

        var person = await accounts.CreateAsync(new NewAccount(identity.Email, string.IsNullOrWhiteSpace(identity.Name) ? identity.Email : identity.Name, null, null), cancellationToken);
        person.DepartmentId = await db.Departments.Where(d => d.Name == identity.Department).Select(d => (long?)d.Id).FirstOrDefaultAsync(cancellationToken);
        var site = await db.Sites.Where(s => s.Name == identity.Site).Select(s => new { s.Id, s.TimeZone }).FirstOrDefaultAsync(cancellationToken);
        if (site is not null)
        {
            person.SiteId = site.Id;
            person.TimeZone = site.TimeZone;
        }

        await db.SaveChangesAsync(cancellationToken);
        Check(await users.AddLoginAsync(person, new UserLoginInfo(identity.Provider, identity.Subject, identity.Provider)));
        await audit.RecordAsync(person.Id, "sso.provisioned", $"person:{person.Id}", new { provider = identity.Provider }, cancellationToken);
        return person;
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw RucheException.Invalid("account." + result.Errors.First().Code, string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }
}
