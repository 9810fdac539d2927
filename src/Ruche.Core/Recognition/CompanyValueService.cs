using Microsoft.EntityFrameworkCore;
using Ruche.Core.Common;
using Ruche.Core.Data;

namespace Ruche.Core.Recognition;

/// <summary>The company's values: everyone reads the list; HR and administrators add, rename, reorder and archive.</summary>
public sealed class CompanyValueService(RucheDbContext db, TimeProvider time)
{
    /// <summary>The values in their order; archived ones only when asked (the administration page).</summary>
    public async Task<IReadOnlyList<ValueView>> ListAsync(bool withArchived, CancellationToken cancellationToken) =>
        await db.Set<CompanyValue>().AsNoTracking().Where(v => withArchived || !v.IsArchived).OrderBy(v => v.Position).ThenBy(v => v.Id)
            .Select(v => new ValueView(v.Id, v.LabelFr, v.LabelEn, v.Position, v.IsArchived)).ToListAsync(cancellationToken);

    public async Task<long> AddAsync(Viewer viewer, ValueInput input, CancellationToken cancellationToken)
    {
        RecognitionRights.RequireValuesAdministrator(viewer);
        var (fr, en) = RecognitionInputs.Labels(input.LabelFr, input.LabelEn);
        if (await db.Set<CompanyValue>().CountAsync(v => !v.IsArchived, cancellationToken) >= RecognitionInputs.ValuesMax)
        {
            throw RucheException.Invalid("value.too-many", $"The company keeps at most {RecognitionInputs.ValuesMax} values in use.");
        }

        await RequireUniqueAsync(fr, en, null, cancellationToken);
        var position = input.Position ?? (await db.Set<CompanyValue>().MaxAsync(v => (int?)v.Position, cancellationToken) ?? 0) + 1;
        var value = new CompanyValue { LabelFr = fr, LabelEn = en, Position = position, CreatedAt = time.UtcNow() };
        db.Add(value);
        await db.SaveChangesAsync(cancellationToken);
        return value.Id;
    }

    /// <summary>Renames, moves, archives or restores a value; its kudos follow the new name.</summary>
    public async Task UpdateAsync(Viewer viewer, long valueId, ValueInput input, CancellationToken cancellationToken)
    {
        RecognitionRights.RequireValuesAdministrator(viewer);
        var (fr, en) = RecognitionInputs.Labels(input.LabelFr, input.LabelEn);
        var value = await db.Set<CompanyValue>().SingleOrDefaultAsync(v => v.Id == valueId, cancellationToken) ?? throw NotFound();
        await RequireUniqueAsync(fr, en, valueId, cancellationToken);
        value.LabelFr = fr;
        value.LabelEn = en;
        value.Position = input.Position ?? value.Position;
        value.IsArchived = input.IsArchived;
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task RequireUniqueAsync(string fr, string en, long? except, CancellationToken cancellationToken)
    {
        // A few dozen values at most: compared in memory, case-insensitively, in both languages.
        var labels = await db.Set<CompanyValue>().Where(v => v.Id != except).Select(v => new { v.LabelFr, v.LabelEn }).ToListAsync(cancellationToken);
        if (labels.Any(v => string.Equals(v.LabelFr, fr, StringComparison.OrdinalIgnoreCase) || string.Equals(v.LabelEn, en, StringComparison.OrdinalIgnoreCase)))
        {
            throw RucheException.Conflict("value.duplicate", "The company already has a value with this name.");
        }
    }

    internal static RucheException NotFound() => RucheException.NotFound("value.not-found", "No such value.");
}
