using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Ruche.Core.Common;
using Ruche.Core.Data;
using Microsoft.Extensions.Options;

namespace Ruche.Core.Files;

/// <summary>
/// Accepting uploads — documents and images, their type read from their content (<see cref="FileTypes"/>), images
/// decoded and re-encoded without metadata (<see cref="ImagePipeline"/>), within the size limits and the company's
/// quota — and handing files only to those allowed to read them (ADR 26).
/// </summary>
public sealed class FileService(
    RucheDbContext db,
    IDatabaseProvider provider,
    IFileStore store,
    IEnumerable<IFileAttachments> attachments,
    UnattachedFiles unattached,
    ImagePipeline images,
    IOptions<FileSettings> settings,
    TimeProvider time)
{
    /// <summary>The longest file name kept (longer ones lose the end of their stem, not their extension).</summary>
    public const int FileNameMaxLength = 100;

    /// <summary>The resource uploads take turns on while they check the quota and insert their row.</summary>
    private const string QuotaLock = "files.quota";

    public Task<StoredFile> UploadImageAsync(Viewer viewer, Stream content, string? fileName, FilePurpose purpose, CancellationToken cancellationToken) =>
        UploadImageAsync(viewer, content, fileName, purpose, null, cancellationToken);

    /// <summary>Stores an image with what it shows (<paramref name="altText"/>, optional); anything else is refused ("image.not-an-image").</summary>
    public Task<StoredFile> UploadImageAsync(Viewer viewer, Stream content, string? fileName, FilePurpose purpose, string? altText, CancellationToken cancellationToken) =>
        StoreAsync(viewer, content, fileName, purpose, altText, imageOnly: true, cancellationToken);

    /// <summary>
    /// Stores a document or an image, whichever its content is (<see cref="StoredFile.Kind"/>); a purpose that shows
    /// images only (post images, profile photos) refuses a document. Limits: <see cref="Limits.ImageMaxBytes"/> and
    /// <see cref="Limits.ImageMaxPixels"/> for an image, <see cref="Limits.DocumentMaxBytes"/> for a document, and the
    /// company's quota (<see cref="FileSettings.QuotaBytes"/>, "file.quota-exceeded"). Nothing is kept of a refused upload.
    /// </summary>
    public Task<StoredFile> UploadAsync(Viewer viewer, Stream content, string? fileName, FilePurpose purpose, string? altText, CancellationToken cancellationToken) =>
        StoreAsync(viewer, content, fileName, purpose, altText, imageOnly: ImagesOnly(purpose), cancellationToken);

    /// <summary>Purposes whose files are shown as pictures, never downloaded as documents.</summary>
    public static bool ImagesOnly(FilePurpose purpose) => purpose is FilePurpose.PostImage or FilePurpose.ProfilePhoto;

    private async Task<StoredFile> StoreAsync(
        Viewer viewer, Stream content, string? fileName, FilePurpose purpose, string? altText, bool imageOnly, CancellationToken cancellationToken)
    {
        var alt = string.IsNullOrWhiteSpace(altText) ? null : altText.Trim();
        if (alt is { Length: > Limits.ImageAltTextMaxLength })
        {
            throw RucheException.Invalid("image.alt-too-long", $"An image's description holds at most {Limits.ImageAltTextMaxLength} characters.");
        }

        await using var buffer = new FileStream(
            Path.Combine(Path.GetTempPath(), $"ruche-upload-{Guid.NewGuid():N}"), FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 81920,
            FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        await CopyBoundedAsync(content, buffer, imageOnly, cancellationToken);
        if (buffer.Length == 0)
        {
            throw RucheException.Invalid(imageOnly ? "image.empty" : "file.empty", "The file is empty.");
        }

        var type = FileTypes.Detect(buffer, CleanFileName(fileName));
        if (imageOnly && type.Kind != FileKind.Image)
        {
            throw RucheException.Invalid("image.not-an-image", "Only PNG, JPEG, GIF and WebP images are accepted.");
        }

        var file = new StoredFile
        {
            Id = Guid.NewGuid(),
            OwnerId = viewer.PersonId,
            ContentType = type.ContentType,
            Kind = type.Kind,
            Length = buffer.Length,
            FileName = SafeFileName(fileName, type.Kind),
            CreatedAt = time.UtcNow(),
            Purpose = purpose,
            AltText = type.Kind == FileKind.Image ? alt : null,
        };

        ProcessedImage? image = null;
        if (type.Kind == FileKind.Image)
        {
            image = await images.ProcessAsync(buffer, settings.Value.KeepOriginals, cancellationToken);
            file.ContentType = image.ContentType;
            file.Length = image.Main.Length;
            file.Renditions = image.Flags;
            file.RenditionBytes = image.RenditionBytes;
            file.Width = image.Width;
            file.Height = image.Height;
        }

        // A first look before anything reaches the store (most refusals end here); the check that counts is below.
        await CheckRoomAsync(viewer, file, cancellationToken);
        try
        {
            if (image is null)
            {
                buffer.Position = 0;
                await store.WriteAsync(file.Id, null, buffer, cancellationToken);
            }
            else
            {
                await store.WriteAsync(file.Id, null, new MemoryStream(image.Main, writable: false), cancellationToken);
                foreach (var (name, bytes) in image.Renditions)
                {
                    await store.WriteAsync(file.Id, name, new MemoryStream(bytes, writable: false), cancellationToken);
                }
            }

            // Check and insert take turns across uploads and nodes (PostgreSQL: an advisory lock; SQLite: its one
            // writer), so uploads at the same instant cannot pass the quota or a person's cap by their own sizes.
            var own = db.Database.CurrentTransaction is null;
            await using var transaction = own ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
            await provider.SerializeAsync(db, QuotaLock, cancellationToken);
            await CheckRoomAsync(viewer, file, cancellationToken);
            db.Files.Add(file);
            await db.SaveChangesAsync(cancellationToken);
            if (transaction is not null)
            {
                await transaction.CommitAsync(cancellationToken);
            }
        }
        catch
        {
            // Whatever reached the store goes, even when the request was cancelled meanwhile.
            await store.DeleteAsync(file.Id, CancellationToken.None);
            db.Entry(file).State = EntityState.Detached;
            throw;
        }

        return file;
    }

    /// <summary>
    /// Refuses a file the company's quota (<see cref="FileSettings.QuotaBytes"/>, "file.quota-exceeded") or its
    /// uploader's cap (<see cref="FileSettings.PersonDailyBytes"/>, "file.person-limit") has no room for: the cap counts
    /// what the person uploaded in the last 24 hours and whatever of theirs nothing has taken yet.
    /// </summary>
    private async Task CheckRoomAsync(Viewer viewer, StoredFile file, CancellationToken cancellationToken)
    {
        var size = file.Length + file.RenditionBytes;
        var used = await db.Files.SumAsync(f => f.Length + f.RenditionBytes, cancellationToken);
        if (used + size > settings.Value.QuotaBytes)
        {
            throw RucheException.Invalid("file.quota-exceeded", "The company's storage is full: delete files or ask an administrator to raise the quota.");
        }

        var me = viewer.PersonId;
        var since = time.UtcNow() - UnattachedFiles.Lifetime;
        var recent = await db.Files.Where(f => f.OwnerId == me && f.CreatedAt >= since).SumAsync(f => f.Length + f.RenditionBytes, cancellationToken);
        var waiting = await db.Files.Where(f => f.OwnerId == me && f.CreatedAt < since).Where(unattached.Condition())
            .SumAsync(f => f.Length + f.RenditionBytes, cancellationToken);
        if (recent + waiting + size > settings.Value.PersonDailyBytes)
        {
            throw RucheException.Invalid(
                "file.person-limit", "You have uploaded as much as one person may in 24 hours: attach or delete what you uploaded, or try again later.");
        }
    }

    /// <summary>Opens a file's main content for a reader allowed to read it (see <see cref="ReadableAsync"/>).</summary>
    public async Task<(StoredFile File, Stream Content)> OpenAsync(Viewer viewer, Guid fileId, CancellationToken cancellationToken)
    {
        var opened = await OpenAsync(viewer, fileId, FileSize.Feed, acceptsWebp: false, cancellationToken);
        return (opened.File, opened.Content);
    }

    /// <summary>
    /// Opens the rendition of an image a reader asks for — WebP when their browser takes it, else JPEG or PNG — or a
    /// document's content. Images uploaded before renditions existed have their main content only, served at every size.
    /// </summary>
    public async Task<OpenedFile> OpenAsync(Viewer viewer, Guid fileId, FileSize size, bool acceptsWebp, CancellationToken cancellationToken)
    {
        var file = await ReadableAsync(viewer, fileId, cancellationToken);
        foreach (var (rendition, contentType) in Candidates(file, size, acceptsWebp))
        {
            if (await store.OpenReadAsync(file.Id, rendition, cancellationToken) is { } content)
            {
                return new OpenedFile(file, content, contentType, rendition);
            }
        }

        throw RucheException.NotFound("file.not-found", "No such file.");
    }

    /// <summary>Renditions that answer a request, best first; the main content always last.</summary>
    private static IEnumerable<(string? Rendition, string ContentType)> Candidates(StoredFile file, FileSize size, bool acceptsWebp)
    {
        var has = file.Renditions;
        if (size == FileSize.Original && has.HasFlag(FileRenditions.Original))
        {
            yield return (FileRendition.Original, file.ContentType);
        }

        if (size == FileSize.Thumb)
        {
            if (acceptsWebp && has.HasFlag(FileRenditions.ThumbWebp))
            {
                yield return (FileRendition.ThumbWebp, "image/webp");
            }

            if (has.HasFlag(FileRenditions.Thumb))
            {
                yield return (FileRendition.Thumb, file.ContentType);
            }
        }

        if (acceptsWebp && has.HasFlag(FileRenditions.FeedWebp))
        {
            yield return (FileRendition.FeedWebp, "image/webp");
        }

        yield return (null, file.ContentType);
    }

    /// <summary>
    /// A file the viewer may read: profile photos are company-wide; an attached file follows the read rule of what it is
    /// attached to (<see cref="IFileAttachments"/>: a post image, its post's); a file not yet attached is its
    /// uploader's alone. Anything else is "not found". One query.
    /// </summary>
    private async Task<StoredFile> ReadableAsync(Viewer viewer, Guid fileId, CancellationToken cancellationToken)
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
        return await db.Files.AsNoTracking().Where(f => f.Id == fileId).Where(readable).SingleOrDefaultAsync(cancellationToken)
            ?? throw RucheException.NotFound("file.not-found", "No such file.");
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
            await store.DeleteAsync(id, cancellationToken);
        }
    }

    /// <summary>
    /// Copies the upload to <paramref name="target"/>, refusing it once past its limit without reading the rest: an
    /// image's when its first bytes say image (or only images are accepted), a document's otherwise.
    /// </summary>
    private static async Task CopyBoundedAsync(Stream source, Stream target, bool imageOnly, CancellationToken cancellationToken)
    {
        var chunk = new byte[81920];
        var first = await source.ReadAtLeastAsync(chunk, 16, throwOnEndOfStream: false, cancellationToken);
        var image = imageOnly || ImageFormat.Detect(chunk.AsSpan(0, first)) is not null;
        var limit = image ? Limits.ImageMaxBytes : Limits.DocumentMaxBytes;
        var read = first;
        while (read > 0)
        {
            if (target.Length + read > limit)
            {
                throw image
                    ? RucheException.Invalid("image.too-large", $"An image is at most {limit / (1024 * 1024)} MB.")
                    : RucheException.Invalid("file.too-large", $"A document is at most {limit / (1024 * 1024)} MB.");
            }

            await target.WriteAsync(chunk.AsMemory(0, read), cancellationToken);
            read = await source.ReadAsync(chunk, cancellationToken);
        }

        await target.FlushAsync(cancellationToken);
    }

    internal static string SafeFileName(string? fileName) => SafeFileName(fileName, FileKind.Image);

    /// <summary>
    /// Keeps a display name only: no directories, no control characters, no invisible formatting characters (Unicode
    /// category Cf: bidi overrides and isolates such as U+202E, which make <c>invoice\u202Efdp.exe</c> read as
    /// "invoiceexe.pdf", zero-width spaces and joiners, soft hyphens), no line or paragraph separators; at most
    /// <see cref="FileNameMaxLength"/> characters, keeping the extension when the stem is cut.
    /// </summary>
    internal static string SafeFileName(string? fileName, FileKind kind)
    {
        var name = CleanFileName(fileName);
        if (name.Length == 0)
        {
            return kind == FileKind.Image ? "image" : "document";
        }

        if (name.Length <= FileNameMaxLength)
        {
            return name;
        }

        var extension = Path.GetExtension(name);
        extension = extension.Length is > 1 and <= 16 ? extension : string.Empty;
        return Cut(name[..^extension.Length], FileNameMaxLength - extension.Length).TrimEnd() + extension;
    }

    /// <summary>The name without directories or characters that hide, reorder or break what is shown (not yet bounded).</summary>
    private static string CleanFileName(string? fileName)
    {
        var name = Path.GetFileName((fileName ?? string.Empty).Replace('\\', '/'));
        var kept = new System.Text.StringBuilder(name.Length);
        foreach (var rune in name.EnumerateRunes())
        {
            var category = System.Text.Rune.GetUnicodeCategory(rune);
            if (category is not (System.Globalization.UnicodeCategory.Control or System.Globalization.UnicodeCategory.Format
                    or System.Globalization.UnicodeCategory.LineSeparator or System.Globalization.UnicodeCategory.ParagraphSeparator
                    or System.Globalization.UnicodeCategory.Surrogate or System.Globalization.UnicodeCategory.OtherNotAssigned)
                && rune != System.Text.Rune.ReplacementChar && rune.Value is not ('"' or '/' or ':'))
            {
                kept.Append(rune.ToString());
            }
        }

        return kept.ToString().Trim().TrimStart('.');
    }

    /// <summary>At most <paramref name="length"/> characters, never cutting a surrogate pair in two.</summary>
    private static string Cut(string text, int length) =>
        text.Length <= length ? text : text[..(char.IsHighSurrogate(text[length - 1]) ? length - 1 : length)];
}
