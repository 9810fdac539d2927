namespace Ruche.Core.Files;

/// <summary>Which rendition of an image a reader asks for (<c>/files/{id}?size=thumb|feed|original</c>); documents have one.</summary>
public enum FileSize
{
    /// <summary>At most <see cref="ImagePipeline.FeedSize"/> px a side: what feeds, pages and lightboxes show.</summary>
    Feed,

    /// <summary>At most <see cref="ImagePipeline.ThumbSize"/> px a side: grids, galleries, lists.</summary>
    Thumb,

    /// <summary>The full-size image when the company keeps originals, else the feed size.</summary>
    Original,
}

/// <summary>What a reader is handed: the file's record, the bytes of the rendition chosen and their type.</summary>
public sealed record OpenedFile(StoredFile File, Stream Content, string ContentType, string? Rendition);
