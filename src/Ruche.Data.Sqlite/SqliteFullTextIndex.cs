using Microsoft.EntityFrameworkCore;
using Ruche.Core.Data;
using Ruche.Core.Search;

namespace Ruche.Data.Sqlite;

/// <summary>
/// FTS5 over the analysed terms of the search documents: the "SearchText" table of the AddSearch migration,
/// an external-content index kept in step with "SearchDocuments" by triggers. Ranked by BM25, the title
/// counting four times the body.
/// </summary>
public sealed class SqliteFullTextIndex : IFullTextIndex
{
    public IQueryable<SearchHit> Match(RucheDbContext db, SearchQuery query) =>
        db.Database.SqlQuery<SearchHit>($"""
            SELECT d."Id" AS "DocumentId", d."Kind", d."SourceId", d."SpaceId", d."AuthorId", d."CreatedAt",
                   -bm25("SearchText", 4.0, 1.0) AS "Rank"
            FROM "SearchText"
            JOIN "SearchDocuments" AS d ON d."Id" = "SearchText"."rowid"
            WHERE "SearchText" MATCH {MatchExpression(query)}
            """);

    /// <summary>FTS5 syntax: every required clause AND-ed, excluded ones NOT-ed; each clause a phrase per language.</summary>
    internal static string MatchExpression(SearchQuery query)
    {
        var required = string.Join(" AND ", query.Required.Select(Clause));
        var excluded = string.Concat(query.Excluded.Select(c => " NOT " + Clause(c)));
        return $"({required}){excluded}";
    }

    private static string Clause(SearchClause clause) => "(" + string.Join(" OR ", clause.Alternatives.Select(Phrase)) + ")";

    // Terms are letters and digits only; quoting still makes sure none is read as FTS5 syntax.
    private static string Phrase(IReadOnlyList<string> terms) =>
        "\"" + string.Join(' ', terms).Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
