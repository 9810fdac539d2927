using Microsoft.EntityFrameworkCore;
using Ruche.Core.Data;
using Ruche.Core.PersonalData;

namespace Ruche.Core.Access;

/// <summary>A person's access tokens and passkeys, for their export (never the secrets themselves).</summary>
public sealed class AccessPersonalData(RucheDbContext db) : IPersonalDataSource
{
    public async Task ExportAsync(long personId, PersonalDataSections sections, CancellationToken cancellationToken)
    {
        sections.Add("accessTokens", await db.AccessTokens.AsNoTracking().Where(t => t.PersonId == personId)
            .Select(t => new { t.Name, kind = t.Kind.ToString(), t.CreatedAt, t.ExpiresAt, t.RevokedAt }).ToListAsync(cancellationToken));

        // What identifies each passkey to its owner; the public key and attestation are not personal data worth exporting.
        sections.Add("passkeys", await db.UserPasskeys.AsNoTracking().Where(p => p.UserId == personId)
            .Select(p => new { p.Data.Name, p.Data.CreatedAt, p.Data.IsBackedUp, p.Data.Transports }).ToListAsync(cancellationToken));
    }
}
