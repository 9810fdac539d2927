using Microsoft.EntityFrameworkCore;
using Ruche.Core.Common;
using Ruche.Core.Data;
using Ruche.Core.Files;
using Ruche.Core.Spaces;

namespace Ruche.Core.Library;

/// <summary>
/// Changing a space's file library: folders (create, rename, delete when empty), files and their versions (upload,
/// delete), and counting a download. Every input is checked before any change; each change is one transaction.
/// </summary>
public sealed class LibraryService(
    RucheDbContext db,
    IDatabaseProvider provider,
    SpaceService spaces,
    FileService files,
    IFileStore store,
    Audit.AuditLog audit,
    TimeProvider time)
{
    /// <summary>The space, when the viewer reads it, and what they may do in its library.</summary>
    internal static async Task<(SpaceSummary Space, LibraryPermissions Can)> RequireSpaceAsync(SpaceService spaces, Viewer viewer, long spaceId, CancellationToken cancellationToken)
    {
        var space = await spaces.GetReadableAsync(viewer, spaceId, "Only the space's members see its files.", cancellationToken);
        return (space, LibraryRights.Of(space.CanPost, space.CanModerate));
    }

    public async Task<long> CreateFolderAsync(Viewer viewer, long spaceId, string? name, long? parentId, CancellationToken cancellationToken)
    {
        var (_, can) = await RequireSpaceAsync(spaces, viewer, spaceId, cancellationToken);
        RequireOrganise(can);
        var folderName = LibraryInputs.FolderName(name);
        var tree = await TreeAsync(spaceId, cancellationToken);
        if (parentId is { } parent)
        {
            if (!tree.ContainsKey(parent))
            {
                throw FolderNotFound();
            }

            if (Depth(tree, parent) >= LibraryInputs.MaxDepth)
            {
                throw RucheException.Invalid("library.folder-too-deep", $"Folders nest at most {LibraryInputs.MaxDepth} deep.");
            }
        }

        RequireUniqueFolder(tree.Values, parentId, folderName, null);
        var folder = new LibraryFolder { SpaceId = spaceId, ParentId = parentId, Name = folderName, CreatedById = viewer.PersonId, CreatedAt = time.UtcNow() };
        db.Add(folder);
        await db.SaveChangesAsync(cancellationToken);
        return folder.Id;
    }

    public async Task RenameFolderAsync(Viewer viewer, long spaceId, long folderId, string? name, CancellationToken cancellationToken)
    {
        var (_, can) = await RequireSpaceAsync(spaces, viewer, spaceId, cancellationToken);
        var tree = await TreeAsync(spaceId, cancellationToken);
        if (!tree.TryGetValue(folderId, out var current))
        {
            throw FolderNotFound();
        }

        RequireOrganise(can);
        var folderName = LibraryInputs.FolderName(name);
        if (folderName == current.Name)
        {
            return;
        }

        RequireUniqueFolder(tree.Values, current.ParentId, folderName, folderId);
        await db.Set<LibraryFolder>().Where(f => f.Id == folderId && f.SpaceId == spaceId)
            .ExecuteUpdateAsync(s => s.SetProperty(f => f.Name, folderName), cancellationToken);
    }

    /// <summary>Deletes an empty folder (its author, the space's moderators): a folder never takes files with it.</summary>
    public async Task DeleteFolderAsync(Viewer viewer, long spaceId, long folderId, CancellationToken cancellationToken)
    {
        var (_, can) = await RequireSpaceAsync(spaces, viewer, spaceId, cancellationToken);
        var folder = await db.Set<LibraryFolder>().Where(f => f.Id == folderId && f.SpaceId == spaceId)
            .Select(f => new
            {
                f.CreatedById,
                Children = db.Set<LibraryFolder>().Any(c => c.ParentId == f.Id),
                Files = db.Set<LibraryFile>().Any(x => x.FolderId == f.Id),
            })
            .SingleOrDefaultAsync(cancellationToken) ?? throw FolderNotFound();
        if (!LibraryRights.MayDelete(can, folder.CreatedById == viewer.PersonId))
        {
            throw RucheException.Forbidden("library.delete-forbidden", "Only its author or the space's moderators delete it.");
        }

        if (folder.Children || folder.Files)
        {
            throw RucheException.Conflict("library.folder-not-empty", "Only an empty folder is deleted.");
        }

        // Under the space's names lock, which uploads and moves take too: none lands in the folder as it goes.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await provider.SerializeAsync(db, NamesLock(spaceId), cancellationToken);
        var deleted = await db.Set<LibraryFolder>()
            .Where(f => f.Id == folderId && !db.Set<LibraryFolder>().Any(c => c.ParentId == f.Id) && !db.Set<LibraryFile>().Any(x => x.FolderId == f.Id))
            .ExecuteDeleteAsync(cancellationToken);
        if (deleted == 0)
        {
            throw RucheException.Conflict("library.folder-not-empty", "Only an empty folder is deleted.");
        }

        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>
    /// Adds a file to a folder (null: the root) as its first version, or — when a file of that name (whatever its case)
    /// is already there — as that file's next version. Returns the file's id. Uploads of one space take turns on their
    /// names, so two uploads of one name at the same instant give two versions of one file, never two files.
    /// </summary>
    public async Task<long> UploadAsync(Viewer viewer, long spaceId, long? folderId, Stream content, string? fileName, CancellationToken cancellationToken)
    {
        var (_, can) = await RequireSpaceAsync(spaces, viewer, spaceId, cancellationToken);
        RequireOrganise(can);
        if (folderId is { } folder && !await db.Set<LibraryFolder>().AnyAsync(f => f.Id == folder && f.SpaceId == spaceId, cancellationToken))
        {
            throw FolderNotFound();
        }

        var stored = await StoreAsync(viewer, content, fileName, cancellationToken);
        try
        {
            var now = time.UtcNow();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await provider.SerializeAsync(db, NamesLock(spaceId), cancellationToken);
            if (folderId is { } stillThere && !await db.Set<LibraryFolder>().AnyAsync(f => f.Id == stillThere, cancellationToken))
            {
                // Deleted since it was checked above: nothing of ours stays.
                await transaction.RollbackAsync(cancellationToken);
                await files.DiscardUnattachedAsync(viewer, [stored.Id], CancellationToken.None);
                throw FolderNotFound();
            }

            var existing = await SameNameAsync(spaceId, folderId, stored.FileName, cancellationToken);
            long id;
            if (existing is { } fileId)
            {
                await AddVersionAsync(viewer, fileId, stored, now, cancellationToken);
                id = fileId;
            }
            else
            {
                var file = new LibraryFile
                {
                    SpaceId = spaceId,
                    FolderId = folderId,
                    Name = stored.FileName,
                    CreatedById = viewer.PersonId,
                    CreatedAt = now,
                    UpdatedAt = now,
                    Versions = [new LibraryFileVersion { Number = 1, StoredFileId = stored.Id, UploadedById = viewer.PersonId, UploadedAt = now }],
                };
                db.Add(file);
                await db.SaveChangesAsync(cancellationToken);
                id = file.Id;
            }

            await transaction.CommitAsync(cancellationToken);
            return id;
        }
        catch
        {
            db.ChangeTracker.Clear();
            await files.DiscardUnattachedAsync(viewer, [stored.Id], CancellationToken.None);
            throw;
        }
    }

    /// <summary>Uploads a new version of a file; the earlier ones stay in its history. Returns the version's number.</summary>
    public async Task<int> UploadVersionAsync(Viewer viewer, long spaceId, long fileId, Stream content, string? fileName, CancellationToken cancellationToken)
    {
        var (_, can) = await RequireSpaceAsync(spaces, viewer, spaceId, cancellationToken);
        if (!await db.Set<LibraryFile>().AnyAsync(f => f.Id == fileId && f.SpaceId == spaceId, cancellationToken))
        {
            throw FileNotFound();
        }

        RequireOrganise(can);
        var stored = await StoreAsync(viewer, content, fileName, cancellationToken);
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await provider.SerializeAsync(db, NamesLock(spaceId), cancellationToken);
            var number = await AddVersionAsync(viewer, fileId, stored, time.UtcNow(), cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return number;
        }
        catch (DbUpdateException)
        {
            // The file went meanwhile, or another version took this number (the unique index): nothing of ours stays.
            db.ChangeTracker.Clear();
            await files.DiscardUnattachedAsync(viewer, [stored.Id], CancellationToken.None);
            throw RucheException.Conflict("library.version-conflict", "Another version was uploaded at the same time; try again.");
        }
        catch
        {
            db.ChangeTracker.Clear();
            await files.DiscardUnattachedAsync(viewer, [stored.Id], CancellationToken.None);
            throw;
        }
    }

    /// <summary>
    /// Moves a file to another folder of its space (null: the root), with every version: its author or the space's
    /// moderators; a name already in the target folder is refused ("library.file-exists").
    /// </summary>
    public async Task MoveFileAsync(Viewer viewer, long spaceId, long fileId, long? folderId, CancellationToken cancellationToken)
    {
        var (_, can) = await RequireSpaceAsync(spaces, viewer, spaceId, cancellationToken);
        var file = await db.Set<LibraryFile>().Where(f => f.Id == fileId && f.SpaceId == spaceId)
            .Select(f => new { f.Name, f.FolderId, f.CreatedById }).SingleOrDefaultAsync(cancellationToken) ?? throw FileNotFound();
        if (!LibraryRights.MayDelete(can, file.CreatedById == viewer.PersonId))
        {
            throw RucheException.Forbidden("library.move-forbidden", "Only its author or the space's moderators move it.");
        }

        if (folderId is { } target && !await db.Set<LibraryFolder>().AnyAsync(f => f.Id == target && f.SpaceId == spaceId, cancellationToken))
        {
            throw FolderNotFound();
        }

        if (file.FolderId == folderId)
        {
            return;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await provider.SerializeAsync(db, NamesLock(spaceId), cancellationToken);
        if (folderId is { } stillThere && !await db.Set<LibraryFolder>().AnyAsync(f => f.Id == stillThere, cancellationToken))
        {
            throw FolderNotFound();
        }

        if (await SameNameAsync(spaceId, folderId, file.Name, cancellationToken) is not null)
        {
            throw RucheException.Conflict("library.file-exists", "A file of this name is already there.");
        }

        await db.Set<LibraryFile>().Where(f => f.Id == fileId).ExecuteUpdateAsync(s => s.SetProperty(f => f.FolderId, folderId), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>The resource a space's uploads and moves take turns on (names in its folders, version numbers).</summary>
    private static string NamesLock(long spaceId) => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"library.names:{spaceId}");

    /// <summary>The file of this name in the folder, whatever its case (compared here: providers differ on case).</summary>
    private async Task<long?> SameNameAsync(long spaceId, long? folderId, string name, CancellationToken cancellationToken)
    {
        var here = await db.Set<LibraryFile>().Where(f => f.SpaceId == spaceId && f.FolderId == folderId)
            .Select(f => new { f.Id, f.Name }).ToListAsync(cancellationToken);
        return here.FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase))?.Id;
    }

    /// <summary>Adds the next version of a file (inside the caller's transaction and turn); returns its number.</summary>
    private async Task<int> AddVersionAsync(Viewer viewer, long fileId, StoredFile stored, DateTime now, CancellationToken cancellationToken)
    {
        var last = await db.Set<LibraryFileVersion>().Where(v => v.LibraryFileId == fileId).MaxAsync(v => (int?)v.Number, cancellationToken) ?? 0;
        db.Add(new LibraryFileVersion { LibraryFileId = fileId, Number = last + 1, StoredFileId = stored.Id, UploadedById = viewer.PersonId, UploadedAt = now });
        await db.SaveChangesAsync(cancellationToken);
        await db.Set<LibraryFile>().Where(f => f.Id == fileId).ExecuteUpdateAsync(s => s.SetProperty(f => f.UpdatedAt, now), cancellationToken);
        return last + 1;
    }

    /// <summary>Deletes a file with every version (its author, the space's moderators).</summary>
    public async Task DeleteFileAsync(Viewer viewer, long spaceId, long fileId, CancellationToken cancellationToken)
    {
        var (_, can) = await RequireSpaceAsync(spaces, viewer, spaceId, cancellationToken);
        var file = await db.Set<LibraryFile>().Where(f => f.Id == fileId && f.SpaceId == spaceId)
            .Select(f => new { f.CreatedById, f.Name, Stored = f.Versions.Select(v => v.StoredFileId).ToList() })
            .SingleOrDefaultAsync(cancellationToken) ?? throw FileNotFound();
        if (!LibraryRights.MayDelete(can, file.CreatedById == viewer.PersonId))
        {
            throw RucheException.Forbidden("library.delete-forbidden", "Only its author or the space's moderators delete it.");
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Set<LibraryFile>().Where(f => f.Id == fileId).ExecuteDeleteAsync(cancellationToken);
        await db.Files.Where(f => file.Stored.Contains(f.Id)).ExecuteDeleteAsync(cancellationToken);
        if (file.CreatedById != viewer.PersonId)
        {
            await audit.RecordAsync(viewer.PersonId, "moderation.library-file-deleted", $"library-file:{fileId}", new { author = file.CreatedById, space = spaceId }, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        foreach (var id in file.Stored)
        {
            await store.DeleteAsync(id, CancellationToken.None);
        }
    }

    /// <summary>
    /// A download of a version the viewer may read: counted (one more, never who) unless its own uploader fetches it;
    /// returns the stored file to serve (<c>/files/{id}</c> checks the read rule again).
    /// </summary>
    public async Task<Guid> DownloadAsync(Viewer viewer, long spaceId, long versionId, CancellationToken cancellationToken)
    {
        var me = viewer.PersonId;
        var version = await db.Set<LibraryFileVersion>().VisibleTo(me).Where(v => v.Id == versionId && v.File!.SpaceId == spaceId)
            .Select(v => new { v.StoredFileId, v.UploadedById }).SingleOrDefaultAsync(cancellationToken) ?? throw FileNotFound();
        if (version.UploadedById != me)
        {
            await db.Set<LibraryFileVersion>().Where(v => v.Id == versionId)
                .ExecuteUpdateAsync(s => s.SetProperty(v => v.DownloadCount, v => v.DownloadCount + 1), cancellationToken);
        }

        return version.StoredFileId;
    }

    private Task<StoredFile> StoreAsync(Viewer viewer, Stream content, string? fileName, CancellationToken cancellationToken) =>
        files.UploadAsync(viewer, content, fileName, FilePurpose.LibraryFile, null, cancellationToken);

    private async Task<Dictionary<long, LibraryFolder>> TreeAsync(long spaceId, CancellationToken cancellationToken) =>
        await db.Set<LibraryFolder>().AsNoTracking().Where(f => f.SpaceId == spaceId).ToDictionaryAsync(f => f.Id, cancellationToken);

    private static int Depth(Dictionary<long, LibraryFolder> tree, long folderId)
    {
        var depth = 0;
        for (long? at = folderId; at is { } id && tree.TryGetValue(id, out var folder) && depth <= tree.Count; at = folder.ParentId)
        {
            depth++;
        }

        return depth;
    }

    private static void RequireUniqueFolder(IEnumerable<LibraryFolder> folders, long? parentId, string name, long? except)
    {
        if (folders.Any(f => f.ParentId == parentId && f.Id != except && string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase)))
        {
            throw RucheException.Conflict("library.folder-exists", "A folder of this name is already here.");
        }
    }

    private static void RequireOrganise(LibraryPermissions can)
    {
        if (!can.Organise)
        {
            throw RucheException.Forbidden("library.members-only", "Only those who may post in the space add and organise its files.");
        }
    }

    internal static RucheException FolderNotFound() => RucheException.NotFound("library.folder-not-found", "No such folder in this library.");

    internal static RucheException FileNotFound() => RucheException.NotFound("library.file-not-found", "No such file in this library.");
}
