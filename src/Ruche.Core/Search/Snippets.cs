using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace Ruche.Core.Search;

/// <summary>
/// Highlighted extracts of a result's text: HTML-encoded, with the words the query matched in
/// <c>&lt;mark&gt;</c>, so pages can show them as markup and no user HTML ever gets through.
/// </summary>
public static class Snippets
{
    public const int WindowWords = 30;

    // Encodes markup characters only: accented letters stay readable in the API's JSON and the page's source.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    /// <summary>The window of <paramref name="words"/> words holding the most matches, with ellipses where text was cut.</summary>
    public static string Highlight(string text, IReadOnlySet<string> terms, int words = WindowWords)
    {
        var tokens = SearchAnalyzer.Tokenize(text).ToList();
        if (tokens.Count == 0)
        {
            return Encoder.Encode(text);
        }

        var matched = tokens.Select(t => Matches(t.Folded, terms)).ToArray();
        var (first, last) = BestWindow(matched, words);
        var html = new StringBuilder();
        if (first > 0)
        {
            html.Append("… ");
        }

        var position = first == 0 ? 0 : tokens[first].Start;
        for (var i = first; i <= last; i++)
        {
            var token = tokens[i];
            html.Append(Encoder.Encode(text[position..token.Start]));
            var word = Encoder.Encode(text.Substring(token.Start, token.Length));
            html.Append(matched[i] ? $"<mark>{word}</mark>" : word);
            position = token.Start + token.Length;
        }

        // The rest of the text after the last word only when it is punctuation ending the text.
        if (last == tokens.Count - 1)
        {
            html.Append(Encoder.Encode(text[position..].TrimEnd()));
        }
        else
        {
            html.Append(" …");
        }

        return html.ToString();
    }

    /// <summary>All of a short text (a name, a title), highlighted.</summary>
    public static string HighlightAll(string text, IReadOnlySet<string> terms) => Highlight(text, terms, int.MaxValue);

    private static bool Matches(string folded, IReadOnlySet<string> terms) =>
        terms.Any(t => StartsLike(folded, t))
        && !SearchAnalyzer.IsStopWordInEither(folded)
        && (terms.Contains(SearchAnalyzer.Stem(folded, SearchLanguage.French)) || terms.Contains(SearchAnalyzer.Stem(folded, SearchLanguage.English)));

    /// <summary>
    /// Stemming every word is most of a snippet's cost. A stem keeps the first letters of its word (doubled
    /// letters collapsed), so a word whose first three letters start no term cannot match and is not stemmed.
    /// </summary>
    private static bool StartsLike(string word, string term)
    {
        var prefix = Math.Min(3, term.Length);
        var i = 0;
        var previous = '\0';
        for (var j = 0; j < prefix; i++)
        {
            if (i >= word.Length)
            {
                return false;
            }

            var c = word[i];
            if (c == previous && char.IsLetter(c))
            {
                continue;
            }

            if (c != term[j])
            {
                return false;
            }

            previous = c;
            j++;
        }

        return true;
    }

    private static (int First, int Last) BestWindow(bool[] matched, int words)
    {
        if (matched.Length <= words)
        {
            return (0, matched.Length - 1);
        }

        // Slide a window over the words and keep the one with the most matches, then start it three words
        // before its first match: the reader sees a little context before and the most after.
        int count = 0, best = -1, bestStart = 0;
        for (var i = 0; i < matched.Length; i++)
        {
            count += matched[i] ? 1 : 0;
            if (i >= words)
            {
                count -= matched[i - words] ? 1 : 0;
            }

            var start = Math.Max(0, i - words + 1);
            if (count > best)
            {
                best = count;
                bestStart = start;
            }
        }

        var firstMatch = Array.IndexOf(matched, true, bestStart);
        if (firstMatch >= 0)
        {
            bestStart = Math.Min(Math.Max(bestStart, firstMatch - 3), matched.Length - words);
        }

        var end = Math.Min(matched.Length - 1, bestStart + words - 1);
        return (bestStart, end);
    }
}
