using System.Linq.Expressions;
using Ruche.Core.Data;
using Ruche.Core.Files;

namespace Ruche.Core.Posts;

/// <summary>A post's images are read by whoever may read the post (<see cref="PostQueries.VisibleTo"/>).</summary>
public sealed class PostImageAttachments : IFileAttachments
{
    public Expression<Func<StoredFile, bool>> Attached(RucheDbContext db) => f => db.PostImages.Any(i => i.FileId == f.Id);

    public Expression<Func<StoredFile, bool>> ReadableBy(RucheDbContext db, long personId)
    {
        var readable = db.Posts.VisibleTo(personId);
        return f => db.PostImages.Any(i => i.FileId == f.Id && readable.Any(p => p.Id == i.PostId));
    }
}
