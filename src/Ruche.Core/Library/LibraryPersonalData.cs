using Microsoft.EntityFrameworkCore;
using Ruche.Core.Data;
using Ruche.Core.PersonalData;

namespace Ruche.Core.Library;

/// <summary>What a person put in libraries, for their export: the versions they uploaded (with the file they belong to) and the folders they made.</summary>
public sealed class LibraryPersonalData(RucheDbContext db) : IPersonalDataSource
{
    public async Task ExportAsync(long personId, PersonalDataSections sections, CancellationToken cancellationToken) =>
        sections.Add("library", new
        {
            uploaded = await db.Set<LibraryFileVersion>().AsNoTracking().Where(v => v.UploadedById == personId).OrderBy(v => v.Id)
                .Select(v => new
                {
                    fileId = v.LibraryFileId,
                    v.File!.SpaceId,
                    v.File.Name,
                    version = v.Number,
                    storedFileId = v.StoredFileId,
                    v.Stored!.FileName,
                    v.Stored.ContentType,
                    v.Stored.Length,
                    v.UploadedAt,
                    downloads = v.DownloadCount,
                })
                .ToListAsync(cancellationToken),
            folders = await db.Set<LibraryFolder>().AsNoTracking().Where(f => f.CreatedById == personId).OrderBy(f => f.Id)
                .Select(f => new { f.Id, f.SpaceId, f.ParentId, f.Name, f.CreatedAt }).ToListAsync(cancellationToken),
        });
}
