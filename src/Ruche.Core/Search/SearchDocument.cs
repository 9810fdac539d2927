using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ruche.Core.Search;

/// <summary>
/// One searchable thing (a post, a comment, a space, a person…) as the full-text engine indexes it: its
/// analysed terms, and the facts filters need. Written by <see cref="SearchIndexer"/> in the transaction of
/// the change it reflects; each provider's migration adds the engine's index over <see cref="Title"/> and
/// <see cref="Body"/> (an FTS5 table on SQLite, a generated tsvector with a GIN index on PostgreSQL).
/// </summary>
public sealed class SearchDocument
{
    public long Id { get; set; }

    /// <summary>The <see cref="ISearchSource.Kind"/> of the source ("post", "comment", "space", "person").</summary>
    public required string Kind { get; set; }

    public long SourceId { get; set; }

    /// <summary>The space the thing lives in (a space's own id for a space), for the space filter.</summary>
    public long? SpaceId { get; set; }

    public long? AuthorId { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>"fr" or "en": the language its terms were stemmed in.</summary>
    public required string Language { get; set; }

    /// <summary>Analysed terms of the title (weighted above the body), space-separated.</summary>
    public required string Title { get; set; }

    /// <summary>Analysed terms of the text, space-separated.</summary>
    public required string Body { get; set; }
}

internal sealed class SearchDocumentConfiguration : IEntityTypeConfiguration<SearchDocument>
{
    public void Configure(EntityTypeBuilder<SearchDocument> builder)
    {
        builder.Property(d => d.Kind).HasMaxLength(32);
        builder.Property(d => d.Language).HasMaxLength(2);

        // One document per source; the indexer replaces it by (Kind, SourceId).
        builder.HasIndex(d => new { d.Kind, d.SourceId }).IsUnique();
    }
}
