namespace Ruche.Core.Bdese;

/// <summary>
/// The themes of the BDESE as the Labour Code lists them (art. L2312-36, detailed by R2312-9 without an agreement): a
/// fixed list, so every company's database has the same shape. Codes are stable (addresses and texts key on them).
/// </summary>
public static class BdeseThemes
{
    public static readonly IReadOnlyList<string> All =
    [
        "investments",
        "gender-equality",
        "equity-debt",
        "pay-benefits",
        "social-cultural",
        "financiers-pay",
        "financial-flows",
        "partnerships",
        "group-transfers",
        "environment",
    ];

    public static bool IsKnown(string? theme) => theme is not null && All.Contains(theme, StringComparer.Ordinal);
}

/// <summary>
/// The years an item may be about: the BDESE holds the two past years, the current one and three years of outlook
/// (R2312-9); older years are kept for history from 2000 on.
/// </summary>
public static class BdeseYears
{
    public const int First = 2000;

    public const int OutlookYears = 3;

    public static int Last(DateTime now) => now.Year + OutlookYears;

    public static bool IsAllowed(int year, DateTime now) => year >= First && year <= Last(now);

    /// <summary>The years the overview shows: two past years, the current one and the outlook, plus any year with items.</summary>
    public static IReadOnlyList<int> Shown(DateTime now, IEnumerable<int> withItems) =>
        Enumerable.Range(now.Year - 2, 3 + OutlookYears).Concat(withItems).Distinct().Order().ToList();
}
