using Ruche.Core.Common;

namespace Ruche.Core.Bdese;

/// <summary>What an item's save must hold, checked before anything changes.</summary>
public static class BdeseInput
{
    public const int TitleMaxLength = 200;
    public const int ReasonMaxLength = 500;
    public const int DocumentMaxBytes = 10 * 1024 * 1024;

    public static string Title(string? title)
    {
        var text = Input.Text(title);
        if (text.Length == 0)
        {
            throw RucheException.Invalid("bdese.title-required", "An item needs a title.");
        }

        return text.Length <= TitleMaxLength ? text : throw RucheException.Invalid("bdese.title-too-long", $"A title has at most {TitleMaxLength} characters.");
    }

    public static string Theme(string? theme) =>
        BdeseThemes.IsKnown(theme) ? theme! : throw RucheException.Invalid("bdese.theme-unknown", "This is not one of the BDESE's legal themes.");

    public static int Year(int? year, DateTime now) =>
        year is { } y && BdeseYears.IsAllowed(y, now)
            ? y
            : throw RucheException.Invalid("bdese.year-invalid", $"The year must be between {BdeseYears.First} and {BdeseYears.Last(now)}.");

    /// <summary>Both a reason and a last day, the day not past; or neither (not confidential).</summary>
    public static (string? Reason, DateOnly? Until) Confidentiality(string? reason, DateOnly? until, DateOnly today)
    {
        var text = Input.Text(reason);
        if (text.Length == 0 && until is null)
        {
            return (null, null);
        }

        if (text.Length == 0 || until is null)
        {
            throw RucheException.Invalid("bdese.confidential-incomplete", "A confidential item needs both a reason and a last day.");
        }

        if (text.Length > ReasonMaxLength)
        {
            throw RucheException.Invalid("bdese.confidential-reason-too-long", $"The reason has at most {ReasonMaxLength} characters.");
        }

        return until < today
            ? throw RucheException.Invalid("bdese.confidential-until-past", "The last day of confidentiality is already past.")
            : (text, until);
    }
}
