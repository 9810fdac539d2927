using System.Linq.Expressions;
using Ruche.Core.Data;
using Ruche.Core.Spaces;

namespace Ruche.Core.Library;

/// <summary>
/// The one rule for who reads a library's folders and files: whoever reads their space (<see cref="SpaceRules.IsReadableBy"/>).
/// Pages, the API, downloads (<see cref="LibraryAttachments"/>), counts and search all go through it.
/// </summary>
public static class LibraryQueries
{
    public static IQueryable<LibraryFile> VisibleTo(this IQueryable<LibraryFile> files, long viewerId) => files.Where(f => f.IsReadableBy(viewerId));

    public static IQueryable<LibraryFolder> VisibleTo(this IQueryable<LibraryFolder> folders, long viewerId) => folders.Where(f => f.IsReadableBy(viewerId));

    public static IQueryable<LibraryFileVersion> VisibleTo(this IQueryable<LibraryFileVersion> versions, long viewerId) =>
        versions.Where(v => v.File!.IsReadableBy(viewerId));

    [ExpandedFrom(nameof(FileReadableByRule))]
    public static bool IsReadableBy(this LibraryFile file, long personId) => throw ExpandedFromAttribute.OutsideAQuery();

    [ExpandedFrom(nameof(FolderReadableByRule))]
    public static bool IsReadableBy(this LibraryFolder folder, long personId) => throw ExpandedFromAttribute.OutsideAQuery();

    private static readonly Expression<Func<LibraryFile, long, bool>> FileReadableByRule = (f, personId) => f.Space!.IsReadableBy(personId);

    private static readonly Expression<Func<LibraryFolder, long, bool>> FolderReadableByRule = (f, personId) => f.Space!.IsReadableBy(personId);
}
