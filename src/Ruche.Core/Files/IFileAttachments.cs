using System.Linq.Expressions;
using Ruche.Core.Data;

namespace Ruche.Core.Files;

/// <summary>
/// A feature that attaches uploaded files to its own content (a post's images; next a page's documents) registers
/// this, so files follow the content's read rule without the files feature naming the feature (ADR 11). An upload no
/// feature has taken yet is its uploader's alone.
/// </summary>
public interface IFileAttachments
{
    /// <summary>Files this feature has attached to some content.</summary>
    Expression<Func<StoredFile, bool>> Attached(RucheDbContext db);

    /// <summary>Attached files the person may read: those of content they may read, by the content's own rule.</summary>
    Expression<Func<StoredFile, bool>> ReadableBy(RucheDbContext db, long personId);
}
