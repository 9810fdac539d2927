using Ruche.Core.Common;

namespace Ruche.Core.Recognition;

/// <summary>Who keeps the company's values and reads the figures per value: HR and administrators.</summary>
public static class RecognitionRights
{
    public static bool MayAdministerValues(Viewer viewer) => viewer.IsAdministrator || viewer.IsInRole(RoleNames.HumanResources);

    public static void RequireValuesAdministrator(Viewer viewer)
    {
        if (!MayAdministerValues(viewer))
        {
            throw RucheException.Forbidden("value.admin-only", "HR and administrators keep the company's values.");
        }
    }
}
