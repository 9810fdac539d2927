using System.Globalization;
using System.Text;
using Ruche.Core.Common;

namespace Ruche.Core.Wiki;

/// <summary>What is typed to write a page, checked before any change.</summary>
public static class WikiInputs
{
    public const int TitleMaxLength = 150;
    public const int SlugMaxLength = 80;

    /// <summary>About 100 KB of Markdown: a long page, still diffed and merged in milliseconds (ADR 25 gives the figures).</summary>
    public const int TextMaxLength = 100_000;
    public const int SummaryMaxLength = 300;

    public static string CheckTitle(string? title)
    {
        var t = Input.Text(title);
        if (t.Length == 0)
        {
            throw RucheException.Invalid("wiki.title-required", "Give the page a title.");
        }

        return t.Length <= TitleMaxLength ? t
            : throw RucheException.Invalid("wiki.title-too-long", $"A title holds at most {TitleMaxLength} characters.");
    }

    /// <summary>The text as sent, line endings as "\n" and without U+0000; refused when too long or still holding a conflict block.</summary>
    public static string CheckText(string? text)
    {
        var t = (text ?? string.Empty).Replace("\0", string.Empty, StringComparison.Ordinal).ReplaceLineEndings("\n");
        if (t.Length > TextMaxLength)
        {
            throw RucheException.Invalid("wiki.text-too-long", $"A page holds at most {TextMaxLength} characters.");
        }

        return TextMerge.HasConflictMarkers(t)
            ? throw RucheException.Invalid("wiki.conflict-unresolved", "The text still holds a conflict block (<<<<<<< … ======= … >>>>>>>): keep what should stay and remove the markers.")
            : t;
    }

    public static string? CheckSummary(string? summary)
    {
        var s = Input.Text(summary);
        if (s.Length == 0)
        {
            return null;
        }

        return s.Length <= SummaryMaxLength ? s
            : throw RucheException.Invalid("wiki.summary-too-long", $"A summary holds at most {SummaryMaxLength} characters.");
    }

    /// <summary>The address of a title: lower-case letters and digits without accents, dashes between; never only digits (ids are).</summary>
    public static string SlugOf(string title)
    {
        var decomposed = title.Normalize(NormalizationForm.FormD);
        var slug = new StringBuilder();
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (char.IsAsciiLetterOrDigit(c))
            {
                slug.Append(char.ToLowerInvariant(c));
            }
            else if (slug.Length > 0 && slug[^1] != '-')
            {
                slug.Append('-');
            }
        }

        var text = slug.ToString().Trim('-');
        if (text.Length > SlugMaxLength - 4)
        {
            text = text[..(SlugMaxLength - 4)].TrimEnd('-');
        }

        // Never only digits (the address would read as an id) nor a word the addresses use themselves.
        return text.Length == 0 || text.All(char.IsAsciiDigit) || text is "new" or "templates" ? "page-" + text : text;
    }
}
