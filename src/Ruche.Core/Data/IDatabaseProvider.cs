using Microsoft.EntityFrameworkCore;

namespace Ruche.Core.Data;

/// <summary>
/// A database engine Ruche runs on. Each provider project owns its <c>Use…()</c> call, its migrations
/// and its engine-specific settings, so nothing else in the code names an engine.
/// </summary>
public interface IDatabaseProvider
{
    /// <summary>The configuration value that selects this provider (Database:Provider).</summary>
    string Name { get; }

    void Configure(DbContextOptionsBuilder options, string connectionString);

    /// <summary>Engine-specific work before migrating (e.g. creating the folder of an embedded database file).</summary>
    void PrepareStorage(string connectionString);

    /// <summary>
    /// Makes concurrent transactions take turns on <paramref name="resource"/> until they end (used where a
    /// write depends on the last row, like the audit chain). Call inside a transaction.
    /// </summary>
    Task SerializeAsync(RucheDbContext db, string resource, CancellationToken cancellationToken);

    /// <summary>
    /// A list of ids as a table of one column named <c>value</c>, for statements written in SQL: the text to place
    /// where a subquery goes (with <c>{0}</c> for the one parameter) and that parameter's value, whatever the list's length.
    /// </summary>
    (string Sql, object Parameter) IdTable(IReadOnlyCollection<long> ids);
}
