using Microsoft.EntityFrameworkCore;
using Ruche.Core.Common;
using Ruche.Core.Data;
using Ruche.Core.People;
using Ruche.Core.Spaces;

namespace Ruche.Core.Library;

/// <summary>Reading a space's library: a folder's content, a file's versions. Only through the space's read rule.</summary>
public sealed class LibraryReader(RucheDbContext db, SpaceService spaces, TimeProvider time)
{
    /// <summary>A folder (null: the root) with its subfolders and files, in four queries whatever their number.</summary>
    public async Task<LibraryListing> ListAsync(Viewer viewer, long spaceId, long? folderId, CancellationToken cancellationToken)
    {
        var (space, can) = await LibraryService.RequireSpaceAsync(spaces, viewer, spaceId, cancellationToken);
        var me = viewer.PersonId;
        var tree = await db.Set<LibraryFolder>().AsNoTracking().VisibleTo(me).Where(f => f.SpaceId == spaceId).ToDictionaryAsync(f => f.Id, cancellationToken);
        if (folderId is { } id && !tree.ContainsKey(id))
        {
            throw LibraryService.FolderNotFound();
        }

        var fileCounts = await db.Set<LibraryFile>().Where(f => f.SpaceId == spaceId && f.FolderId != null)
            .GroupBy(f => f.FolderId).Select(g => new { Folder = g.Key!.Value, Count = g.Count() })
            .ToDictionaryAsync(g => g.Folder, g => g.Count, cancellationToken);
        LibraryFolderView View(LibraryFolder f) => new(
            f.Id,
            f.Name,
            f.ParentId,
            tree.Values.Count(c => c.ParentId == f.Id),
            fileCounts.GetValueOrDefault(f.Id),
            can.Organise,
            LibraryRights.MayDelete(can, f.CreatedById == me));
        var folders = tree.Values.Where(f => f.ParentId == folderId).OrderBy(f => f.Name, StringComparer.CurrentCultureIgnoreCase).Select(View).ToList();
        var files = await Rows(db.Set<LibraryFile>().VisibleTo(me).Where(f => f.SpaceId == spaceId && f.FolderId == folderId), me, can)
            .ToListAsync(cancellationToken);
        return new LibraryListing(
            new SpaceRef(space.Id, space.Name, space.Visibility),
            folderId is { } current ? View(tree[current]) : null,
            PathTo(tree, folderId),
            folders,
            files.OrderBy(f => f.Name, StringComparer.CurrentCultureIgnoreCase).ToList(),
            can);
    }

    /// <summary>A file with every version, newest first; the download counts are the reader's own versions' only.</summary>
    public async Task<LibraryFileDetail> GetAsync(Viewer viewer, long spaceId, long fileId, CancellationToken cancellationToken)
    {
        var (space, can) = await LibraryService.RequireSpaceAsync(spaces, viewer, spaceId, cancellationToken);
        var me = viewer.PersonId;
        var now = time.UtcNow();
        var file = await db.Set<LibraryFile>().VisibleTo(me).Where(f => f.Id == fileId && f.SpaceId == spaceId)
            .Select(f => new { f.Id, f.Name, f.FolderId, f.CreatedById })
            .SingleOrDefaultAsync(cancellationToken) ?? throw LibraryService.FileNotFound();
        var versions = await db.Set<LibraryFileVersion>().Where(v => v.LibraryFileId == fileId).OrderByDescending(v => v.Number)
            .Select(v => new LibraryVersionView(
                v.Id,
                v.Number,
                v.StoredFileId,
                v.Stored!.FileName,
                v.Stored.ContentType,
                v.Stored.Length,
                PersonRefs.Of(v.UploadedBy!, now),
                v.UploadedAt,
                v.UploadedById == me ? (int?)v.DownloadCount : null))
            .ToListAsync(cancellationToken);
        var tree = await db.Set<LibraryFolder>().AsNoTracking().Where(f => f.SpaceId == spaceId).ToDictionaryAsync(f => f.Id, cancellationToken);
        return new LibraryFileDetail(
            file.Id,
            new SpaceRef(space.Id, space.Name, space.Visibility),
            file.Name,
            file.FolderId,
            PathTo(tree, file.FolderId),
            versions,
            can.Organise,
            LibraryRights.MayDelete(can, file.CreatedById == me))
        {
            Folders = LibraryRights.MayDelete(can, file.CreatedById == me)
                ? [.. tree.Keys.Select(id => new LibraryCrumb(id, string.Join(" / ", PathTo(tree, id).Select(c => c.Name)))).OrderBy(c => c.Name, StringComparer.CurrentCulture)]
                : [],
        };
    }

    private IQueryable<LibraryFileRow> Rows(IQueryable<LibraryFile> files, long me, LibraryPermissions can)
    {
        var now = time.UtcNow();
        var moderates = can.Moderate;
        var organises = can.Organise;
        return files.Select(f => new LibraryFileRow(
            f.Id,
            f.Name,
            f.FolderId,
            f.Versions.Count,
            f.Versions.OrderByDescending(v => v.Number).Select(v => new LibraryVersionView(
                v.Id,
                v.Number,
                v.StoredFileId,
                v.Stored!.FileName,
                v.Stored.ContentType,
                v.Stored.Length,
                PersonRefs.Of(v.UploadedBy!, now),
                v.UploadedAt,
                v.UploadedById == me ? (int?)v.DownloadCount : null)).First(),
            moderates || (organises && f.CreatedById == me)));
    }

    private static List<LibraryCrumb> PathTo(Dictionary<long, LibraryFolder> tree, long? folderId)
    {
        var path = new List<LibraryCrumb>();
        for (long? at = folderId; at is { } id && tree.TryGetValue(id, out var folder) && path.Count <= tree.Count; at = folder.ParentId)
        {
            path.Insert(0, new LibraryCrumb(folder.Id, folder.Name));
        }

        return path;
    }
}
