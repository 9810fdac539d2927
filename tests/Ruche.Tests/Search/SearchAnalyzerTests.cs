using Ruche.Core.Common;
using Ruche.Core.Search;

namespace Ruche.Tests.Search;

/// <summary>The analyser and query parser both engines rely on, without a database.</summary>
public sealed class SearchAnalyzerTests
{
    [Theory]
    [InlineData("télétravail", "teletravail")]
    [InlineData("télétravail", "télétravaillons")]
    [InlineData("Télétravail", "TELETRAVAILLER")]
    [InlineData("formation", "formations")]
    [InlineData("serveur", "serveurs")]
    [InlineData("équipe", "equipes")]
    [InlineData("mangeons", "manger")]
    [InlineData("maison", "maisons")]
    public void French_words_of_one_family_share_a_term_whatever_their_accents_and_case(string one, string other) =>
        Assert.Equal(Term(one, SearchLanguage.French), Term(other, SearchLanguage.French));

    [Theory]
    [InlineData("working", "works")]
    [InlineData("engineers", "engineer")]
    [InlineData("policies", "policy")]
    public void English_words_of_one_family_share_a_term(string one, string other) =>
        Assert.Equal(Term(one, SearchLanguage.English), Term(other, SearchLanguage.English));

    [Fact]
    public void Stop_words_and_elisions_are_not_indexed()
    {
        Assert.Equal("equip", SearchAnalyzer.Terms("l'équipe", SearchLanguage.French));
        Assert.Equal(string.Empty, SearchAnalyzer.Terms("le la les de du", SearchLanguage.French));
        Assert.Equal(Term("policy", SearchLanguage.English), SearchAnalyzer.Terms("the policy", SearchLanguage.English));
    }

    [Fact]
    public void A_text_is_stemmed_in_the_language_it_reads_as()
    {
        Assert.Equal(SearchLanguage.French, SearchAnalyzer.DetectLanguage(SearchAnalyzer.Tokenize("Le plan de migration des serveurs est validé")));
        Assert.Equal(SearchLanguage.English, SearchAnalyzer.DetectLanguage(SearchAnalyzer.Tokenize("The migration plan for the servers is approved")));
        Assert.Equal(SearchLanguage.French, SearchAnalyzer.DetectLanguage(SearchAnalyzer.Tokenize("Kubernetes")));
    }

    [Fact]
    public void A_query_has_required_words_phrases_and_exclusions()
    {
        var query = SearchQuery.Parse("serveurs \"plan de migration\" -panne");

        Assert.Equal(2, query.Required.Count);
        Assert.Single(query.Excluded);
        Assert.Contains(query.Required[1].Alternatives, a => a.Count == 2); // "de" is a stop word: the phrase is plan → migration
        Assert.False(query.MatchesNothing);
    }

    [Fact]
    public void A_query_of_stop_words_matches_nothing_and_an_empty_one_is_refused()
    {
        Assert.True(SearchQuery.Parse("le la the").MatchesNothing);
        Assert.Equal("search.query-empty", Assert.Throws<RucheException>(() => SearchQuery.Parse("   ")).Code);
        Assert.Equal("search.query-empty", Assert.Throws<RucheException>(() => SearchQuery.Parse("-seulement")).Code);
        Assert.Equal("search.query-too-long", Assert.Throws<RucheException>(() => SearchQuery.Parse(new string('a', 300))).Code);
    }

    [Fact]
    public void Snippets_encode_user_html_and_mark_the_matched_words()
    {
        var query = SearchQuery.Parse("télétravail");

        var snippet = Snippets.Highlight("<script>alert(1)</script> Le Télétravaillons & co", query.HighlightTerms);

        Assert.Equal("&lt;script&gt;alert(1)&lt;/script&gt; Le <mark>Télétravaillons</mark> &amp; co", snippet);
    }

    [Fact]
    public void A_long_text_is_cut_around_its_matches()
    {
        var words = string.Join(' ', Enumerable.Range(0, 200).Select(i => i == 120 ? "migration" : "mot" + i));

        var snippet = Snippets.Highlight(words, SearchQuery.Parse("migration").HighlightTerms);

        Assert.StartsWith("… ", snippet, StringComparison.Ordinal);
        Assert.EndsWith(" …", snippet, StringComparison.Ordinal);
        Assert.Contains("mot119 <mark>migration</mark> mot121", snippet, StringComparison.Ordinal);
    }

    private static string Term(string word, SearchLanguage language) => SearchAnalyzer.Terms(word, language);
}
