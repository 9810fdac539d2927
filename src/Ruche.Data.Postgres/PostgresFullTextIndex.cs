using Microsoft.EntityFrameworkCore;
using Ruche.Core.Data;
using Ruche.Core.Search;

namespace Ruche.Data.Postgres;

/// <summary>
/// tsvector over the analysed terms of the search documents: the generated "Vector" column of the AddSearch
/// migration (title weighted A, body B) with its GIN index. The terms are already stemmed and folded by
/// <see cref="SearchAnalyzer"/>, so the 'simple' configuration only splits them. Ranked by ts_rank divided
/// by the log of the document's length, like BM25's length normalisation.
/// </summary>
public sealed class PostgresFullTextIndex : IFullTextIndex
{
    public IQueryable<SearchHit> Match(RucheDbContext db, SearchQuery query)
    {
        var tsquery = TsQuery(query);
        return db.Database.SqlQuery<SearchHit>($"""
            SELECT d."Id" AS "DocumentId", d."Kind", d."SourceId", d."SpaceId", d."AuthorId", d."CreatedAt",
                   ts_rank(d."Vector", to_tsquery('simple', {tsquery}), 1)::double precision AS "Rank"
            FROM "SearchDocuments" AS d
            WHERE d."Vector" @@ to_tsquery('simple', {tsquery})
            """);
    }

    /// <summary>tsquery syntax: required clauses joined by &amp;, excluded ones by &amp; !; a phrase's terms by &lt;-&gt;.</summary>
    internal static string TsQuery(SearchQuery query)
    {
        var required = string.Join(" & ", query.Required.Select(Clause));
        var excluded = string.Concat(query.Excluded.Select(c => " & !" + Clause(c)));
        return required + excluded;
    }

    private static string Clause(SearchClause clause) => "(" + string.Join(" | ", clause.Alternatives.Select(Phrase)) + ")";

    private static string Phrase(IReadOnlyList<string> terms) => "(" + string.Join(" <-> ", terms.Select(Lexeme)) + ")";

    // Terms are letters and digits only; quoting still makes sure none is read as tsquery syntax.
    private static string Lexeme(string term) => "'" + term.Replace("'", "''", StringComparison.Ordinal).Replace("\\", "\\\\", StringComparison.Ordinal) + "'";
}
