using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Ruche.Core.Data;

namespace Ruche.Core.Files;

/// <summary>
/// Images stored before the image pipeline (ADR 26) were kept as uploaded — a phone photo with its GPS position — and
/// have no renditions. This pass decodes and re-encodes each of them once, as an upload is today (metadata dropped,
/// orientation applied, feed size and thumbnail made), overwrites the stored bytes and records the renditions. An image
/// already processed is recognised by its recorded size and never touched again, so the pass can be rerun after a
/// failure. An image that cannot be decoded is left as it is and reported.
/// </summary>
public sealed class ImageReprocessing(RucheDbContext db, IFileStore store, ImagePipeline images, IOptions<FileSettings> settings)
{
    public async Task<ReprocessReport> RunAsync(CancellationToken cancellationToken)
    {
        var report = new ReprocessReport();
        var pending = await db.Files.AsNoTracking()
            .Where(f => f.Kind == FileKind.Image && f.Width == null)
            .Select(f => f.Id).ToListAsync(cancellationToken);
        foreach (var id in pending)
        {
            await using var content = await store.OpenReadAsync(id, null, cancellationToken);
            if (content is null)
            {
                report.Missing++;
                continue;
            }

            ProcessedImage image;
            try
            {
                using var buffer = new MemoryStream();
                await content.CopyToAsync(buffer, cancellationToken);
                image = await images.ProcessAsync(buffer, settings.Value.KeepOriginals, cancellationToken);
            }
            catch (Common.RucheException)
            {
                report.Unreadable++;
                continue;
            }

            // Renditions first, the main content last: until the row records them, a reader gets the old main content.
            foreach (var (name, bytes) in image.Renditions)
            {
                await store.WriteAsync(id, name, new MemoryStream(bytes, writable: false), cancellationToken);
            }

            await store.WriteAsync(id, null, new MemoryStream(image.Main, writable: false), cancellationToken);
            await db.Files.Where(f => f.Id == id).ExecuteUpdateAsync(
                s => s.SetProperty(f => f.ContentType, image.ContentType)
                    .SetProperty(f => f.Length, image.Main.Length)
                    .SetProperty(f => f.Renditions, image.Flags)
                    .SetProperty(f => f.RenditionBytes, image.RenditionBytes)
                    .SetProperty(f => f.Width, image.Width)
                    .SetProperty(f => f.Height, image.Height),
                cancellationToken);
            report.Reprocessed++;
        }

        return report;
    }
}

public sealed class ReprocessReport
{
    /// <summary>Images re-encoded by this run.</summary>
    public int Reprocessed { get; set; }

    /// <summary>Images whose bytes are not in the store.</summary>
    public int Missing { get; set; }

    /// <summary>Images the pipeline could not decode (left as they are).</summary>
    public int Unreadable { get; set; }

    public override string ToString() => $"{Reprocessed} re-encoded, {Missing} missing from the store, {Unreadable} unreadable";
}
