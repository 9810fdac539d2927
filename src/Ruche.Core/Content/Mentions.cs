namespace Ruche.Core.Content;

public static class Mentions
{
    /// <summary>The lower-case handle, or null when the text is not a valid handle.</summary>
    public static string? NormalizeHandle(string? handle)
    {
        if (string.IsNullOrWhiteSpace(handle))
        {
            return null;
        }

        var trimmed = handle.Trim().TrimStart('@');
        if (trimmed.Length is 0 or > 64 || !trimmed.All(IsHandleChar) || !char.IsLetterOrDigit(trimmed[0]))
        {
            return null;
        }

        return trimmed.ToLowerInvariant();
    }

    internal static bool IsHandleChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-';
}
