using Microsoft.EntityFrameworkCore;
using Ruche.Core.Data;

namespace Ruche.Core.Search;

/// <summary>
/// Writes <see cref="SearchDocument"/>s from the sources: after a change (called by
/// <see cref="SearchIndexInterceptor"/> inside the change's transaction) or all of them (reindex-search).
/// </summary>
public sealed class SearchIndexer(IEnumerable<ISearchSource> sources)
{
    private const int RebuildBatch = 500;

    public IReadOnlyList<ISearchSource> Sources { get; } = sources.ToList();

    /// <summary>Re-reads the given sources and replaces their documents; a source gone is removed from the index.</summary>
    public static async Task RefreshAsync(RucheDbContext db, IEnumerable<(ISearchSource Source, long Id)> touched, CancellationToken cancellationToken)
    {
        foreach (var group in touched.GroupBy(t => t.Source))
        {
            var kind = group.Key.Kind;
            var ids = group.Select(t => t.Id).Distinct().ToList();
            var documents = await group.Key.LoadAsync(db, SearchBatch.Of(ids), cancellationToken);
            await db.SearchDocuments.Where(d => d.Kind == kind && ids.Contains(d.SourceId)).ExecuteDeleteAsync(cancellationToken);
            await InsertAsync(db, kind, documents, cancellationToken);
        }
    }

    /// <summary>Empties the index and indexes every source again, in one transaction: searches see the old index until it commits.</summary>
    public async Task RebuildAsync(RucheDbContext db, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.SearchDocuments.ExecuteDeleteAsync(cancellationToken);
        foreach (var source in Sources)
        {
            long after = 0;
            while (true)
            {
                var batch = await source.LoadAsync(db, SearchBatch.After(after, RebuildBatch), cancellationToken);
                if (batch.Count == 0)
                {
                    break;
                }

                await InsertAsync(db, source.Kind, batch, cancellationToken);
                after = batch.Max(d => d.SourceId);
            }
        }

        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Builds the index of a database that has content but no index yet (one created before search existed).</summary>
    public async Task EnsureBuiltAsync(RucheDbContext db, CancellationToken cancellationToken)
    {
        if (!await db.SearchDocuments.AnyAsync(cancellationToken) && await db.People.AnyAsync(cancellationToken))
        {
            await RebuildAsync(db, cancellationToken);
        }
    }

    public static SearchDocument Analyse(string kind, SearchSourceDocument source)
    {
        var language = SearchAnalyzer.DetectLanguage(SearchAnalyzer.Tokenize(source.Title).Concat(SearchAnalyzer.Tokenize(source.Text)));
        return new SearchDocument
        {
            Kind = kind,
            SourceId = source.SourceId,
            SpaceId = source.SpaceId,
            AuthorId = source.AuthorId,
            CreatedAt = source.CreatedAt,
            Language = language == SearchLanguage.English ? "en" : "fr",
            Title = SearchAnalyzer.Terms(source.Title, language),
            Body = SearchAnalyzer.Terms(source.Text, language),
        };
    }

    private static async Task InsertAsync(RucheDbContext db, string kind, IReadOnlyList<SearchSourceDocument> documents, CancellationToken cancellationToken)
    {
        if (documents.Count == 0)
        {
            return;
        }

        // Saved on their own and let go: the context's other changes are already saved (the interceptor runs
        // after the save), so this SaveChanges writes these documents only.
        var added = documents.Select(d => Analyse(kind, d)).ToList();
        db.SearchDocuments.AddRange(added);
        await db.SaveChangesAsync(cancellationToken);
        foreach (var document in added)
        {
            db.Entry(document).State = EntityState.Detached;
        }
    }
}
