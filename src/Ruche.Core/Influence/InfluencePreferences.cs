using Microsoft.EntityFrameworkCore;
using Ruche.Core.Common;
using Ruche.Core.Data;

namespace Ruche.Core.Influence;

/// <summary>A person's two choices (ADR 24): be recognised (HR may see my figures), leave the graph entirely.</summary>
public sealed class InfluencePreferences(RucheDbContext db, TimeProvider time)
{
    /// <summary>The person's two choices as they stand (no row: not recognised, in the graph).</summary>
    public async Task<InfluenceChoices> GetAsync(Viewer viewer, CancellationToken cancellationToken) =>
        await db.Set<InfluencePreference>().AsNoTracking().Where(p => p.PersonId == viewer.PersonId)
            .Select(p => new InfluenceChoices(p.Recognised, p.LeftGraph)).SingleOrDefaultAsync(cancellationToken)
        ?? new InfluenceChoices(false, false);

    /// <summary>
    /// Saves the choices. Leaving the graph also removes the person's stored figures at once (their node and acts go at
    /// the next computation) and withdraws recognition: there is nothing left to recognise.
    /// </summary>
    public async Task SetAsync(Viewer viewer, bool? recognised, bool? leftGraph, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var preference = await db.Set<InfluencePreference>().FirstOrDefaultAsync(p => p.PersonId == viewer.PersonId, cancellationToken);
        if (preference is null)
        {
            preference = new InfluencePreference { PersonId = viewer.PersonId };
            db.Add(preference);
        }

        // A choice not given stays as it was: a partial call never puts anyone back in the graph or in HR's view.
        var left = leftGraph ?? preference.LeftGraph;
        preference.LeftGraph = left;
        preference.Recognised = (recognised ?? preference.Recognised) && !left;
        preference.ChangedAt = time.UtcNow();
        await db.SaveChangesAsync(cancellationToken);
        if (left)
        {
            await db.Set<InfluenceScore>().Where(s => s.PersonId == viewer.PersonId).ExecuteDeleteAsync(cancellationToken);
            await db.Set<InfluenceVoice>().Where(v => v.PersonId == viewer.PersonId).ExecuteDeleteAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }
}

/// <summary>A person's two choices about the influence graph.</summary>
public sealed record InfluenceChoices(bool Recognised, bool LeftGraph);
