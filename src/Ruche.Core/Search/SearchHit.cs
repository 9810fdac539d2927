namespace Ruche.Core.Search;

/// <summary>
/// A document the full-text engine matched, with its relevance (higher is better, comparable within one
/// search only). Rows of a raw SQL query that stays composable, so visibility and filters are added in SQL.
/// </summary>
public sealed class SearchHit
{
    public long DocumentId { get; set; }

    public string Kind { get; set; } = string.Empty;

    public long SourceId { get; set; }

    public long? SpaceId { get; set; }

    public long? AuthorId { get; set; }

    public DateTime CreatedAt { get; set; }

    public double Rank { get; set; }
}
