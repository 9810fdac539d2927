using Ruche.Core.Common;

namespace Ruche.Core.Bdese;

/// <summary>
/// Who reads and who writes the BDESE, decided here once (ADR 19). Readers are the staff representatives, the union
/// delegates and the direction (art. L2312-36); the direction alone writes it, since the employer provides the database.
/// Everyone else — plain employees, HR and administrators without one of those roles — is told the BDESE does not exist
/// for them (404), on every page, API route and download.
/// </summary>
public static class BdeseAccess
{
    public static bool Reads(Viewer viewer) =>
        viewer.IsInRole(RoleNames.StaffRepresentative) || viewer.IsInRole(RoleNames.UnionDelegate) || viewer.IsInRole(RoleNames.Direction);

    public static bool Writes(Viewer viewer) => viewer.IsInRole(RoleNames.Direction);

    public static void RequireReader(Viewer viewer)
    {
        if (!Reads(viewer))
        {
            throw NotFound();
        }
    }

    public static void RequireWriter(Viewer viewer)
    {
        RequireReader(viewer);
        if (!Writes(viewer))
        {
            throw RucheException.Forbidden("bdese.writer-required", "Only the direction writes the BDESE.");
        }
    }

    public static RucheException NotFound() => RucheException.NotFound("bdese.not-found", "No such BDESE item.");
}
