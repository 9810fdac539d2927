using System.Globalization;
using Ruche.Core.Common;
using Ruche.Core.Posts;

namespace Ruche.Core.Feeds;

/// <summary>
/// Keyset cursors of the post feeds, which run newest first by (created time, id): the cursor is the last card's pair,
/// "ticks.id". The id breaks ties between posts created in the same instant, so a page never repeats or skips one.
/// </summary>
public static class FeedCursor
{
    public static (DateTime CreatedAt, long Id)? Parse(string? cursor)
    {
        if (string.IsNullOrEmpty(cursor))
        {
            return null;
        }

        var parts = cursor.Split('.');
        if (parts.Length == 2
            && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            && ticks <= DateTime.MaxValue.Ticks && id > 0)
        {
            return (new DateTime(ticks, DateTimeKind.Utc), id);
        }

        throw RucheException.Invalid("cursor.invalid", "The cursor is not one this server produced.");
    }

    public static string Format(DateTime createdAt, long id) =>
        string.Create(CultureInfo.InvariantCulture, $"{createdAt.Ticks}.{id}");

    /// <summary>The posts after the cursor's, in feed order (older, or as old with a smaller id).</summary>
    public static IQueryable<Post> After(this IQueryable<Post> posts, (DateTime CreatedAt, long Id) last) =>
        posts.Where(p => p.CreatedAt < last.CreatedAt || (p.CreatedAt == last.CreatedAt && p.Id < last.Id));

    /// <summary>Feed order: newest first, the id breaking ties.</summary>
    public static IOrderedQueryable<Post> NewestFirst(this IQueryable<Post> posts) =>
        posts.OrderByDescending(p => p.CreatedAt).ThenByDescending(p => p.Id);
}
