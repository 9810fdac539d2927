using System.Collections.Concurrent;
using NodaTime;
using PublicHoliday;

namespace Ruche.Core.WorkTime;

/// <summary>
/// Public holidays by country (and province or region where the country has its own), from the PublicHoliday
/// library for the countries it covers, plus the company's own list (<see cref="CompanyHoliday"/>) — the only source
/// for a country the library does not cover, such as Singapore. Built once per use from the company list; each
/// country-year is computed once and cached.
/// </summary>
public sealed class Holidays
{
    private readonly ILookup<string, LocalDate> company;
    private readonly ConcurrentDictionary<(string Country, string? Region, int Year), HashSet<LocalDate>> years = new();

    public Holidays(IEnumerable<CompanyHoliday> companyHolidays)
    {
        company = companyHolidays.ToLookup(h => h.CountryCode.ToUpperInvariant(), h => LocalDate.FromDateOnly(h.Date));
    }

    public static Holidays None { get; } = new([]);

    /// <summary>Countries whose holidays come from the library; any other country has only the company's list.</summary>
    public static IReadOnlySet<string> Covered { get; } = new HashSet<string>(StringComparer.Ordinal) { "FR", "CA" };

    public static bool IsCovered(string? countryCode) => countryCode is not null && Covered.Contains(countryCode.ToUpperInvariant());

    /// <param name="region">A Canadian province code ("QC") for Canada; ignored elsewhere (France: metropolitan holidays).</param>
    public bool IsHoliday(string? countryCode, string? region, LocalDate date)
    {
        if (string.IsNullOrEmpty(countryCode))
        {
            return false;
        }

        var country = countryCode.ToUpperInvariant();
        var key = (country, country == "CA" ? region?.ToUpperInvariant() : null, date.Year);
        return years.GetOrAdd(key, k => Compute(k.Country, k.Region, k.Year)).Contains(date);
    }

    private HashSet<LocalDate> Compute(string country, string? region, int year)
    {
        var dates = company[country].Where(d => d.Year == year).ToHashSet();
        IPublicHolidays? library = country switch
        {
            "FR" => new FrancePublicHoliday(),
            "CA" => string.IsNullOrEmpty(region) ? new CanadaPublicHoliday() : new CanadaPublicHoliday(region),
            _ => null,
        };
        if (library is not null)
        {
            dates.UnionWith(library.PublicHolidays(year).Select(LocalDate.FromDateTime));
        }

        return dates;
    }
}
