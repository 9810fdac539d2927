using System.Globalization;
using Ruche.Core.Influence;

namespace Ruche.Tests.Influence;

/// <summary>The raw reading of interaction sources (ADR 24): SQLite's text instants parsed by hand, the root table scanned.</summary>
public sealed class InteractionQueryTests
{
    [Theory]
    [InlineData("2026-08-03 05:09:07.4866522")]
    [InlineData("2026-08-03 05:09:07.48")]
    [InlineData("2026-08-03 05:09:07")]
    [InlineData("2026-12-31T23:59:59.9999999")]
    [InlineData("2026-08-03T05:09:07Z")]
    public void Sqlite_instants_parse_as_the_general_parser_reads_them(string text)
    {
        var expected = DateTime.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);

        var parsed = InteractionQuery.ParseIso(text);

        Assert.Equal(expected, parsed);
        Assert.Equal(DateTimeKind.Utc, parsed.Kind);
    }

    [Fact]
    public void Only_the_root_table_is_read_without_an_index()
    {
        const string sql = "SELECT \"r\".\"PersonId\"\nFROM \"Reactions\" AS \"r\"\nINNER JOIN \"Posts\" AS \"p\" ON \"r\".\"PostId\" = \"p\".\"Id\"\nWHERE \"p\".\"Id\" IN (\n    SELECT \"x\".\"Id\"\n    FROM \"Posts\" AS \"x\"\n)";

        var rewritten = InteractionQuery.ScanningRoot(sql);

        Assert.Equal(sql.Replace("FROM \"Reactions\" AS \"r\"", "FROM \"Reactions\" AS \"r\" NOT INDEXED", StringComparison.Ordinal), rewritten);
        Assert.Equal("SELECT 1", InteractionQuery.ScanningRoot("SELECT 1"));
    }
}
