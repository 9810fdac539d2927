using System.Globalization;
using System.Text.Json;
using Ruche.Core.Common;

namespace Ruche.Core.Bdese;

/// <summary>A data table of the BDESE: named columns (years, categories) and labelled rows of numbers (a cell may be empty).</summary>
public sealed record BdeseTable(string LabelHeader, IReadOnlyList<string> Columns, IReadOnlyList<BdeseRow> Rows)
{
    public const int MaxColumns = 12;
    public const int MaxRows = 100;
    public const int CellTextMaxLength = 120;

    /// <summary>Numbers beyond this (in absolute value) are a typing error, not a company's figure.</summary>
    public const decimal MaxValue = 1_000_000_000_000_000m;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static BdeseTable FromJson(string json) =>
        JsonSerializer.Deserialize<BdeseTable>(json, Json) ?? throw new InvalidOperationException("A stored BDESE table is empty.");

    /// <summary>Checks a table sent by a client (the API binds it as is): sizes, texts and numbers; normalised texts.</summary>
    public static BdeseTable Validate(string? labelHeader, IReadOnlyList<string?>? columns, IReadOnlyList<BdeseRowInput?>? rows)
    {
        if (columns is null || rows is null || columns.Count == 0 || rows.Count == 0)
        {
            throw Malformed("A table needs at least one column and one row.");
        }

        if (columns.Count > MaxColumns || rows.Count > MaxRows)
        {
            throw RucheException.Invalid("bdese.table-too-large", $"A table holds at most {MaxColumns} columns and {MaxRows} rows.");
        }

        var names = columns.Select(c => Cell(c, "column")).ToList();
        var lines = new List<BdeseRow>();
        foreach (var row in rows)
        {
            if (row?.Values is null || row.Values.Count != names.Count)
            {
                throw Malformed("Every row needs a label and one value per column.");
            }

            if (row.Values.Any(v => v is { } n && Math.Abs(n) >= MaxValue))
            {
                throw Malformed("A value is out of range.");
            }

            lines.Add(new BdeseRow(Cell(row.Label, "row label"), row.Values.ToList()));
        }

        var header = Input.Text(labelHeader);
        return new BdeseTable(header.Length > CellTextMaxLength ? throw Malformed("The label header is too long.") : header, names, lines);
    }

    /// <summary>
    /// Reads the table typed in the form: one line per row, cells separated by semicolons or tabs (as pasted from a
    /// spreadsheet); the first line names the columns after the label header. Numbers in French or English writing
    /// ("1 234,5" or "1234.5"); an empty cell is no value.
    /// </summary>
    public static BdeseTable Parse(string? text)
    {
        var lines = Input.Text(text).Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Trim().Length > 0).ToList();
        if (lines.Count < 2)
        {
            throw Malformed("A table needs a header line and at least one row.");
        }

        var header = Cells(lines[0]);
        var rows = new List<BdeseRowInput?>();
        foreach (var line in lines.Skip(1))
        {
            var cells = Cells(line);
            rows.Add(new BdeseRowInput(cells[0], cells.Skip(1).Select(Number).ToList()));
        }

        return Validate(header[0], header.Skip(1).ToList(), rows);
    }

    /// <summary>The table as the form shows it again, in the same format <see cref="Parse"/> reads.</summary>
    public string ToText() =>
        string.Join('\n', new[] { string.Join(';', new[] { LabelHeader }.Concat(Columns)) }
            .Concat(Rows.Select(r => string.Join(';', new[] { r.Label }.Concat(r.Values.Select(v => v?.ToString(CultureInfo.InvariantCulture) ?? string.Empty))))));

    private static List<string> Cells(string line) => line.Split(line.Contains('\t', StringComparison.Ordinal) ? '\t' : ';').Select(c => c.Trim()).ToList();

    private static decimal? Number(string cell)
    {
        var compact = new string(cell.Where(c => !char.IsWhiteSpace(c) && c != '\u202F' && c != '\u00A0').ToArray()).Replace(',', '.');
        if (compact.Length == 0)
        {
            return null;
        }

        return decimal.TryParse(compact, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw Malformed($"\"{cell}\" is not a number.");
    }

    private static string Cell(string? value, string what)
    {
        var text = Input.Text(value);
        if (text.Length == 0 || text.Length > CellTextMaxLength)
        {
            throw Malformed($"Every {what} needs a text of at most {CellTextMaxLength} characters.");
        }

        return text;
    }

    private static RucheException Malformed(string message) => RucheException.Invalid("bdese.table-invalid", message);
}

public sealed record BdeseRow(string Label, IReadOnlyList<decimal?> Values);

/// <summary>A row as a client sends it.</summary>
public sealed record BdeseRowInput(string? Label, IReadOnlyList<decimal?>? Values);
