using System.IO.Compression;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Ruche.Core.Audit;
using Ruche.Core.Common;
using Ruche.Core.Data;
using Ruche.Core.Files;
using Ruche.Core.PersonalData;

namespace Ruche.Core.Privacy;

/// <summary>
/// GDPR right of access and portability: everything Ruche holds about the person, as JSON, with the files they
/// uploaded, in one zip. Only the person themselves can ask for it. Each feature brings its sections through its
/// <see cref="IPersonalDataSource"/>; the export adds the files, which it also puts in the zip.
/// </summary>
public sealed class PersonalDataExport(
    RucheDbContext db, IEnumerable<IPersonalDataSource> sources, IFileStore store, AuditLog audit, TimeProvider time)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public async Task WriteZipAsync(Viewer viewer, Stream output, CancellationToken cancellationToken)
    {
        var me = viewer.PersonId;
        var sections = new PersonalDataSections();
        sections.Add("exportedAt", time.UtcNow());
        foreach (var source in sources)
        {
            await source.ExportAsync(me, sections, cancellationToken);
        }

        var files = await db.Files.AsNoTracking().Where(f => f.OwnerId == me)
            .Select(f => new { f.Id, f.FileName, f.ContentType, f.Length, f.CreatedAt, purpose = f.Purpose.ToString() }).ToListAsync(cancellationToken);
        sections.Add("files", files);

        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            await using (var entry = await zip.CreateEntry("ruche-data.json").OpenAsync(cancellationToken))
            {
                await JsonSerializer.SerializeAsync(entry, sections.All, Json, cancellationToken);
            }

            foreach (var file in files)
            {
                await using var source = await store.OpenReadAsync(file.Id, null, cancellationToken);
                if (source is null)
                {
                    continue;
                }

                await using var entry = await zip.CreateEntry($"files/{file.Id:N}-{file.FileName}").OpenAsync(cancellationToken);
                await source.CopyToAsync(entry, cancellationToken);
            }
        }

        await audit.RecordAsync(me, "gdpr.exported", $"person:{me}", null, cancellationToken);
    }
}
