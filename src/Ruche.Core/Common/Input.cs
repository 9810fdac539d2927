namespace Ruche.Core.Common;

/// <summary>Normalises free text before it is validated, so what is checked is what gets stored.</summary>
public static class Input
{
    /// <summary>Trimmed, without U+0000 (which storage drops anyway); empty for null.</summary>
    public static string Text(string? value) =>
        (value ?? string.Empty).Replace("\0", string.Empty, StringComparison.Ordinal).Trim();
}
