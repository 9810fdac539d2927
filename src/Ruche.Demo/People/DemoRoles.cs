using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Ruche.Core.Common;
using Ruche.Core.Data;

namespace Ruche.Demo.People;

/// <summary>Everyone is an employee; the roster gives a few people a second role (direction, HR, administrator…).</summary>
internal static class DemoRoles
{
    public static async Task<Dictionary<string, IdentityRole<long>>> EnsureAsync(RucheDbContext db, CancellationToken cancellationToken)
    {
        var roles = (await db.Roles.ToListAsync(cancellationToken))
            .Where(r => r.Name is not null)
            .ToDictionary(r => r.Name!, StringComparer.Ordinal);
        foreach (var name in RoleNames.All.Where(n => !roles.ContainsKey(n)))
        {
            var role = new IdentityRole<long> { Name = name, NormalizedName = name.ToUpperInvariant(), ConcurrencyStamp = Guid.NewGuid().ToString() };
            db.Roles.Add(role);
            roles[name] = role;
        }

        return roles;
    }

    public static void Assign(RucheDbContext db, DemoStaff staff, Dictionary<string, IdentityRole<long>> roles)
    {
        foreach (var member in staff.All)
        {
            db.UserRoles.Add(new IdentityUserRole<long> { UserId = member.Id, RoleId = roles[RoleNames.Employee].Id });
            if (member.Spec.Role is { } role && role != RoleNames.Employee)
            {
                db.UserRoles.Add(new IdentityUserRole<long> { UserId = member.Id, RoleId = roles[role].Id });
            }
        }
    }
}
