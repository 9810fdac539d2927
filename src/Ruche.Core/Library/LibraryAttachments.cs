using System.Linq.Expressions;
using Ruche.Core.Data;
using Ruche.Core.Files;

namespace Ruche.Core.Library;

/// <summary>Every version of a library file is read by whoever reads its space: <c>/files/{id}</c> serves it to them only.</summary>
public sealed class LibraryAttachments : IFileAttachments
{
    public Expression<Func<StoredFile, bool>> Attached(RucheDbContext db) => f => db.Set<LibraryFileVersion>().Any(v => v.StoredFileId == f.Id);

    public Expression<Func<StoredFile, bool>> ReadableBy(RucheDbContext db, long personId)
    {
        var readable = db.Set<LibraryFileVersion>().VisibleTo(personId);
        return f => readable.Any(v => v.StoredFileId == f.Id);
    }
}
