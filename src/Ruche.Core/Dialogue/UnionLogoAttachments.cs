using System.Linq.Expressions;
using Ruche.Core.Data;
using Ruche.Core.Files;

namespace Ruche.Core.Dialogue;

/// <summary>
/// A union's logo is taken by its union (so it never expires as an unattached upload) and is shown with the union,
/// which everyone in the company may read.
/// </summary>
public sealed class UnionLogoAttachments : IFileAttachments
{
    public Expression<Func<StoredFile, bool>> Attached(RucheDbContext db) => f => db.Set<Union>().Any(u => u.LogoFileId == f.Id);

    // Only an image is ever shown as a logo (the union checks it when recorded; checked again here).
    public Expression<Func<StoredFile, bool>> ReadableBy(RucheDbContext db, long personId) =>
        f => f.Kind == FileKind.Image && db.Set<Union>().Any(u => u.LogoFileId == f.Id);
}
