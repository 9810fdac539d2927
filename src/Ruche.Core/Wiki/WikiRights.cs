using Microsoft.EntityFrameworkCore;
using Ruche.Core.Common;
using Ruche.Core.Data;
using Ruche.Core.Spaces;

namespace Ruche.Core.Wiki;

/// <summary>
/// Who does what to a page, decided in one place (ADR 11): whoever may post in its space edits it, restores a revision,
/// attaches files and moves it in the space's tree; the space's owners and moderators also make a page one of the
/// space's templates. Its creator (while they may edit) and the space's moderators delete it, and administrators too
/// when the space is company-wide and not a union's or staff representatives' (the rule posts follow). Whoever reads it
/// comments. The pages show these permissions and <see cref="WikiService"/> and <see cref="WikiTreeService"/> check the
/// same ones.
/// </summary>
public static class WikiRights
{
    public static bool MayEdit(SpaceSummary space) => space.CanPost;

    public static bool MayMakeTemplates(SpaceSummary space) => space.CanPost && space.CanModerate;

    public static bool MayDelete(SpaceSummary space, bool isCreator, bool isAdministrator) =>
        space.CanModerate || (isCreator && MayEdit(space)) || (isAdministrator && space.Visibility == SpaceRef.CompanyWideVisibility && !space.MembersPrivate);

    /// <summary>The page's space, when the viewer reads the page and may edit it (a reader who may not post is refused, a non-reader finds nothing).</summary>
    internal static async Task<SpaceSummary> RequireEditableAsync(RucheDbContext db, SpaceService spaces, Viewer viewer, long pageId, CancellationToken cancellationToken)
    {
        var spaceId = await db.Set<WikiPage>().VisibleTo(viewer.PersonId).Where(p => p.Id == pageId).Select(p => (long?)p.SpaceId)
            .SingleOrDefaultAsync(cancellationToken) ?? throw WikiService.NotFound();
        var space = await spaces.GetAsync(viewer, spaceId, cancellationToken);
        return MayEdit(space) ? space
            : throw RucheException.Forbidden("wiki.edit-forbidden", "Only the members who may post in a space write its pages.");
    }
}
