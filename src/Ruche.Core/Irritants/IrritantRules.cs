using System.Security.Cryptography;
using NodaTime;
using Ruche.Core.Common;
using Ruche.Core.WorkTime;

namespace Ruche.Core.Irritants;

/// <summary>The fixed rules of irritants: limits, categories, statuses, the "me too" threshold and the response deadline.</summary>
public static class IrritantRules
{
    public const int DescriptionMaxLength = 2_000;
    public const int ResponseMaxLength = 2_000;

    /// <summary>"Me too" counts show from this many, so one or two colleagues cannot be singled out.</summary>
    public const int MeTooShownFrom = 3;

    /// <summary>Where the response target is counted when the irritant names no site (the company's home country).</summary>
    public const string DefaultCountry = "FR";

    public static readonly IReadOnlyDictionary<string, IrritantStatus> StatusNames = new Dictionary<string, IrritantStatus>(StringComparer.Ordinal)
    {
        ["open"] = IrritantStatus.Open,
        ["acknowledged"] = IrritantStatus.Acknowledged,
        ["in-progress"] = IrritantStatus.InProgress,
        ["resolved"] = IrritantStatus.Resolved,
        ["wont-fix"] = IrritantStatus.WontFix,
    };

    public static string Name(IrritantStatus status) => StatusNames.First(s => s.Value == status).Key;

    public static IrritantStatus? StatusOrNull(string? name) =>
        string.IsNullOrWhiteSpace(name) ? null
        : StatusNames.TryGetValue(name.Trim(), out var status) ? status
        : throw RucheException.Invalid("irritant.status-invalid", "The status is open, acknowledged, in-progress, resolved or wont-fix.");

    /// <summary>What a count shows: the number from <see cref="MeTooShownFrom"/>, nothing below.</summary>
    public static int? Shown(int meToo) => meToo >= MeTooShownFrom ? meToo : null;

    /// <summary>A random positive id within what JavaScript numbers hold exactly: no order, no time.</summary>
    public static long NewId()
    {
        Span<byte> bytes = stackalloc byte[8];
        long id;
        do
        {
            RandomNumberGenerator.Fill(bytes);
            id = BitConverter.ToInt64(bytes) & ((1L << 53) - 1);
        }
        while (id == 0);
        return id;
    }

    /// <summary>The date <paramref name="workingDays"/> working days (Monday to Friday, not a public holiday of the country) after a date.</summary>
    public static DateOnly AddWorkingDays(DateOnly from, int workingDays, string? countryCode, Holidays holidays)
    {
        var day = LocalDate.FromDateOnly(from);
        var left = workingDays;
        while (left > 0)
        {
            day = day.PlusDays(1);
            if (day.DayOfWeek is not (IsoDayOfWeek.Saturday or IsoDayOfWeek.Sunday) && !holidays.IsHoliday(countryCode ?? DefaultCountry, null, day))
            {
                left--;
            }
        }

        return day.ToDateOnly();
    }
}

/// <summary>The fixed list of categories (their French and English names are texts: irritants.category.{code}).</summary>
public static class IrritantCategories
{
    public static readonly IReadOnlyList<string> All =
        ["equipment", "it", "premises", "comfort", "processes", "meetings", "communication", "commute", "catering", "other"];

    public static string Check(string? category)
    {
        var code = Input.Text(category);
        if (code.Length == 0)
        {
            throw RucheException.Invalid("irritant.category-required", "Choose a category.");
        }

        return All.Contains(code, StringComparer.Ordinal) ? code
            : throw RucheException.Invalid("irritant.category-invalid", $"The category is one of: {string.Join(", ", All)}.");
    }
}

/// <summary>Configurable: how many working days HR has to answer an irritant (Ruche:Irritants:ResponseTargetWorkingDays, default 10).</summary>
public sealed record IrritantSettings(int ResponseTargetWorkingDays = 10);
