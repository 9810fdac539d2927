using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Ruche.Core.Common;
using Ruche.Core.Data;
using Ruche.Core.People;
using Ruche.Core.Spaces;

namespace Ruche.Core.Search;

/// <summary>
/// A kind of content search covers. A new kind (pages, ideas, goals, union content…) implements this and is
/// registered in the host's services; the engine (<see cref="SearchService"/>, <see cref="SearchIndexer"/>)
/// does not change. See docs/adr/0006-search.md.
/// </summary>
public interface ISearchSource
{
    /// <summary>The result type clients filter on ("post", "comment"…), stored with each document. Lower case, stable.</summary>
    string Kind { get; }

    /// <summary>
    /// The sources a pending change touches (e.g. a post whose body changed, the person whose skills did). Ids
    /// are read after saving, so new rows have theirs. Deletions made in SQL (ExecuteDelete, cascades) are
    /// removed by the triggers of the migration; a missing source is also simply never readable.
    /// </summary>
    IEnumerable<Func<long>> Touched(EntityEntry entry);

    /// <summary>What to index for some sources (after a change) or for the next batch of them (a rebuild).</summary>
    Task<IReadOnlyList<SearchSourceDocument>> LoadAsync(RucheDbContext db, SearchBatch batch, CancellationToken cancellationToken);

    /// <summary>
    /// The visibility rule: which hits of this kind the viewer may read, as a predicate EF translates to SQL.
    /// It must reuse the feature's own rule (e.g. <c>PostQueries.VisibleTo</c>) so search can never show more.
    /// </summary>
    Expression<Func<SearchHit, bool>> ReadableBy(RucheDbContext db, Viewer viewer);

    /// <summary>Hits carrying a tag (normalised), or null when this kind has no tags: then a tag filter leaves it out.</summary>
    Expression<Func<SearchHit, bool>>? Tagged(RucheDbContext db, string tag);

    /// <summary>What each result shows, for a page of readable source ids, in one query.</summary>
    Task<IReadOnlyDictionary<long, SearchSourceView>> DescribeAsync(RucheDbContext db, Viewer viewer, IReadOnlyCollection<long> ids, CancellationToken cancellationToken);
}

/// <summary>Either given sources (after a change) or the next batch after a source id (a rebuild, in id order).</summary>
public sealed record SearchBatch(IReadOnlyCollection<long>? Ids, long AfterId, int Size)
{
    public static SearchBatch Of(IReadOnlyCollection<long> ids) => new(ids, 0, ids.Count);

    public static SearchBatch After(long afterId, int size) => new(null, afterId, size);
}

/// <summary>A source's text and facts, before analysis.</summary>
public sealed record SearchSourceDocument(long SourceId, string? Title, string Text, long? SpaceId, long? AuthorId, DateTime CreatedAt);

/// <summary>What a result shows: a title (if the kind has one), the plain text snippets come from, and where it lives.</summary>
public sealed record SearchSourceView(string? Title, string Text, string Path, PersonRef? Person, SpaceRef? Space, DateTime CreatedAt);
