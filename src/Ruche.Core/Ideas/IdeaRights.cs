using Ruche.Core.Common;

namespace Ruche.Core.Ideas;

/// <summary>
/// Who triages an idea, decided in one place (ADR 11): HR and administrators for every idea they can read, and the
/// moderators of an idea's space for the ideas of that space. Everyone who reads an idea votes, comments and follows.
/// The pages show this permission and <see cref="IdeaService"/> checks the same one.
/// </summary>
public static class IdeaRights
{
    public static bool MayTriageAny(Viewer viewer) => viewer.IsAdministrator || viewer.IsInRole(RoleNames.HumanResources);

    public static bool MayTriage(Viewer viewer, bool moderatesItsSpace) => MayTriageAny(viewer) || moderatesItsSpace;
}
