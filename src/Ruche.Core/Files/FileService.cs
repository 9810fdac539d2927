using Microsoft.EntityFrameworkCore;
using Ruche.Core.Common;
using Ruche.Core.Data;
using Ruche.Core.Posts;

namespace Ruche.Core.Files;

/// <summary>Accepting uploaded images and handing files only to those allowed to read them.</summary>
public sealed class FileService(RucheDbContext db, IFileStore store, TimeProvider time)
{
    public async Task<StoredFile> UploadImageAsync(Viewer viewer, Stream content, string? fileName, FilePurpose purpose, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await CopyBoundedAsync(content, buffer, Limits.ImageMaxBytes, cancellationToken);
        if (buffer.Length == 0)
        {
            throw RucheException.Invalid("image.empty", "The file is empty.");
        }

        var contentType = ImageFormat.Detect(buffer.GetBuffer().AsSpan(0, (int)Math.Min(buffer.Length, 16)))
            ?? throw RucheException.Invalid("image.not-an-image", "Only PNG, JPEG, GIF and WebP images are accepted.");

        var file = new StoredFile
        {
            Id = Guid.CreateVersion7(),
            OwnerId = viewer.PersonId,
            ContentType = contentType,
            Length = buffer.Length,
            FileName = SafeFileName(fileName),
            CreatedAt = time.UtcNow(),
            Purpose = purpose,
        };
        buffer.Position = 0;
        await store.WriteAsync(file.Id, buffer, cancellationToken);
        try
        {
            db.Files.Add(file);
            await db.SaveChangesAsync(cancellationToken);
        }
        catch
        {
            store.Delete(file.Id);
            throw;
        }

        return file;
    }

    /// <summary>
    /// Opens a file for a reader: profile photos are company-wide; a post image follows its post's
    /// visibility; an image not yet attached is its uploader's alone. Anything else is "not found".
    /// </summary>
    public async Task<(StoredFile File, Stream Content)> OpenAsync(Viewer viewer, Guid fileId, CancellationToken cancellationToken)
    {
        var me = viewer.PersonId;
        var file = await db.Files.AsNoTracking().SingleOrDefaultAsync(
            f => f.Id == fileId
                && ((f.Purpose == FilePurpose.ProfilePhoto && db.People.Any(p => p.PhotoFileId == f.Id))
                    || (f.OwnerId == me && !db.PostImages.Any(i => i.FileId == f.Id))
                    || db.PostImages.Any(i => i.FileId == f.Id && db.Posts.VisibleTo(me).Any(p => p.Id == i.PostId))),
            cancellationToken) ?? throw RucheException.NotFound("file.not-found", "No such file.");
        return (file, store.OpenRead(file.Id));
    }

    /// <summary>Removes images a person uploaded but no post took (a refused post's attachments).</summary>
    public async Task DiscardUnattachedAsync(Viewer viewer, IReadOnlyCollection<Guid> fileIds, CancellationToken cancellationToken)
    {
        if (fileIds.Count == 0)
        {
            return;
        }

        var ids = fileIds.ToList();
        var orphans = await db.Files
            .Where(f => ids.Contains(f.Id) && f.OwnerId == viewer.PersonId && !db.PostImages.Any(i => i.FileId == f.Id) && !db.People.Any(p => p.PhotoFileId == f.Id))
            .Select(f => f.Id).ToListAsync(cancellationToken);
        await db.Files.Where(f => orphans.Contains(f.Id)).ExecuteDeleteAsync(cancellationToken);
        foreach (var id in orphans)
        {
            store.Delete(id);
        }
    }

    private static async Task CopyBoundedAsync(Stream source, Stream target, long limit, CancellationToken cancellationToken)
    {
        var chunk = new byte[81920];
        int read;
        while ((read = await source.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (target.Length + read > limit)
            {
                throw RucheException.Invalid("image.too-large", $"An image is at most {limit / (1024 * 1024)} MB.");
            }

            await target.WriteAsync(chunk.AsMemory(0, read), cancellationToken);
        }
    }

    /// <summary>Keeps a display name only: no directories, no control characters, bounded length.</summary>
    internal static string SafeFileName(string? fileName)
    {
        var name = Path.GetFileName((fileName ?? string.Empty).Replace('\\', '/'));
        name = new string(name.Where(c => !char.IsControl(c) && c is not '"' and not '/' and not ':').ToArray()).Trim().TrimStart('.');
        if (name.Length == 0)
        {
            return "image";
        }

        return name.Length > 100 ? name[..100] : name;
    }
}
