namespace Ruche.Core.Files;

/// <summary>
/// An image decoded and re-encoded (<see cref="ImagePipeline"/>): its main content (feed size, JPEG or PNG) and its
/// renditions, each without any metadata.
/// </summary>
public sealed record ProcessedImage(string ContentType, int Width, int Height, byte[] Main, IReadOnlyDictionary<string, byte[]> Renditions)
{
    public FileRenditions Flags => Renditions.Keys.Aggregate(FileRenditions.None, (flags, name) => flags | name switch
    {
        FileRendition.FeedWebp => FileRenditions.FeedWebp,
        FileRendition.Thumb => FileRenditions.Thumb,
        FileRendition.ThumbWebp => FileRenditions.ThumbWebp,
        FileRendition.Original => FileRenditions.Original,
        _ => FileRenditions.None,
    });

    public long RenditionBytes => Renditions.Values.Sum(r => (long)r.Length);
}
