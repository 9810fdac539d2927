using Ruche.Core.Common;

namespace Ruche.Core.Irritants;

/// <summary>Who handles irritants (assigns, sets the status, answers, sees those past their target): HR and administrators.</summary>
public static class IrritantRights
{
    public static bool MayHandle(Viewer viewer) => viewer.IsInRole(RoleNames.HumanResources) || viewer.IsAdministrator;
}
