using Ruche.Core.Data;

namespace Ruche.Core.Search;

/// <summary>
/// A database's own full-text engine over <see cref="SearchDocument"/>: SQLite FTS5 or PostgreSQL tsvector.
/// Each provider plug-in brings its implementation (<see cref="IFullTextEngine"/>); the terms are
/// already analysed by <see cref="SearchAnalyzer"/>, so the engines only match and rank.
/// </summary>
public interface IFullTextIndex
{
    /// <summary>Documents matching every required clause and no excluded one, as a query EF can compose on.</summary>
    IQueryable<SearchHit> Match(RucheDbContext db, SearchQuery query);
}

/// <summary>
/// A database provider that brings its engine's full-text index. Declared here, not on <see cref="IDatabaseProvider"/>,
/// so the data layer knows nothing of search.
/// </summary>
public interface IFullTextEngine
{
    IFullTextIndex FullText { get; }
}
