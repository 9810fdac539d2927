using Ruche.Core.Common;

namespace Ruche.Web.Hosting;

/// <summary>A page of an API list: the items and the cursor to pass for the next page (absent on the last).</summary>
public sealed record PageDto<T>(IReadOnlyList<T> Items, string? NextCursor);

public static class PageDto
{
    public static PageDto<T> From<T>(Page<T> page) => new(page.Items, page.NextCursor);
}
