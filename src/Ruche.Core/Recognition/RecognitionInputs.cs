using Ruche.Core.Common;

namespace Ruche.Core.Recognition;

/// <summary>What is typed to thank someone or to name a value, checked before any change (the API's limits read these).</summary>
public static class RecognitionInputs
{
    public const int MessageMaxLength = 500;
    public const int ValueLabelMaxLength = 60;
    public const int ValuesMax = 20;

    /// <summary>Kudos one person may give in a rolling day: thanks stay meaningful, and a script cannot flood a wall.</summary>
    public const int KudosPerDay = 10;

    public static string Message(string? message)
    {
        var text = Input.Text(message);
        if (text.Length == 0)
        {
            throw RucheException.Invalid("kudos.message-required", "Say what you thank them for.");
        }

        return text.Length > MessageMaxLength
            ? throw RucheException.Invalid("kudos.message-too-long", $"A thank-you holds at most {MessageMaxLength} characters.")
            : text;
    }

    public static (string Fr, string En) Labels(string? fr, string? en)
    {
        var f = Input.Text(fr);
        var e = Input.Text(en);
        if (f.Length == 0 || e.Length == 0)
        {
            throw RucheException.Invalid("value.label-required", "Name the value in French and in English.");
        }

        return f.Length > ValueLabelMaxLength || e.Length > ValueLabelMaxLength
            ? throw RucheException.Invalid("value.label-too-long", $"A value's name holds at most {ValueLabelMaxLength} characters.")
            : (f, e);
    }

    /// <summary>A month written yyyy-MM; null for none; refused when it is no month.</summary>
    /// <summary>The first day a month or period may start: Ruche holds nothing older.</summary>
    public static readonly DateOnly Earliest = new(2000, 1, 1);

    /// <summary>The last day a period may end (dates past it only overflow).</summary>
    public static readonly DateOnly Latest = new(2100, 12, 31);

    public static DateOnly? MonthOrNull(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null
        : DateOnly.TryParseExact(text.Trim() + "-01", "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var month)
            ? month
            : throw RucheException.Invalid("kudos.month-invalid", "A month is written yyyy-MM.");
}
