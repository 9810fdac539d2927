using System.Linq.Expressions;
using Ruche.Core.Data;
using Ruche.Core.Files;

namespace Ruche.Core.Wiki;

/// <summary>A page's attachments are read by whoever may read the page (<see cref="WikiQueries.VisibleTo"/>).</summary>
public sealed class WikiFileAttachments : IFileAttachments
{
    public Expression<Func<StoredFile, bool>> Attached(RucheDbContext db) => f => db.Set<WikiPageFile>().Any(x => x.FileId == f.Id);

    public Expression<Func<StoredFile, bool>> ReadableBy(RucheDbContext db, long personId)
    {
        var pages = db.Set<WikiPage>().VisibleTo(personId);
        return f => db.Set<WikiPageFile>().Any(x => x.FileId == f.Id && pages.Any(p => p.Id == x.PageId));
    }
}
