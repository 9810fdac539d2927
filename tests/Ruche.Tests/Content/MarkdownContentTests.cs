using Ruche.Core.Content;

namespace Ruche.Tests.Content;

/// <summary>What people write becomes safe HTML: nothing they type runs in a reader's browser.</summary>
public sealed class MarkdownContentTests
{
    private static readonly MarkdownContent Markdown = new();

    private static string Render(string text, params string[] knownHandles) =>
        Markdown.RenderHtml(MarkdownContent.Parse(text), knownHandles.ToDictionary(handle => handle, Named, StringComparer.Ordinal));

    /// <summary>"alice.martin" is "Alice Martin" in the directory these tests imagine.</summary>
    private static string Named(string handle) =>
        string.Join(' ', handle.Split('.').Select(part => char.ToUpperInvariant(part[0]) + part[1..]));

    [Theory]
    [InlineData("Bonjour <script>alert('xss')</script> à tous")]
    [InlineData("<script>\nalert('xss')\n</script>")]
    [InlineData("<SCRIPT SRC=https://evil.example/x.js></SCRIPT>")]
    public void Script_elements_are_removed_with_their_code(string text)
    {
        var html = Render(text);

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("alert(", html, StringComparison.Ordinal);
        Assert.DoesNotContain("evil.example", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Event_handler_attributes_are_removed_but_the_link_stays()
    {
        var html = Render("""Voir <a href="https://example.com/doc" onclick="steal()">la doc</a> <b onmouseover="steal()">ici</b>""");

        Assert.DoesNotContain("onclick", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("onmouseover", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("steal()", html, StringComparison.Ordinal);
        Assert.Contains("href=\"https://example.com/doc\"", html, StringComparison.Ordinal);
        Assert.Contains("la doc", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<img src=x onerror=alert(1)>")]
    [InlineData("Photo : ![chat](https://example.com/chat.png)")]
    public void Images_are_removed_whatever_way_they_are_written(string text)
    {
        var html = Render(text);

        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("onerror", html, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("[clique](javascript:alert(1))")]
    [InlineData("<a href=\"javascript:alert(1)\">clique</a>")]
    [InlineData("<a href=\"JaVaScRiPt:alert(1)\">clique</a>")]
    [InlineData("<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">clique</a>")]
    public void Script_links_lose_their_target(string text)
    {
        var html = Render(text);

        Assert.DoesNotContain("javascript:", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("data:", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("clique", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<iframe src=\"https://evil.example\"></iframe>", "<iframe")]
    [InlineData("<style>body { display: none }</style>", "<style")]
    [InlineData("<p style=\"position:fixed\">x</p>", "style=")]
    [InlineData("<form action=\"https://evil.example\"><input name=password></form>", "<input")]
    [InlineData("<object data=\"x.swf\"></object>", "<object")]
    public void Embedding_and_styling_markup_is_removed(string text, string forbidden)
    {
        var html = Render(text);

        Assert.DoesNotContain(forbidden, html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("evil.example", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Lire https://example.com/rapport")]
    [InlineData("Lire [le rapport](https://example.com/rapport)")]
    [InlineData("Lire <https://example.com/rapport>")]
    public void External_links_get_noopener_noreferrer_nofollow(string text)
    {
        var html = Render(text);

        Assert.Contains("href=\"https://example.com/rapport\"", html, StringComparison.Ordinal);
        Assert.Contains("rel=\"noopener noreferrer nofollow\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Internal_tag_and_mention_links_carry_no_rel()
    {
        var html = Render("Merci @alice.martin pour le #budget", "alice.martin");

        Assert.Contains("<a class=\"tag\" href=\"/tags/budget\">#budget</a>", html, StringComparison.Ordinal);
        Assert.Contains("<a class=\"mention\" href=\"/people/alice.martin\">@Alice Martin</a>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("rel=", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Tags_and_mentions_are_found_in_text()
    {
        var parsed = MarkdownContent.Parse("Réunion #Télétravail avec @Bob.Durand et #RH-2026, #rh_paris.");

        Assert.Equal(["rh-2026", "rh_paris", "teletravail"], parsed.Tags.Order(StringComparer.Ordinal));
        Assert.Equal(["bob.durand"], parsed.Handles);
    }

    [Fact]
    public void A_sentence_final_dot_is_not_part_of_a_mention_or_tag()
    {
        var parsed = MarkdownContent.Parse("Merci @alice. Voir #budget.");

        Assert.Equal(["alice"], parsed.Handles);
        Assert.Equal(["budget"], parsed.Tags);
    }

    [Theory]
    [InlineData("Le code `#pas_un_tag @pas.une.mention` est ici")]
    [InlineData("```\n#pas_un_tag @pas.une.mention\n```")]
    [InlineData("    #pas_un_tag @pas.une.mention")]
    public void Code_spans_and_blocks_hold_no_tags_or_mentions(string text)
    {
        var parsed = MarkdownContent.Parse(text);

        Assert.Empty(parsed.Tags);
        Assert.Empty(parsed.Handles);
        Assert.DoesNotContain("class=\"tag\"", Render(text, "pas.une.mention"), StringComparison.Ordinal);
        Assert.DoesNotContain("class=\"mention\"", Render(text, "pas.une.mention"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Écrivez à jeanne@ruche.fr ou a@b.fr")]
    [InlineData("Je code en C# et en F#")]
    [InlineData("Voir l'issue x#12 et le ticket abc#def")]
    [InlineData("Page https://example.com/page#section et https://example.com/@alice")]
    public void E_mail_addresses_languages_and_urls_hold_no_tags_or_mentions(string text)
    {
        var parsed = MarkdownContent.Parse(text);

        Assert.Empty(parsed.Tags);
        Assert.Empty(parsed.Handles);
    }

    [Theory]
    [InlineData("[le #budget et @alice](https://example.com/doc)")]
    [InlineData("<https://example.com/#budget>")]
    [InlineData("https://example.com/p?q=1#budget")]
    public void Links_hold_no_tags_or_mentions(string text)
    {
        var parsed = MarkdownContent.Parse(text);
        var html = Render(text, "alice");

        Assert.Empty(parsed.Tags);
        Assert.Empty(parsed.Handles);
        Assert.Equal(1, html.Split("<a ").Length - 1);
    }

    [Fact]
    public void A_tag_or_mention_in_a_link_text_stays_text_of_that_link()
    {
        var html = Render("Voir [le #budget et @alice](https://example.com/doc)", "alice");

        Assert.Contains(">le #budget et @alice</a>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("/tags/", html, StringComparison.Ordinal);
        Assert.DoesNotContain("/people/", html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_heading_is_not_a_tag()
    {
        var parsed = MarkdownContent.Parse("# Titre\n\n## Sous-titre");

        Assert.Empty(parsed.Tags);
        Assert.Contains("<h1>Titre</h1>", Render("# Titre"), StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_handle_stays_plain_text()
    {
        var html = Render("Bonjour @inconnu.total et @alice", "alice");

        Assert.Contains("@inconnu.total", html, StringComparison.Ordinal);
        Assert.DoesNotContain("/people/inconnu.total", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/people/alice\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_mention_ends_where_handle_characters_end_so_it_cannot_break_out_of_its_link()
    {
        var html = Render("@x\"onmouseover=\"alert(1) et #y'onclick='z", "x");

        Assert.Contains("<a class=\"mention\" href=\"/people/x\">@X</a>", html, StringComparison.Ordinal);
        Assert.Contains("<a class=\"tag\" href=\"/tags/y\">#y</a>", html, StringComparison.Ordinal);
        Assert.DoesNotContain(" onmouseover=", html, StringComparison.Ordinal);
        Assert.DoesNotContain(" onclick=", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Ordinary_markdown_still_renders()
    {
        var html = Render("**gras** et *italique*\n\n- un\n- deux\n\n> citation");

        Assert.Contains("<strong>gras</strong>", html, StringComparison.Ordinal);
        Assert.Contains("<em>italique</em>", html, StringComparison.Ordinal);
        Assert.Contains("<li>un</li>", html, StringComparison.Ordinal);
        Assert.Contains("<blockquote>", html, StringComparison.Ordinal);
    }
}
