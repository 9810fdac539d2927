using System.Globalization;
using Microsoft.Extensions.Localization;

namespace Ruche.Web.Localization;

/// <summary>
/// Counted texts ("1 commentaire", "3 comments"): a key has one text per plural category, <c>key.one</c> and
/// <c>key.other</c>, chosen by the language's rule (Unicode CLDR): French counts 0 and 1 as one, English only 1.
/// Browsers choose the same way with <c>Intl.PluralRules</c>, for counts a script updates.
/// </summary>
public static class Plurals
{
    public static string CategoryOf(long count, CultureInfo language) => language.TwoLetterISOLanguageName switch
    {
        "fr" => count is 0 or 1 ? "one" : "other",
        _ => count == 1 ? "one" : "other",
    };

    /// <summary>The text for <paramref name="count"/> in the reader's language, the count written as they write numbers.</summary>
    /// <param name="more">Further values the text shows after the count (<c>{1}</c>, <c>{2}</c>…).</param>
    public static LocalizedString Count(this IStringLocalizer<Ui> texts, string key, long count, params object[] more) =>
        texts[$"{key}.{CategoryOf(count, CultureInfo.CurrentUICulture)}", [count.ToString("N0", CultureInfo.CurrentCulture), .. more]];
}
