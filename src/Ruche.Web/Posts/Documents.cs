using Ruche.Core.Common;
using Ruche.Core.Files;

namespace Ruche.Web.Posts;

/// <summary>Documents attached to posts and comments, uploaded through the one upload path of files.</summary>
public static class Documents
{
    /// <summary>What a document is uploaded for: a post (the default) or a comment.</summary>
    public static FilePurpose PurposeFor(string? target) => target switch
    {
        null or "" or "post" => FilePurpose.PostDocument,
        "comment" => FilePurpose.CommentDocument,
        _ => throw RucheException.Invalid("document.for-invalid", "A document is for a post or a comment."),
    };

    /// <summary>Stores a document of any kind the files feature accepts (its type read from its content).</summary>
    public static Task<StoredFile> UploadAsync(FileService files, Viewer viewer, Stream content, string? fileName, FilePurpose purpose, CancellationToken cancellationToken) =>
        files.UploadAsync(viewer, content, fileName, purpose, null, cancellationToken);

    /// <summary>Whether an uploaded file is an image (from its first bytes, never its name): images go with the post's pictures.</summary>
    public static async Task<bool> IsImageAsync(IFormFile file)
    {
        var header = new byte[16];
        await using var stream = file.OpenReadStream();
        var read = await stream.ReadAtLeastAsync(header, header.Length, throwOnEndOfStream: false);
        return ImageFormat.Detect(header.AsSpan(0, read)) is not null;
    }
}
