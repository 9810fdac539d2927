using System.Data.Common;
using System.Diagnostics;
using System.Globalization;

namespace Ruche.Scale;

/// <summary>One fan-out case: what writing one post into the per-person feeds costs, on average over the posts.</summary>
internal sealed record FanOutFigure(string Case, int Posts, double RowsPerPost, double MsPerPost, double MaxMs, double RowsPerSecond);

/// <summary>
/// The write side of the precomputed feed (<c>BenchHomeFeed</c>, whose read side <see cref="SqlFloor"/> measures), with
/// the feeds first filled to their steady state (800 entries for every member of the announcement space).
/// </summary>
internal sealed record FanOutResult(int Members, long PrefilledRows, double PrefillSeconds, IReadOnlyList<FanOutFigure> Cases);

/// <summary>
/// Fan-out on write at the SQL level, as one <c>INSERT … SELECT</c> per post (each its own transaction, as a post's
/// fan-out job would commit): into every active member of the 10,000-member announcement space, and into a typical
/// author's followers ∪ the members of their team space (the author with the median follower count); then trimming
/// every member's feed back to its newest 800 entries, once for all those posts (a periodic trim: trimming on every
/// insert, as Mastodon's Redis sorted sets do, would rank 800 rows per member per post). Post ids are new ids above
/// every real post: the table has no foreign key, and the cost of a row does not depend on the post's content.
/// </summary>
internal static class FanOutCost
{
    public const int FeedLength = 800;
    private const int AnnouncementPosts = 20;
    private const int TypicalPosts = 50;

    public static async Task<FanOutResult> MeasureAsync(DbConnection connection, bool postgres, Company company, Action<string> log)
    {
        await connection.OpenAsync();
        var space = company.AnnouncementSpaceId;
        var active = $"\"Status\" = 'Active'";
        var members = $"SELECT \"PersonId\" FROM \"SpaceMemberships\" WHERE \"SpaceId\" = {space} AND {active}";

        // Steady state: 800 entries per member (ids 1..800, older than anything fanned out below). PostgreSQL builds the
        // primary key after the rows (much faster than 8M index inserts); SQLite takes them sorted in its primary key.
        var clock = Stopwatch.StartNew();
        await ExecuteAsync(connection, "DROP TABLE IF EXISTS \"BenchHomeFeed\"");
        if (postgres)
        {
            await ExecuteAsync(connection, "CREATE TABLE \"BenchHomeFeed\" (\"PersonId\" bigint NOT NULL, \"PostId\" bigint NOT NULL)");
            await ExecuteAsync(connection, $"INSERT INTO \"BenchHomeFeed\" SELECT m.\"PersonId\", g FROM ({members}) AS m CROSS JOIN generate_series(1, {FeedLength}) AS g");
            await ExecuteAsync(connection, "ALTER TABLE \"BenchHomeFeed\" ADD PRIMARY KEY (\"PersonId\", \"PostId\")");
        }
        else
        {
            await ExecuteAsync(connection, SqlFloor.FeedTableDdl(postgres: false));
            await ExecuteAsync(connection, $"WITH RECURSIVE g(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM g WHERE n < {FeedLength}) INSERT INTO \"BenchHomeFeed\" SELECT m.\"PersonId\", g.n FROM ({members}) AS m, g ORDER BY 1, 2");
        }

        await ExecuteAsync(connection, "ANALYZE \"BenchHomeFeed\"");
        var prefilled = await ScalarAsync(connection, "SELECT COUNT(*) FROM \"BenchHomeFeed\"");
        var memberCount = (int)await ScalarAsync(connection, $"SELECT COUNT(*) FROM ({members}) AS m");
        var prefill = clock.Elapsed.TotalSeconds;
        log($"  fan-out: {prefilled:N0} feed rows for {memberCount:N0} members in {prefill:0.0} s");

        var nextPost = await ScalarAsync(connection, "SELECT MAX(\"Id\") FROM \"Posts\"") + 1_000;
        var cases = new List<FanOutFigure>
        {
            await FanOutAsync(connection, $"announcement ({memberCount:N0} members)", AnnouncementPosts, () => nextPost++,
                id => $"INSERT INTO \"BenchHomeFeed\" (\"PersonId\", \"PostId\") SELECT \"PersonId\", {id} FROM \"SpaceMemberships\" WHERE \"SpaceId\" = {space} AND {active}"),
        };

        // A typical author: the median follower count among the people who post; their team is their one team space.
        var author = await MedianFollowedAsync(connection, company.PersonIds);
        var team = await ScalarAsync(connection, $"SELECT MIN(\"SpaceId\") FROM \"SpaceMemberships\" WHERE \"PersonId\" = {author} AND \"SpaceId\" IN ({string.Join(',', company.TeamSpaceIds)})");
        var typical = $"SELECT \"FollowerId\" FROM \"PersonFollows\" WHERE \"FolloweeId\" = {author} UNION SELECT \"PersonId\" FROM \"SpaceMemberships\" WHERE \"SpaceId\" = {team} AND {active} UNION SELECT {author}";
        var followers = await ScalarAsync(connection, $"SELECT COUNT(*) FROM \"PersonFollows\" WHERE \"FolloweeId\" = {author}");
        var teamSize = await ScalarAsync(connection, $"SELECT COUNT(*) FROM \"SpaceMemberships\" WHERE \"SpaceId\" = {team} AND {active}");
        cases.Add(await FanOutAsync(connection, $"typical post ({followers} followers ∪ team of {teamSize})", TypicalPosts, () => nextPost++,
            id => $"INSERT INTO \"BenchHomeFeed\" (\"PersonId\", \"PostId\") SELECT a.\"FollowerId\", {id} FROM ({typical}) AS a"));

        // Trim every member's feed back to 800, once for all the posts above (rows per post = rows deleted / posts).
        clock.Restart();
        var deleted = await ExecuteAsync(connection,
            $"DELETE FROM \"BenchHomeFeed\" WHERE (\"PersonId\", \"PostId\") IN (SELECT \"PersonId\", \"PostId\" FROM (SELECT f.\"PersonId\", f.\"PostId\", "
            + $"ROW_NUMBER() OVER (PARTITION BY f.\"PersonId\" ORDER BY f.\"PostId\" DESC) AS n FROM \"BenchHomeFeed\" AS f WHERE f.\"PersonId\" IN ({members})) AS ranked WHERE n > {FeedLength})");
        var trim = clock.Elapsed;
        var posts = AnnouncementPosts + TypicalPosts;
        cases.Add(new FanOutFigure($"trim to {FeedLength} (once after {posts} posts)", posts, (double)deleted / posts, trim.TotalMilliseconds / posts, trim.TotalMilliseconds, deleted / trim.TotalSeconds));
        await connection.CloseAsync();
        foreach (var figure in cases)
        {
            log(FormattableString.Invariant($"  fan-out {figure.Case}: {figure.MsPerPost:0.0} ms/post, {figure.RowsPerSecond:N0} rows/s"));
        }

        return new FanOutResult(memberCount, prefilled, prefill, cases);
    }

    private static async Task<FanOutFigure> FanOutAsync(DbConnection connection, string name, int posts, Func<long> nextId, Func<long, string> sql)
    {
        var times = new List<double>();
        long rows = 0;
        for (var i = 0; i < posts; i++)
        {
            var clock = Stopwatch.StartNew();
            rows += await ExecuteAsync(connection, sql(nextId()));
            times.Add(clock.Elapsed.TotalMilliseconds);
        }

        return new FanOutFigure(name, posts, (double)rows / posts, times.Average(), times.Max(), rows / (times.Sum() / 1000));
    }

    /// <summary>The person whose follower count is the median over the company's people (not the readers).</summary>
    private static async Task<long> MedianFollowedAsync(DbConnection connection, long[] people)
    {
        var counts = people.ToDictionary(p => p, _ => 0L);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT \"FolloweeId\", COUNT(*) FROM \"PersonFollows\" GROUP BY \"FolloweeId\"";
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                counts[reader.GetInt64(0)] = reader.GetInt64(1);
            }
        }

        var ordered = counts.OrderBy(c => c.Value).ThenBy(c => c.Key).ToList();
        return ordered[ordered.Count / 2].Key;
    }

    private static async Task<int> ExecuteAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.CommandTimeout = 600;
        return await command.ExecuteNonQueryAsync();
    }

    private static async Task<long> ScalarAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }
}
