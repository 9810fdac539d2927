using System.Data.Common;
using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Ruche.Core.Data;

namespace Ruche.Core.Influence;

/// <summary>
/// Runs a source's LINQ projection as the SQL EF Core writes for it (<c>CreateDbCommand</c>: same filters, joins and
/// parameters, on either provider) but reads the rows with the raw <see cref="DbDataReader"/>: positional, integer
/// columns, no object per row. At 10 million acts EF's materialisation and its text-to-DateTime conversion on SQLite
/// were most of the load time (ADR 24).
/// </summary>
public static partial class InteractionQuery
{
    private const string SqliteProvider = "Microsoft.EntityFrameworkCore.Sqlite";

    /// <summary>
    /// Reads <paramref name="rows"/> into <paramref name="sink"/> as acts of <paramref name="kind"/>. The projection must
    /// select, in this order: the giver's person id, the receiver's person id, the time, the space id (nullable) and
    /// the post id (nullable), each once (EF merges a column projected twice); or only the first three.
    /// </summary>
    public static async Task ReadAsync<TRow>(IQueryable<TRow> rows, RucheDbContext db, InteractionKind kind, IInteractionSink sink, CancellationToken cancellationToken)
    {
        var sqlite = db.Database.ProviderName == SqliteProvider;
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            if (sqlite)
            {
                await db.Database.ExecuteSqlRawAsync("PRAGMA mmap_size = 2147418112;", cancellationToken);
            }

            await using var command = rows.CreateDbCommand();
            if (sqlite)
            {
                command.CommandText = ScanningRoot(command.CommandText);
            }

            await using var reader = await command.ExecuteReaderAsync(cancellationToken);

            // An act about no content may project its space and post as null constants, which EF keeps out of the SQL.
            var aboutContent = reader.FieldCount switch
            {
                5 => true,
                3 => false,
                _ => throw new InvalidOperationException($"An interaction query selects 3 or 5 columns, not {reader.FieldCount}."),
            };
            bool? timeAsText = null;
            while (await reader.ReadAsync(cancellationToken))
            {
                // SQLite stores EF's instants as text: parsed here by hand; PostgreSQL's are timestamps.
                timeAsText ??= reader.GetFieldType(2) == typeof(string);
                sink.Add(
                    kind,
                    reader.GetInt64(0),
                    reader.GetInt64(1),
                    timeAsText.Value ? ParseIso(reader.GetString(2)) : DateTime.SpecifyKind(reader.GetDateTime(2), DateTimeKind.Utc),
                    !aboutContent || reader.IsDBNull(3) ? null : reader.GetInt64(3),
                    !aboutContent || reader.IsDBNull(4) ? null : reader.GetInt64(4));
            }
        }
        finally
        {
            if (sqlite)
            {
                // The connection goes back to the pool: what web requests use keeps SQLite's default.
                await db.Database.ExecuteSqlRawAsync("PRAGMA mmap_size = 0;", CancellationToken.None);
            }

            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>
    /// On SQLite, the query's first table (the source's own acts) is read in storage order (<c>NOT INDEXED</c>), the
    /// joined tables by primary key. A window of 180 days is most of the acts: through an index on the time SQLite
    /// fetches each row at random (measured at 10 million acts: replies 6.3 s that way, 1.4 s scanning; mentions
    /// 4.5 s through the posts' time index, 0.24 s scanning the mentions). <c>mmap</c> for the duration of the read
    /// spares a system call per page of the lookups.
    /// </summary>
    public static string ScanningRoot(string sql)
    {
        var root = RootTable().Match(sql);
        return root.Success ? sql.Insert(root.Index + root.Length, " NOT INDEXED") : sql;
    }

    /// <summary>
    /// An instant as EF stores it on SQLite (<c>yyyy-MM-dd HH:mm:ss[.fffffff]</c>, UTC), parsed by hand (any other form
    /// goes through the general parser).
    /// </summary>
    public static DateTime ParseIso(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length < 19 || text.Length > 27 || text[4] != '-' || text[7] != '-' || (text[10] != ' ' && text[10] != 'T')
            || text[13] != ':' || text[16] != ':' || (text.Length > 19 && text[19] != '.') || text.Length == 20)
        {
            return DateTime.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
        }

        long fraction = 0;
        var digits = 0;
        for (var i = 20; i < text.Length; i++, digits++)
        {
            fraction = (fraction * 10) + Digit(text[i]);
        }

        for (; digits < 7; digits++)
        {
            fraction *= 10;
        }

        var date = new DateTime(
            (Digit(text[0]) * 1000) + (Digit(text[1]) * 100) + (Digit(text[2]) * 10) + Digit(text[3]),
            (Digit(text[5]) * 10) + Digit(text[6]),
            (Digit(text[8]) * 10) + Digit(text[9]),
            (Digit(text[11]) * 10) + Digit(text[12]),
            (Digit(text[14]) * 10) + Digit(text[15]),
            (Digit(text[17]) * 10) + Digit(text[18]),
            DateTimeKind.Utc);
        return date.AddTicks(fraction);
    }

    private static int Digit(char c) => c is >= '0' and <= '9' ? c - '0' : throw new FormatException("Not an ISO instant.");

    [GeneratedRegex(@"^FROM ""[^""]+"" AS ""[^""]+""", RegexOptions.Multiline)]
    private static partial Regex RootTable();
}
