using Ruche.Core.Common;

namespace Ruche.Core.Reporting;

/// <summary>The channel's input rules, checked before anything is stored.</summary>
public static class ReportingInput
{
    public const int TextMaxLength = 10_000;
    public const int MessageMaxLength = 5_000;
    public const int ConcernedMaxLength = 1_000;
    public const int NameMaxLength = 200;
    public const int ContactMaxLength = 200;

    public static string Text(string? typed, string field, int max)
    {
        var text = Input.Text(typed);
        if (text.Length == 0)
        {
            throw RucheException.Invalid($"reporting.{field}-required", $"Write the {field}.");
        }

        return text.Length > max
            ? throw RucheException.Invalid($"reporting.{field}-too-long", $"The {field} holds at most {max} characters.")
            : text;
    }

    public static string? Optional(string? typed, string field, int max)
    {
        var text = Input.Text(typed);
        return text.Length > max
            ? throw RucheException.Invalid($"reporting.{field}-too-long", $"The {field} holds at most {max} characters.")
            : text.Length == 0 ? null : text;
    }

    public static TEnum Choice<TEnum>(string? typed, string field)
        where TEnum : struct, Enum
    {
        var name = Input.Text(typed).Replace("-", string.Empty, StringComparison.Ordinal);
        return name.Length > 0 && !char.IsAsciiDigit(name[0]) && Enum.TryParse<TEnum>(name, ignoreCase: true, out var value) && Enum.IsDefined(value)
            ? value
            : throw RucheException.Invalid($"reporting.{field}-unknown", $"Unknown {field}: {typed}.");
    }

    /// <summary>The enum's name as pages and the API write it ("HealthSafety" → "health-safety").</summary>
    public static string Name<TEnum>(TEnum value)
        where TEnum : struct, Enum =>
        string.Concat(value.ToString().Select((c, i) => i > 0 && char.IsUpper(c) ? "-" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
}
