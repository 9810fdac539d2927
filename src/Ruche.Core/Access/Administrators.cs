using Microsoft.AspNetCore.Identity;
using Ruche.Core.Common;
using Ruche.Core.People;

namespace Ruche.Core.Access;

/// <summary>The company keeps at least one active administrator, whichever way one would leave (roles, erasure, directory).</summary>
internal static class Administrators
{
    /// <summary>Refuses anyone but an administrator.</summary>
    public static void Require(Viewer viewer)
    {
        if (!viewer.IsAdministrator)
        {
            throw RucheException.Forbidden("administrator-required", "Only administrators may do this.");
        }
    }

    /// <summary>Refuses when no active administrator other than this person would be left.</summary>
    public static async Task RequireAnotherThanAsync(UserManager<Person> users, long personId)
    {
        if (!(await users.GetUsersInRoleAsync(RoleNames.Administrator)).Any(a => a.Id != personId && a.IsActive))
        {
            throw RucheException.Conflict("role.last-administrator", "The company keeps at least one administrator.");
        }
    }
}
