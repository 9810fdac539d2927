using System.Data.Common;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Ruche.Core.Data;

namespace Ruche.Tests.Infrastructure;

/// <summary>
/// What the database holds, table by table: a SHA-256 of every row of every table (the catalog's list, so a table no
/// test knows about counts too). Two digests are equal only when no row was added, removed or changed anywhere.
/// </summary>
public static class DatabaseDigest
{
    public static async Task<IReadOnlyDictionary<string, string>> TakeAsync(RucheApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RucheDbContext>();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        try
        {
            var tables = await ReadColumnAsync(connection, db.Database.IsNpgsql()
                ? "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'"
                : "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'");
            if (tables.Count < 20)
            {
                // A digest of nothing would always match: the catalog query no longer finds the tables.
                throw new InvalidOperationException($"Only {tables.Count} tables found for the digest: {string.Join(", ", tables)}");
            }

            var digests = new SortedDictionary<string, string>(StringComparer.Ordinal);
            if (db.Database.IsNpgsql())
            {
                // One round trip, hashed by the server: a query per table made the fuzz test five times slower on PostgreSQL.
                await using var command = connection.CreateCommand();
                command.CommandText = string.Join(" UNION ALL ", tables.Select(table =>
                    $"SELECT '{table.Replace("'", "''", StringComparison.Ordinal)}', md5(coalesce(string_agg(row_text, chr(30) ORDER BY row_text), '')) " +
                    $"FROM (SELECT r::text AS row_text FROM {Quote(table)} r) digested"));
                await using var reader = await command.ExecuteReaderAsync();
                while (await reader.ReadAsync())
                {
                    digests[reader.GetString(0)] = reader.GetString(1);
                }

                return digests;
            }

            foreach (var table in tables)
            {
                digests[table] = await DigestAsync(connection, table);
            }

            return digests;
        }
        finally
        {
            await connection.CloseAsync();
        }
    }

    /// <summary>The tables whose content differs between two digests.</summary>
    public static IReadOnlyList<string> Changed(IReadOnlyDictionary<string, string> before, IReadOnlyDictionary<string, string> after) =>
        [.. before.Keys.Union(after.Keys).Where(table => before.GetValueOrDefault(table) != after.GetValueOrDefault(table)).Order(StringComparer.Ordinal)];

    private static async Task<string> DigestAsync(DbConnection connection, string table)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT * FROM {Quote(table)}";
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        var line = new StringBuilder();
        while (await reader.ReadAsync())
        {
            line.Clear();
            for (var i = 0; i < reader.FieldCount; i++)
            {
                line.Append(reader.IsDBNull(i) ? "∅" : Convert.ToString(reader.GetValue(i) is byte[] bytes ? Convert.ToHexString(bytes) : reader.GetValue(i), CultureInfo.InvariantCulture)).Append('\u001f');
            }

            rows.Add(line.ToString());
        }

        // Rows in no particular order: the same set gives the same digest whatever order the database reads them in.
        rows.Sort(StringComparer.Ordinal);
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\u001e', rows))));
    }

    private static string Quote(string table) => $"\"{table.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";

    private static async Task<List<string>> ReadColumnAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<string>();
        while (await reader.ReadAsync())
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }
}
