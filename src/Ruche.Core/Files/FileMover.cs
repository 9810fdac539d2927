using Microsoft.EntityFrameworkCore;
using Ruche.Core.Data;

namespace Ruche.Core.Files;

/// <summary>
/// Copies every file the database knows (main content and renditions) from one store to another — the
/// <c>move-files</c> command, when a company goes from one node to several. Idempotent: what the target already holds
/// with the same length is left; run it again after a failure. Every copy is checked by its length in the target.
/// The source is never changed: remove it once the nodes run on the new store.
/// </summary>
public sealed class FileMover(RucheDbContext db)
{
    public async Task<MoveReport> CopyAsync(IFileStore source, IFileStore target, CancellationToken cancellationToken)
    {
        var report = new MoveReport();
        Guid? after = null;
        while (true)
        {
            var batch = await db.Files.AsNoTracking()
                .Where(f => after == null || f.Id.CompareTo(after.Value) > 0)
                .OrderBy(f => f.Id).Select(f => new { f.Id, f.Renditions }).Take(500)
                .ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                return report;
            }

            foreach (var file in batch)
            {
                report.Files++;
                foreach (var rendition in FileRendition.Of(file.Renditions))
                {
                    await CopyOneAsync(source, target, file.Id, rendition, report, cancellationToken);
                }
            }

            after = batch[^1].Id;
        }
    }

    private static async Task CopyOneAsync(IFileStore source, IFileStore target, Guid id, string? rendition, MoveReport report, CancellationToken cancellationToken)
    {
        var length = await source.LengthAsync(id, rendition, cancellationToken);
        if (length is null)
        {
            report.Missing++;
            return;
        }

        if (await target.LengthAsync(id, rendition, cancellationToken) == length)
        {
            report.AlreadyThere++;
            return;
        }

        await using (var content = await source.OpenReadAsync(id, rendition, cancellationToken))
        {
            if (content is null)
            {
                report.Missing++;
                return;
            }

            await target.WriteAsync(id, rendition, content, cancellationToken);
        }

        if (await target.LengthAsync(id, rendition, cancellationToken) != length)
        {
            report.Failed++;
            return;
        }

        report.Copied++;
        report.Bytes += length.Value;
    }
}

/// <summary>What a move did: files seen, contents copied, already there, missing from the source, failed the length check.</summary>
public sealed class MoveReport
{
    public int Files { get; set; }

    public int Copied { get; set; }

    public int AlreadyThere { get; set; }

    public int Missing { get; set; }

    public int Failed { get; set; }

    public long Bytes { get; set; }

    public override string ToString() =>
        $"{Files} files: {Copied} contents copied ({Bytes} bytes), {AlreadyThere} already there, {Missing} missing from the source, {Failed} failed the length check.";
}
