using Ruche.Core.Data;

namespace Ruche.Core.Search;

/// <summary>
/// A database's own full-text engine over <see cref="SearchDocument"/>: SQLite FTS5 or PostgreSQL tsvector.
/// Each provider plug-in brings its implementation (<see cref="IDatabaseProvider.FullText"/>); the terms are
/// already analysed by <see cref="SearchAnalyzer"/>, so the engines only match and rank.
/// </summary>
public interface IFullTextIndex
{
    /// <summary>Documents matching every required clause and no excluded one, as a query EF can compose on.</summary>
    IQueryable<SearchHit> Match(RucheDbContext db, SearchQuery query);
}
