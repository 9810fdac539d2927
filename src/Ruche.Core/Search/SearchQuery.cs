using Ruche.Core.Common;

namespace Ruche.Core.Search;

/// <summary>
/// One word or quoted phrase of a query, as the index terms it may have been written with: its French
/// stems and its English stems (the same when both languages agree). A single word is a one-term phrase.
/// </summary>
public sealed record SearchClause(IReadOnlyList<IReadOnlyList<string>> Alternatives);

/// <summary>
/// A parsed query: every required clause must match (all words by default), no excluded one may.
/// Syntax: words, "quoted phrases", and -word or -"phrase" to exclude.
/// </summary>
public sealed class SearchQuery
{
    public const int MaxLength = 256;
    public const int MaxClauses = 16;

    private SearchQuery(IReadOnlyList<SearchClause> required, IReadOnlyList<SearchClause> excluded)
    {
        Required = required;
        Excluded = excluded;
        HighlightTerms = required.SelectMany(c => c.Alternatives).SelectMany(a => a).ToHashSet(StringComparer.Ordinal);
    }

    public IReadOnlyList<SearchClause> Required { get; }

    public IReadOnlyList<SearchClause> Excluded { get; }

    /// <summary>The terms a snippet marks.</summary>
    public IReadOnlySet<string> HighlightTerms { get; }

    /// <summary>True when every word was a stop word ("le", "the"): nothing can match.</summary>
    public bool MatchesNothing => Required.Count == 0;

    public static SearchQuery Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw Empty();
        }

        if (text.Length > MaxLength)
        {
            throw RucheException.Invalid("search.query-too-long", $"A search holds at most {MaxLength} characters.");
        }

        var required = new List<SearchClause>();
        var excluded = new List<SearchClause>();
        var anyPositiveWord = false;
        foreach (var (words, exclude) in Split(text))
        {
            var tokens = SearchAnalyzer.Tokenize(words).Select(t => t.Folded).ToList();
            anyPositiveWord |= !exclude && tokens.Count > 0;

            // Stop words are not indexed, so they are left out of queries and phrases alike.
            var kept = tokens.Where(t => !SearchAnalyzer.IsStopWordInEither(t)).ToList();
            if (kept.Count == 0)
            {
                continue;
            }

            IReadOnlyList<string> frenchStems = kept.Select(t => SearchAnalyzer.Stem(t, SearchLanguage.French)).ToList();
            IReadOnlyList<string> englishStems = kept.Select(t => SearchAnalyzer.Stem(t, SearchLanguage.English)).ToList();
            var clause = new SearchClause(frenchStems.SequenceEqual(englishStems) ? [frenchStems] : [frenchStems, englishStems]);
            (exclude ? excluded : required).Add(clause);
        }

        if (!anyPositiveWord)
        {
            throw Empty();
        }

        if (required.Count + excluded.Count > MaxClauses)
        {
            throw RucheException.Invalid("search.query-too-long", $"A search holds at most {MaxClauses} words or phrases.");
        }

        return new SearchQuery(required, excluded);
    }

    /// <summary>Cuts a query into words and "phrases", each marked excluded when it starts with '-'.</summary>
    private static IEnumerable<(string Words, bool Exclude)> Split(string text)
    {
        var i = 0;
        while (i < text.Length)
        {
            if (char.IsWhiteSpace(text[i]))
            {
                i++;
                continue;
            }

            var exclude = text[i] == '-' && i + 1 < text.Length && !char.IsWhiteSpace(text[i + 1]);
            if (exclude)
            {
                i++;
            }

            int start, end;
            if (text[i] == '"')
            {
                start = i + 1;
                end = text.IndexOf('"', start);
                end = end < 0 ? text.Length : end;
                i = Math.Min(end + 1, text.Length);
            }
            else
            {
                start = i;
                while (i < text.Length && !char.IsWhiteSpace(text[i]))
                {
                    i++;
                }

                end = i;
            }

            yield return (text[start..end], exclude);
        }
    }

    private static RucheException Empty() => RucheException.Invalid("search.query-empty", "Type at least one word to search for.");
}
