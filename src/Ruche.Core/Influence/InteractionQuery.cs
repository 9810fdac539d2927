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
    public static Task ReadAsync<TRow>(IQueryable<TRow> rows, RucheDbContext db, InteractionKind kind, IInteractionSink sink, CancellationToken cancellationToken) =>
        RunAsync(rows, db, scanRoot: true, (reader, time) =>
        {
            // An act about no content may project its space and post as null constants, which EF keeps out of the SQL.
            var aboutContent = reader.FieldCount switch
            {
                5 => true,
                3 => false,
                _ => throw new InvalidOperationException($"An interaction query selects 3 or 5 columns, not {reader.FieldCount}."),
            };
            return () => sink.Add(
                kind,
                reader.GetInt64(0),
                reader.GetInt64(1),
                time(2),
                !aboutContent || reader.IsDBNull(3) ? null : reader.GetInt64(3),
                !aboutContent || reader.IsDBNull(4) ? null : reader.GetInt64(4));
        }, cancellationToken);

    /// <summary>
    /// Reads <paramref name="rows"/> into <paramref name="sink"/> as acts of <paramref name="kind"/> about posts
    /// (<see cref="IInteractionSink.AddAboutPost"/>): no join to the posts at read time. The projection selects, in
    /// this order: the giver's person id, the time and the post id (the receiver is the post's author); or the giver,
    /// the receiver, the time and the post id.
    /// </summary>
    public static Task ReadAboutPostsAsync<TRow>(IQueryable<TRow> rows, RucheDbContext db, InteractionKind kind, IInteractionSink sink, CancellationToken cancellationToken) =>
        RunAsync(rows, db, scanRoot: true, (reader, time) => reader.FieldCount switch
        {
            3 => () => sink.AddAboutPost(kind, reader.GetInt64(0), null, time(1), reader.GetInt64(2)),
            4 => () => sink.AddAboutPost(kind, reader.GetInt64(0), reader.GetInt64(1), time(2), reader.GetInt64(3)),
            _ => throw new InvalidOperationException($"An interaction query about posts selects 3 or 4 columns, not {reader.FieldCount}."),
        }, cancellationToken);

    /// <summary>
    /// Reads <paramref name="rows"/> into <paramref name="sink"/> as posts acts may be about
    /// (<see cref="IInteractionSink.DeclarePost"/>). The projection selects the post id, its author's person id and its
    /// space id (nullable). The query may use an index (a covering one reads no post's text).
    /// </summary>
    public static Task ReadPostsAsync<TRow>(IQueryable<TRow> rows, RucheDbContext db, IInteractionSink sink, CancellationToken cancellationToken) =>
        RunAsync(rows, db, scanRoot: false, (reader, _) => reader.FieldCount == 3
            ? () => sink.DeclarePost(reader.GetInt64(0), reader.GetInt64(1), reader.IsDBNull(2) ? null : reader.GetInt64(2))
            : throw new InvalidOperationException($"A query of posts selects 3 columns, not {reader.FieldCount}."), cancellationToken);

    /// <summary>
    /// Runs the query and calls, for each row, what <paramref name="rowReader"/> returns for the open reader (given a
    /// way to read an instant column: text on SQLite, a timestamp on PostgreSQL).
    /// </summary>
    private static async Task RunAsync<TRow>(
        IQueryable<TRow> rows,
        RucheDbContext db,
        bool scanRoot,
        Func<DbDataReader, Func<int, DateTime>, Action> rowReader,
        CancellationToken cancellationToken)
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
            if (sqlite && scanRoot)
            {
                command.CommandText = ScanningRoot(command.CommandText);
            }

            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            bool? timeAsText = null;
            DateTime Time(int ordinal)
            {
                // SQLite stores EF's instants as text: parsed here by hand; PostgreSQL's are timestamps.
                timeAsText ??= reader.GetFieldType(ordinal) == typeof(string);
                return timeAsText.Value ? ParseIso(reader.GetString(ordinal)) : DateTime.SpecifyKind(reader.GetDateTime(ordinal), DateTimeKind.Utc);
            }

            var readRow = rowReader(reader, Time);
            while (await reader.ReadAsync(cancellationToken))
            {
                readRow();
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
