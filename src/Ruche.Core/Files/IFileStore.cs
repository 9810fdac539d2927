namespace Ruche.Core.Files;

/// <summary>
/// Where file bytes live: a local folder by default, an S3-compatible bucket with several nodes (ADR 26). A file is
/// its id's main content (<c>rendition</c> null) and, for an image, named renditions (<see cref="FileRendition"/>).
/// Names are made from ids only, so no user input reaches a path or an object key.
/// </summary>
public interface IFileStore
{
    /// <summary>Stores the content whole or not at all: a failed or cancelled write leaves no partial file nor object.</summary>
    Task WriteAsync(Guid id, string? rendition, Stream content, CancellationToken cancellationToken);

    /// <summary>A seekable stream over the content (its Length known), or null when the store has none.</summary>
    Task<Stream?> OpenReadAsync(Guid id, string? rendition, CancellationToken cancellationToken);

    /// <summary>The content's length in bytes, or null when the store has none.</summary>
    Task<long?> LengthAsync(Guid id, string? rendition, CancellationToken cancellationToken);

    /// <summary>Deletes the main content and every rendition; what is already gone is not an error.</summary>
    Task DeleteAsync(Guid id, CancellationToken cancellationToken);
}

/// <summary>The names of an image's renditions in the store.</summary>
public static class FileRendition
{
    public const string FeedWebp = "feed.webp";
    public const string Thumb = "thumb";
    public const string ThumbWebp = "thumb.webp";
    public const string Original = "original";

    /// <summary>The store names of the renditions a file has (its main content, null, first).</summary>
    public static IEnumerable<string?> Of(FileRenditions renditions)
    {
        yield return null;
        if (renditions.HasFlag(FileRenditions.FeedWebp))
        {
            yield return FeedWebp;
        }

        if (renditions.HasFlag(FileRenditions.Thumb))
        {
            yield return Thumb;
        }

        if (renditions.HasFlag(FileRenditions.ThumbWebp))
        {
            yield return ThumbWebp;
        }

        if (renditions.HasFlag(FileRenditions.Original))
        {
            yield return Original;
        }
    }
}
