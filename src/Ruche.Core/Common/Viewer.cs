namespace Ruche.Core.Common;

/// <summary>The person on whose behalf a use case runs, with the company roles they hold.</summary>
public sealed record Viewer(long PersonId, IReadOnlySet<string> Roles)
{
    public bool IsAdministrator => Roles.Contains(RoleNames.Administrator);

    public bool IsInRole(string role) => Roles.Contains(role);
}
