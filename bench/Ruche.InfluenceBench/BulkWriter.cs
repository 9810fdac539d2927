using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;
using Ruche.Core.Data;

namespace Ruche.InfluenceBench;

/// <summary>
/// Writes entities straight into their tables, the columns taken from Ruche's EF model (names, value conversions),
/// so the generated company is exactly what Ruche would have stored: PostgreSQL binary COPY, or SQLite prepared
/// INSERTs in large transactions.
/// </summary>
internal sealed class BulkWriter(RucheDbContext db, bool postgres)
{
    public async Task WriteAsync<T>(IEnumerable<T> rows)
        where T : class
    {
        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
        var table = entity.GetTableName()!;
        var store = StoreObjectIdentifier.Table(table, entity.GetSchema());
        var columns = entity.GetProperties()
            .Where(p => !p.IsShadowProperty() && p.GetColumnName(store) is not null && p.GetComputedColumnSql() is null)
            .Select(p => new Column(p, p.GetColumnName(store)!, p.GetColumnType(), p.GetTypeMapping().Converter, p.GetGetter()))
            .ToList();
        var names = string.Join(", ", columns.Select(c => $"\"{c.Name}\""));
        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open)
        {
            await connection.OpenAsync();
        }

        if (postgres)
        {
            await using var import = await ((NpgsqlConnection)connection).BeginBinaryImportAsync($"COPY \"{table}\" ({names}) FROM STDIN (FORMAT BINARY)");
            foreach (var row in rows)
            {
                await import.StartRowAsync();
                foreach (var column in columns)
                {
                    var value = column.Value(row);
                    if (value is null)
                    {
                        await import.WriteNullAsync();
                    }
                    else
                    {
                        await import.WriteAsync(value, column.PostgresType);
                    }
                }
            }

            await import.CompleteAsync();
            return;
        }

        var parameters = string.Join(", ", columns.Select((_, i) => "$p" + i));
        DbTransaction? transaction = null;
        DbCommand? command = null;
        var inTransaction = 0;
        try
        {
            foreach (var row in rows)
            {
                if (command is null)
                {
                    transaction = await connection.BeginTransactionAsync();
                    command = connection.CreateCommand();
                    command.Transaction = transaction;
                    command.CommandText = $"INSERT OR IGNORE INTO \"{table}\" ({names}) VALUES ({parameters})";
                    for (var i = 0; i < columns.Count; i++)
                    {
                        var parameter = command.CreateParameter();
                        parameter.ParameterName = "$p" + i;
                        command.Parameters.Add(parameter);
                    }

                    await command.PrepareAsync();
                }

                for (var i = 0; i < columns.Count; i++)
                {
                    command.Parameters[i].Value = SqliteValue(columns[i].Value(row));
                }

                await command.ExecuteNonQueryAsync();
                if (++inTransaction == 50_000)
                {
                    await transaction!.CommitAsync();
                    await transaction.DisposeAsync();
                    await command.DisposeAsync();
                    (transaction, command, inTransaction) = (null, null, 0);
                }
            }

            if (transaction is not null)
            {
                await transaction.CommitAsync();
            }
        }
        finally
        {
            if (command is not null)
            {
                await command.DisposeAsync();
            }

            if (transaction is not null)
            {
                await transaction.DisposeAsync();
            }
        }
    }

    /// <summary>After explicit ids, PostgreSQL's identity sequences continue above the highest one.</summary>
    public async Task AdvanceSequencesAsync(params string[] tables)
    {
        if (!postgres)
        {
            return;
        }

        foreach (var table in tables)
        {
            await db.Database.ExecuteSqlRawAsync($"SELECT setval(pg_get_serial_sequence('\"{table}\"', 'Id'), (SELECT max(\"Id\") FROM \"{table}\"))");
        }
    }

    /// <summary>What EF's SQLite mappings store: GUIDs as upper-case text, instants as ISO text (Microsoft.Data.Sqlite's default).</summary>
    private static object SqliteValue(object? value) => value switch
    {
        null => DBNull.Value,
        Guid guid => guid.ToString().ToUpperInvariant(),
        bool flag => flag ? 1 : 0,
        _ => value,
    };

    private sealed record Column(IProperty Property, string Name, string ColumnType, Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter? Converter, IClrPropertyGetter Getter)
    {
        /// <summary>The PostgreSQL type name COPY needs, without length modifiers.</summary>
        public string PostgresType { get; } = ColumnType.Split('(')[0];

        public object? Value(object row)
        {
            var value = Getter.GetClrValue(row);
            return value is null || Converter is null ? value : Converter.ConvertToProvider(value);
        }
    }
}
