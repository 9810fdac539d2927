using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Ruche.Core.Common;
using Ruche.Core.Data;

namespace Ruche.Core.Files;

/// <summary>Accepting uploaded images and handing files only to those allowed to read them.</summary>
public sealed class FileService(RucheDbContext db, IFileStore store, IEnumerable<IFileAttachments> attachments, TimeProvider time)
{
    public Task<StoredFile> UploadImageAsync(Viewer viewer, Stream content, string? fileName, FilePurpose purpose, CancellationToken cancellationToken) =>
        UploadImageAsync(viewer, content, fileName, purpose, null, cancellationToken);

    /// <summary>Stores an image with what it shows (<paramref name="altText"/>, optional), read aloud to those who cannot see it.</summary>
    public async Task<StoredFile> UploadImageAsync(Viewer viewer, Stream content, string? fileName, FilePurpose purpose, string? altText, CancellationToken cancellationToken)
    {
        var alt = string.IsNullOrWhiteSpace(altText) ? null : altText.Trim();
        if (alt is { Length: > Limits.ImageAltTextMaxLength })
        {
            throw RucheException.Invalid("image.alt-too-long", $"An image's description holds at most {Limits.ImageAltTextMaxLength} characters.");
        }

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
            AltText = alt,
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
    /// Opens a file for a reader: profile photos are company-wide; an attached file follows the read rule of what it is
    /// attached to (<see cref="IFileAttachments"/>: a post image, its post's); a file not yet attached is its
    /// uploader's alone. Anything else is "not found". One query.
    /// </summary>
    public async Task<(StoredFile File, Stream Content)> OpenAsync(Viewer viewer, Guid fileId, CancellationToken cancellationToken)
    {
        var me = viewer.PersonId;
        var candidate = Expression.Parameter(typeof(StoredFile), "candidate");
        Expression<Func<StoredFile, bool>> photo = f => f.Purpose == FilePurpose.ProfilePhoto && db.People.Any(p => p.PhotoFileId == f.Id);
        Expression<Func<StoredFile, bool>> uploaded = f => f.OwnerId == me;
        var readable = Expression.Lambda<Func<StoredFile, bool>>(
            Expression.OrElse(
                Lambda.Apply(photo, candidate),
                Expression.OrElse(
                    Expression.AndAlso(Lambda.Apply(uploaded, candidate), Expression.Not(Lambda.Apply(Attached(), candidate))),
                    AnyOf(attachments.Select(a => a.ReadableBy(db, me)), candidate))),
            candidate);
        var file = await db.Files.AsNoTracking().Where(f => f.Id == fileId).Where(readable).SingleOrDefaultAsync(cancellationToken)
            ?? throw RucheException.NotFound("file.not-found", "No such file.");
        return (file, store.OpenRead(file.Id));
    }

    /// <summary>Files some feature has attached to its content.</summary>
    private Expression<Func<StoredFile, bool>> Attached()
    {
        var f = Expression.Parameter(typeof(StoredFile), "f");
        return Expression.Lambda<Func<StoredFile, bool>>(AnyOf(attachments.Select(a => a.Attached(db)), f), f);
    }

    private static Expression AnyOf(IEnumerable<Expression<Func<StoredFile, bool>>> conditions, ParameterExpression file) =>
        conditions.Aggregate((Expression)Expression.Constant(false), (any, condition) => Expression.OrElse(any, Lambda.Apply(condition, file)));

    /// <summary>Removes images a person uploaded but no post took (a refused post's attachments).</summary>
    public async Task DiscardUnattachedAsync(Viewer viewer, IReadOnlyCollection<Guid> fileIds, CancellationToken cancellationToken)
    {
        if (fileIds.Count == 0)
        {
            return;
        }

        var ids = fileIds.ToList();
        var attached = Attached();
        var orphans = await db.Files
            .Where(f => ids.Contains(f.Id) && f.OwnerId == viewer.PersonId && !db.People.Any(p => p.PhotoFileId == f.Id))
            .Where(Expression.Lambda<Func<StoredFile, bool>>(Expression.Not(attached.Body), attached.Parameters))
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
