using Ruche.Core.Spaces;

namespace Ruche.Core.Wiki;

/// <summary>
/// Who does what to a page, decided in one place (ADR 11): whoever may post in its space edits it, restores a revision
/// and attaches files; the space's owners and moderators also make a page one of the space's templates. Whoever reads
/// it comments. The pages show these permissions and <see cref="WikiService"/> checks the same ones.
/// </summary>
public static class WikiRights
{
    public static bool MayEdit(SpaceSummary space) => space.CanPost;

    public static bool MayMakeTemplates(SpaceSummary space) => space.CanPost && space.CanModerate;
}
