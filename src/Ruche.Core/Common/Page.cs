namespace Ruche.Core.Common;

/// <summary>A page of results and the opaque cursor of the next one (null on the last page).</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, string? NextCursor);

/// <summary>Keyset cursors over descending ids: the cursor is the last id seen.</summary>
public static class Cursor
{
    public static long? Parse(string? cursor)
    {
        if (string.IsNullOrEmpty(cursor))
        {
            return null;
        }

        if (long.TryParse(cursor, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id) && id > 0)
        {
            return id;
        }

        throw RucheException.Invalid("cursor.invalid", "The cursor is not one this server produced.");
    }

    public static string Format(long id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static int PageSize(int? requested)
    {
        var size = requested ?? Limits.PageSizeDefault;
        if (size < 1 || size > Limits.PageSizeMax)
        {
            throw RucheException.Invalid("page-size.invalid", $"Page size must be between 1 and {Limits.PageSizeMax}.");
        }

        return size;
    }
}
