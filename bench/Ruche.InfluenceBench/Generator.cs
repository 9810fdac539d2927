using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Ruche.Core.Common;
using Ruche.Core.Data;
using Ruche.Core.People;
using Ruche.Core.Posts;
using Ruche.Core.Spaces;

namespace Ruche.InfluenceBench;

/// <summary>
/// A company of <c>people</c> and about <c>interactions</c> A→B acts in Ruche's own tables, within the last 180 days:
/// reactions 60%, top-level comments 15%, replies 5%, mentions 5%, shares 5%, follows 10%; authors and followees with
/// a power-law skew (a few people draw much), givers uniform; one post per ten acts; 1% of the posts in two union
/// spaces (their acts are refused).
/// <para>
/// Bulk: the small tables through <see cref="BulkWriter"/> (columns from Ruche's EF model), the large ones with raw
/// prepared <c>INSERT</c>s in one transaction per table, journal and sync off, the secondary indexes dropped first and
/// created again at the end (their definitions read back from the schema Ruche's migrations made). Rows of tables
/// keyed by (post, …) are written in key order, so their primary-key B-trees only append.
/// </para>
/// </summary>
internal static class Generator
{
    private delegate void Row(params object?[] values);

    private static readonly string[] BulkTables = ["Posts", "PostTags", "Reactions", "Comments", "PostMentions", "PersonFollows"];

    public static async Task RunAsync(RucheDbContext db, int people, int interactions, DateTime now, Action<string> log)
    {
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var writer = new BulkWriter(db, postgres: false);
        var random = new Random(17);
        var sites = Enumerable.Range(1, 5).Select(i => new Site { Id = i, Name = $"Site {i}", TimeZone = "Europe/Paris", CountryCode = "FR" }).ToList();
        var departments = Enumerable.Range(1, 20).Select(i => new Department { Id = i, Name = $"Département {i}" }).ToList();
        await writer.WriteAsync(sites);
        await writer.WriteAsync(departments);
        await writer.WriteAsync(Enumerable.Range(1, people).Select(i =>
        {
            var handle = $"p{i}";
            return new Person
            {
                Id = i,
                UserName = handle + "@bench.ruche",
                NormalizedUserName = (handle + "@bench.ruche").ToUpperInvariant(),
                Email = handle + "@bench.ruche",
                NormalizedEmail = (handle + "@bench.ruche").ToUpperInvariant(),
                SecurityStamp = "s",
                ConcurrencyStamp = "c",
                DisplayName = $"Personne {i}",
                Handle = handle,
                DepartmentId = 1 + (i % departments.Count),
                SiteId = 1 + (i % sites.Count),
                TimeZone = "Europe/Paris",
                CreatedAt = now.AddYears(-1),
            };
        }));
        log($"  people written");

        var firstSpace = (await db.Spaces.MaxAsync(s => (long?)s.Id) ?? 0) + 1;
        const int spaceCount = 200;
        await writer.WriteAsync(Enumerable.Range(0, spaceCount).Select(i => new Space
        {
            Id = firstSpace + i,
            Name = $"Espace {i}",
            Kind = i < 2 ? SpaceKind.Union : SpaceKind.Project,
            Visibility = SpaceVisibility.Open,
            CreatedAt = now.AddYears(-1),
            CreatedById = 1,
        }));

        var connection = (SqliteConnection)db.Database.GetDbConnection();
        await Execute(connection, "PRAGMA foreign_keys = OFF; PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA cache_size = -262144;");
        var indexes = new List<string>();
        await using (var read = connection.CreateCommand())
        {
            read.CommandText = "SELECT sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN ("
                + string.Join(", ", BulkTables.Select(t => $"'{t}'")) + ")";
            await using var reader = await read.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                indexes.Add(reader.GetString(0));
            }
        }

        foreach (var index in indexes)
        {
            var name = index.Split('"')[1];
            await Execute(connection, $"DROP INDEX \"{name}\"");
        }

        long Skewed() => 1 + (long)(people * Math.Pow(random.NextDouble(), 3));
        long Uniform() => 1 + random.Next(people);
        string When() => now.AddSeconds(-random.NextDouble() * 179 * 86400).ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);

        var postCount = Math.Max(10, interactions / 10);
        var shares = interactions / 20;
        var authors = new long[postCount + 1];
        var spaces = new long[postCount + 1];
        await Insert(connection, "INSERT INTO \"Posts\" (\"Id\", \"AuthorId\", \"Body\", \"BodyHtml\", \"CreatedAt\", \"IsShare\", \"Origin\", \"SharedPostId\", \"SpaceId\") VALUES ($0, $1, $2, $3, $4, $5, 'Person', $6, $7)", 8, row =>
        {
            for (var i = 1; i <= postCount; i++)
            {
                authors[i] = Skewed();
                spaces[i] = random.Next(100) switch
                {
                    0 => firstSpace + random.Next(2),
                    < 40 => 0,
                    _ => firstSpace + 2 + random.Next(spaceCount - 2),
                };
                row(i, authors[i], "p", "<p>p</p>", When(), 0, null, spaces[i] == 0 ? null : spaces[i]);
            }

            for (var i = postCount + 1; i <= postCount + shares; i++)
            {
                var shared = 1 + random.Next(postCount);
                row(i, Uniform(), "s", "<p>s</p>", When(), 1, shared, spaces[shared] == 0 ? null : spaces[shared]);
            }
        });
        await Insert(connection, "INSERT INTO \"PostTags\" (\"PostId\", \"Tag\") VALUES ($0, $1)", 2, row =>
        {
            for (var i = 1; i <= postCount / 10; i++)
            {
                row(i * 10, "sujet" + (i % 50));
            }
        });
        log($"  posts and shares written");

        // Reactions in (post, person, kind) order: each post's reactions drawn together, its people sorted.
        var kinds = Enum.GetNames<ReactionKind>();
        var reactions = interactions / 10 * 6;
        await Insert(connection, "INSERT OR IGNORE INTO \"Reactions\" (\"PostId\", \"PersonId\", \"Kind\", \"CreatedAt\") VALUES ($0, $1, $2, $3)", 4, row =>
        {
            var givers = new List<long>();
            long written = 0;
            for (var post = 1; post <= postCount; post++)
            {
                var until = (long)reactions * post / postCount;
                givers.Clear();
                while (written + givers.Count < until)
                {
                    givers.Add(Uniform());
                }

                givers.Sort();
                foreach (var giver in givers)
                {
                    row(post, giver, kinds[random.Next(kinds.Length)], When());
                }

                written += givers.Count;
            }
        });
        log($"  reactions written");
        var topLevel = interactions / 20 * 3;
        var commentPosts = new int[topLevel + 1];
        await Insert(connection, "INSERT INTO \"Comments\" (\"Id\", \"PostId\", \"ParentCommentId\", \"AuthorId\", \"Body\", \"BodyHtml\", \"CreatedAt\") VALUES ($0, $1, $2, $3, $4, $5, $6)", 7, row =>
        {
            for (var i = 1; i <= topLevel; i++)
            {
                commentPosts[i] = 1 + random.Next(postCount);
                row(i, commentPosts[i], null, Uniform(), "c", "<p>c</p>", When());
            }

            for (var i = topLevel + 1; i <= topLevel + (interactions / 20); i++)
            {
                var parent = 1 + random.Next(topLevel);
                row(i, commentPosts[parent], parent, Uniform(), "r", "<p>r</p>", When());
            }
        });
        log($"  comments written");
        var mentions = interactions / 20;
        await Insert(connection, "INSERT OR IGNORE INTO \"PostMentions\" (\"PostId\", \"PersonId\") VALUES ($0, $1)", 2, row =>
        {
            for (var i = 0; i < mentions; i++)
            {
                row(1 + ((long)i * postCount / mentions), Skewed());
            }
        });
        var follows = interactions / 10;
        await Insert(connection, "INSERT OR IGNORE INTO \"PersonFollows\" (\"FollowerId\", \"FolloweeId\", \"CreatedAt\") VALUES ($0, $1, $2)", 3, row =>
        {
            var followees = new List<long>();
            for (var follower = 1; follower <= people; follower++)
            {
                var until = (long)follows * follower / people;
                var count = until - ((long)follows * (follower - 1) / people);
                followees.Clear();
                for (var k = 0; k < count; k++)
                {
                    followees.Add(Skewed());
                }

                followees.Sort();
                foreach (var followee in followees)
                {
                    row(follower, followee, When());
                }
            }
        });
        log($"  mentions and follows written");
        foreach (var index in indexes)
        {
            await Execute(connection, index);
        }

        await Execute(connection, "ANALYZE");
        log($"  indexes created");
    }

    private static async Task Execute(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>One prepared INSERT in one transaction; <paramref name="produce"/> calls the row writer once per row.</summary>
    private static async Task Insert(SqliteConnection connection, string sql, int columns, Action<Row> produce)
    {
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        var parameters = new SqliteParameter[columns];
        for (var i = 0; i < columns; i++)
        {
            parameters[i] = command.Parameters.Add(new SqliteParameter("$" + i.ToString(CultureInfo.InvariantCulture), null));
        }

        command.Prepare();
        produce(values =>
        {
            for (var i = 0; i < columns; i++)
            {
                parameters[i].Value = values[i] ?? DBNull.Value;
            }

            command.ExecuteNonQuery();
        });
        await transaction.CommitAsync();
    }
}
