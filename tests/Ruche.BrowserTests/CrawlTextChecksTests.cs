namespace Ruche.BrowserTests;

/// <summary>The crawler's text checks find what they must and leave addresses and file names alone.</summary>
public sealed class CrawlTextChecksTests
{
    [Theory]
    [InlineData("Filtrer : search.type.event (3)", "search.type.event")]
    [InlineData("nav.home", "nav.home")]
    [InlineData("Erreur : error.some-missing-key.", "error.some-missing-key")]
    public void A_key_shown_raw_is_found(string text, string key) => Assert.Contains(key, UiTextChecks.RawKeys(text));

    [Theory]
    [InlineData("Écrivez à julien.roux@demo.ruche.local ou voyez rapport-final.pdf")]
    [InlineData("Le compte-rendu est dans search.pdf et sur https://intranet.example.com/nav.home")]
    [InlineData("Objectifs du jour : 3. Fin. Voir aussi www.ruche.fr")]
    public void Addresses_and_file_names_are_not_keys(string text) => Assert.Empty(UiTextChecks.RawKeys(text));

    [Fact]
    public void French_left_on_an_english_page_is_found_but_words_both_languages_share_are_not()
    {
        Assert.Equal(["Rechercher"], UiTextChecks.FrenchOnEnglishPage(["Rechercher", "Type", "Agenda", "Search"]));
    }
}
