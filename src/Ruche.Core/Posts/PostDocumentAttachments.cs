using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Ruche.Core.Common;
using Ruche.Core.Data;
using Ruche.Core.Files;

namespace Ruche.Core.Posts;

/// <summary>Documents of a post or of one of its comments are read by whoever may read the post (<see cref="PostQueries.VisibleTo"/>).</summary>
public sealed class PostDocumentAttachments : IFileAttachments
{
    public Expression<Func<StoredFile, bool>> Attached(RucheDbContext db) =>
        f => db.Set<PostDocument>().Any(d => d.FileId == f.Id) || db.Set<CommentDocument>().Any(d => d.FileId == f.Id);

    public Expression<Func<StoredFile, bool>> ReadableBy(RucheDbContext db, long personId)
    {
        var readable = db.Posts.VisibleTo(personId);
        return f => db.Set<PostDocument>().Any(d => d.FileId == f.Id && readable.Any(p => p.Id == d.PostId))
            || db.Set<CommentDocument>().Any(d => d.FileId == f.Id && db.Comments.Any(c => c.Id == d.CommentId && readable.Any(p => p.Id == c.PostId)));
    }
}

/// <summary>Checking and listing documents attached to posts and comments.</summary>
public static class PostDocuments
{
    /// <summary>
    /// The viewer's own uploads of <paramref name="purpose"/> that nothing took yet, in the order given; anything else
    /// refuses the whole request before any change.
    /// </summary>
    public static async Task<List<Guid>> RequireUsableAsync(RucheDbContext db, Viewer viewer, IReadOnlyList<Guid>? documentIds, FilePurpose purpose, CancellationToken cancellationToken)
    {
        var ids = (documentIds ?? []).Distinct().ToList();
        if (ids.Count > Limits.ImagesPerPost)
        {
            throw RucheException.Invalid("post.too-many-documents", $"At most {Limits.ImagesPerPost} documents are attached at once.");
        }

        if (ids.Count > 0)
        {
            var usable = await db.Files.CountAsync(
                f => ids.Contains(f.Id) && f.OwnerId == viewer.PersonId && f.Purpose == purpose
                    && !db.Set<PostDocument>().Any(d => d.FileId == f.Id) && !db.Set<CommentDocument>().Any(d => d.FileId == f.Id),
                cancellationToken);
            if (usable != ids.Count)
            {
                throw RucheException.Invalid("post.document-unknown", "A document is unknown, not yours, or already attached elsewhere.");
            }
        }

        return ids;
    }

    /// <summary>The documents of these posts, in their order.</summary>
    public static async Task<ILookup<long, AttachedDocument>> OfPostsAsync(RucheDbContext db, IReadOnlyCollection<long> postIds, CancellationToken cancellationToken) =>
        (await db.Set<PostDocument>().Where(d => postIds.Contains(d.PostId)).OrderBy(d => d.Position)
            .Join(db.Files, d => d.FileId, f => f.Id, (d, f) => new { d.PostId, Document = new AttachedDocument(f.Id, f.FileName, f.ContentType, f.Length) })
            .ToListAsync(cancellationToken)).ToLookup(d => d.PostId, d => d.Document);
}
