using Microsoft.EntityFrameworkCore;
using Ruche.Core.Data;
using Ruche.Core.PersonalData;

namespace Ruche.Core.Wiki;

/// <summary>
/// A person's part in co-written pages, for their export: the revisions they saved (with their text: the page as they
/// left it), the pages they created, their comments and the files they attached.
/// </summary>
public sealed class WikiPersonalData(RucheDbContext db) : IPersonalDataSource
{
    public async Task ExportAsync(long personId, PersonalDataSections sections, CancellationToken cancellationToken) =>
        sections.Add("pages", new
        {
            created = await db.Set<WikiPage>().AsNoTracking().Where(p => p.CreatedById == personId).OrderBy(p => p.Id)
                .Select(p => new { p.Id, p.SpaceId, p.Title, p.CreatedAt }).ToListAsync(cancellationToken),
            revisions = await db.Set<WikiRevision>().AsNoTracking().Where(r => r.AuthorId == personId).OrderBy(r => r.Id)
                .Select(r => new { r.PageId, r.Number, r.Title, r.Summary, r.Text, r.CreatedAt }).ToListAsync(cancellationToken),
            comments = await db.Set<WikiComment>().AsNoTracking().Where(c => c.AuthorId == personId).OrderBy(c => c.Id)
                .Select(c => new { c.Id, c.PageId, c.Body, c.CreatedAt }).ToListAsync(cancellationToken),
            attachments = await db.Set<WikiPageFile>().AsNoTracking().Where(f => f.AddedById == personId).OrderBy(f => f.AddedAt)
                .Select(f => new { f.PageId, f.FileId, f.File!.FileName, f.AddedAt }).ToListAsync(cancellationToken),
        });
}
