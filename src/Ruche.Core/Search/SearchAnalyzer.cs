using System.Globalization;
using System.Text;
using Lucene.Net.Tartarus.Snowball;
using Lucene.Net.Tartarus.Snowball.Ext;

namespace Ruche.Core.Search;

public enum SearchLanguage
{
    French,
    English,
}

/// <summary>A word of a text: where it is in the original, and its lower-case, accent-free form.</summary>
public readonly record struct SearchToken(int Start, int Length, string Folded);

/// <summary>
/// Turns text into index terms, the same way for documents and queries and on every provider, so both
/// engines search identical terms (ADR 0006): words are lower-cased and accent-folded, stop words dropped,
/// Snowball-stemmed in the document's language, and doubled letters collapsed. Folding before stemming makes
/// "télétravail" and "teletravail" one term; dropping "-ons" and collapsing doubles join the stems Snowball
/// leaves apart ("télétravaillons" → "teletravaill" → "teletravail").
/// </summary>
public static class SearchAnalyzer
{
    // Elided articles and pronouns ("l'équipe", "qu'il") are split off at the apostrophe, then dropped here.
    private static readonly string[] FrenchElisions = ["l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu"];

    private static readonly HashSet<string> FrenchStopWords = Folded(
        Lucene.Net.Analysis.Fr.FrenchAnalyzer.DefaultStopSet.Select(w => w.ToString()!).Concat(FrenchElisions));

    private static readonly HashSet<string> EnglishStopWords = Folded(
        Lucene.Net.Analysis.En.EnglishAnalyzer.DefaultStopSet.Select(w => w.ToString()!));

    // Snowball programs keep state between calls: one of each per thread.
    [ThreadStatic]
    private static FrenchStemmer? french;

    [ThreadStatic]
    private static EnglishStemmer? english;

    /// <summary>Splits text into words (runs of letters and digits), keeping where each is in the original.</summary>
    public static IEnumerable<SearchToken> Tokenize(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            yield break;
        }

        var i = 0;
        while (i < text.Length)
        {
            while (i < text.Length && !IsWordChar(text[i]))
            {
                i++;
            }

            var start = i;
            while (i < text.Length && (IsWordChar(text[i]) || (i > start && IsMark(text[i]))))
            {
                i++;
            }

            if (i > start)
            {
                yield return new SearchToken(start, i - start, Fold(text.AsSpan(start, i - start)));
            }
        }
    }

    /// <summary>Lower case without accents or ligatures: "Œuvre Éditée" → "oeuvre editee".</summary>
    public static string Fold(ReadOnlySpan<char> word)
    {
        var decomposed = word.ToString().Normalize(NormalizationForm.FormD);
        var folded = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            switch (char.ToLowerInvariant(c))
            {
                case 'œ':
                    folded.Append("oe");
                    break;
                case 'æ':
                    folded.Append("ae");
                    break;
                case 'ß':
                    folded.Append("ss");
                    break;
                case var lower:
                    folded.Append(lower);
                    break;
            }
        }

        return folded.ToString();
    }

    public static bool IsStopWord(string folded, SearchLanguage language) =>
        (language == SearchLanguage.French ? FrenchStopWords : EnglishStopWords).Contains(folded);

    public static bool IsStopWordInEither(string folded) => FrenchStopWords.Contains(folded) || EnglishStopWords.Contains(folded);

    /// <summary>The index term of a folded word in a language.</summary>
    public static string Stem(string folded, SearchLanguage language)
    {
        if (folded.All(char.IsDigit))
        {
            return folded;
        }

        SnowballProgram stemmer = language == SearchLanguage.French ? french ??= new FrenchStemmer() : english ??= new EnglishStemmer();
        stemmer.SetCurrent(folded);
        stemmer.Stem();
        var stem = language == SearchLanguage.French ? FirstPersonPlural(stemmer.Current) : stemmer.Current;
        return CollapseDoubles(stem);
    }

    /// <summary>
    /// Snowball French keeps the "-ons" of "nous travaillons" ("travaillon"), so it would never meet "travail"
    /// or "travailler". Long stems ending in "on" lose it ("mangeon" its "eon"); short ones ("maison", "saison")
    /// keep it, being nouns far more often than verbs.
    /// </summary>
    private static string FirstPersonPlural(string stem) =>
        stem.Length < 7 || !stem.EndsWith("on", StringComparison.Ordinal) ? stem
        : stem.EndsWith("geon", StringComparison.Ordinal) ? stem[..^3]
        : stem[..^2];

    /// <summary>
    /// French unless the text reads as English: a document is stemmed in one language, while a query is
    /// stemmed in both (a French reader may search an English post, and the other way round).
    /// </summary>
    public static SearchLanguage DetectLanguage(IEnumerable<SearchToken> tokens)
    {
        int fr = 0, en = 0;
        foreach (var token in tokens)
        {
            fr += FrenchStopWords.Contains(token.Folded) ? 1 : 0;
            en += EnglishStopWords.Contains(token.Folded) ? 1 : 0;
        }

        return en > fr ? SearchLanguage.English : SearchLanguage.French;
    }

    /// <summary>The terms of a text as one space-separated string, the form both full-text engines index.</summary>
    public static string Terms(string? text, SearchLanguage language)
    {
        var terms = new StringBuilder();
        foreach (var token in Tokenize(text))
        {
            if (IsStopWord(token.Folded, language))
            {
                continue;
            }

            if (terms.Length > 0)
            {
                terms.Append(' ');
            }

            terms.Append(Stem(token.Folded, language));
        }

        return terms.ToString();
    }

    private static string CollapseDoubles(string stem)
    {
        var collapsed = new StringBuilder(stem.Length);
        foreach (var c in stem)
        {
            if (collapsed.Length == 0 || c != collapsed[^1] || !char.IsLetter(c))
            {
                collapsed.Append(c);
            }
        }

        return collapsed.ToString();
    }

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c);

    private static bool IsMark(char c) => CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;

    private static HashSet<string> Folded(IEnumerable<string> words) =>
        words.Select(w => Fold(w)).ToHashSet(StringComparer.Ordinal);
}
