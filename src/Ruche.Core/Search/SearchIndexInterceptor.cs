using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;
using Ruche.Core.Data;

namespace Ruche.Core.Search;

/// <summary>
/// Keeps the search index in step with every save, in the same transaction: before saving it notes which
/// sources the changes touch (and opens a transaction if the caller has none), after saving it re-indexes
/// them and commits. So a post is findable as soon as it is written, and a failed save leaves no trace.
/// </summary>
public sealed class SearchIndexInterceptor(SearchIndexer indexer) : SaveChangesInterceptor
{
    private readonly ConditionalWeakTable<DbContext, Pending> pending = [];

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is not RucheDbContext db)
        {
            return result;
        }

        var touched = new List<(ISearchSource Source, Func<long> Id)>();
        foreach (var entry in db.ChangeTracker.Entries())
        {
            if (entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            {
                foreach (var source in indexer.Sources)
                {
                    touched.AddRange(source.Touched(entry).Select(id => (source, id)));
                }
            }
        }

        if (touched.Count > 0)
        {
            var owned = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
            pending.AddOrUpdate(db, new Pending(touched, owned));
        }

        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is not RucheDbContext db || !pending.TryGetValue(db, out var work))
        {
            return result;
        }

        pending.Remove(db);
        try
        {
            if (db.ChangeTracker.HasChanges())
            {
                throw new InvalidOperationException("SaveChanges(acceptAllChangesOnSuccess: false) cannot be indexed for search.");
            }

            await SearchIndexer.RefreshAsync(db, work.Touched.Select(t => (t.Source, t.Id())).ToList(), cancellationToken);
            if (work.Owned is not null)
            {
                await work.Owned.CommitAsync(cancellationToken);
            }
        }
        finally
        {
            if (work.Owned is not null)
            {
                await work.Owned.DisposeAsync();
            }
        }

        return result;
    }

    public override async Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default) =>
        await AbandonAsync(eventData.Context);

    public override async Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default) =>
        await AbandonAsync(eventData.Context);

    // The synchronous save is not used by Ruche; refusing it is better than leaving the index behind.
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result) =>
        eventData.Context is RucheDbContext db && db.ChangeTracker.Entries()
            .Any(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && indexer.Sources.Any(s => s.Touched(e).Any()))
            ? throw new InvalidOperationException("Use SaveChangesAsync: search indexing runs asynchronously.")
            : result;

    private async Task AbandonAsync(DbContext? context)
    {
        if (context is null || !pending.TryGetValue(context, out var work))
        {
            return;
        }

        pending.Remove(context);
        if (work.Owned is not null)
        {
            await work.Owned.DisposeAsync(); // disposing an uncommitted transaction rolls it back
        }
    }

    private sealed record Pending(List<(ISearchSource Source, Func<long> Id)> Touched, IDbContextTransaction? Owned);
}
