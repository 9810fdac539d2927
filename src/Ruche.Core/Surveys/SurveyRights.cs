using Ruche.Core.Common;

namespace Ruche.Core.Surveys;

/// <summary>
/// Who does what with pulse surveys, decided once: HR builds, opens and closes them; HR, administrators and direction
/// read results (aggregates above the thresholds only — nobody reads an answer, a respondent or a small group).
/// </summary>
public static class SurveyRights
{
    public static bool CanBuild(Viewer viewer) => viewer.IsInRole(RoleNames.HumanResources);

    public static bool CanReadResults(Viewer viewer) =>
        viewer.IsInRole(RoleNames.HumanResources) || viewer.IsAdministrator || viewer.IsInRole(RoleNames.Direction);

    public static void RequireBuilder(Viewer viewer)
    {
        if (!CanBuild(viewer))
        {
            throw RucheException.Forbidden("survey.hr-only", "Only HR builds, opens and closes surveys.");
        }
    }

    public static void RequireResultsReader(Viewer viewer)
    {
        if (!CanReadResults(viewer))
        {
            throw RucheException.Forbidden("survey.results-forbidden", "Only HR, administrators and direction read survey results.");
        }
    }
}
