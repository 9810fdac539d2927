using AngleSharp.Html.Parser;
using CsCheck;
using Ruche.Core.Content;
using Ruche.Core.Files;

namespace Ruche.Tests.Fuzz;

/// <summary>
/// Property tests over what people type: whatever the input (generated text mixed with known XSS forms,
/// Markdown syntax, #tags, @mentions, odd Unicode), the parsers never throw and the HTML keeps to the
/// allowed tags, attributes and URL schemes.
/// </summary>
public sealed class ContentPropertyTests
{
    public const int Iterations = 5_000;

    private static readonly HashSet<string> AllowedTags =
    [
        "p", "br", "em", "strong", "del", "code", "pre", "blockquote", "ul", "ol", "li",
        "h1", "h2", "h3", "h4", "h5", "h6", "hr", "a", "table", "thead", "tbody", "tr", "th", "td",
    ];

    private static readonly HashSet<string> AllowedAttributes = ["href", "class", "start", "rel"];

    private static readonly Gen<string> Fragment = Gen.OneOf(
        Gen.OneOf(XssVectors.All),
        Gen.OneOf<string>(["#", "@", "#tag", "#Télétravail", "@camille.martin", "C#", "a@b.fr", "**", "_", "`", "```\n", "> ", "- ", "1. ", "[", "](", ")", "<", ">", "&", "\"", "'", "\n", "\n\n", " ", "https://example.com/a?b=c", "&#", ";", "\u0000", "\u202e", "😀", "é", "\t"]),
        Gen.String[Gen.Char.AlphaNumeric, 0, 12],
        Gen.String[0, 8]);

    private static readonly Gen<string> Text = Gen.Select(Fragment.Array[0, 24], parts => string.Concat(parts));

    [Fact]
    public void Rendered_html_keeps_to_the_allowed_tags_attributes_and_schemes()
    {
        var markdown = new MarkdownContent();
        var parser = new HtmlParser();
        Text.Sample(text =>
        {
            var parsed = MarkdownContent.Parse(text);
            var html = markdown.RenderHtml(parsed, new Dictionary<string, string> { ["camille.martin"] = "Camille Martin" });
            var document = parser.ParseDocument("<body>" + html + "</body>");
            foreach (var element in document.Body!.QuerySelectorAll("*"))
            {
                Assert.Contains(element.LocalName, AllowedTags);
                foreach (var attribute in element.Attributes)
                {
                    Assert.Contains(attribute.LocalName, AllowedAttributes);
                }

                if (element.GetAttribute("href") is { } href)
                {
                    // A link has a scheme when a colon comes before any "/", "?" or "#" (a colon in a path, query or
                    // fragment is just text): then it must be one of the allowed schemes.
                    var trimmed = href.Trim();
                    var colon = trimmed.IndexOf(':', StringComparison.Ordinal);
                    var hasScheme = colon >= 0 && trimmed[..colon].IndexOfAny(['/', '?', '#']) < 0;
                    Assert.True(
                        !hasScheme || trimmed.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
                        || trimmed.StartsWith("https://", StringComparison.OrdinalIgnoreCase) || trimmed.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase),
                        $"Unsafe link {href} from input {text}");
                }
            }
        }, iter: Iterations);
    }

    [Fact]
    public void Tags_and_mentions_found_are_always_normalised_keys()
    {
        Text.Sample(text =>
        {
            var parsed = MarkdownContent.Parse(text);
            Assert.All(parsed.Tags, tag => Assert.Equal(tag, Tags.Normalize(tag)));
            Assert.All(parsed.Handles, handle => Assert.Equal(handle, Mentions.NormalizeHandle(handle)));
        }, iter: Iterations);
    }

    [Fact]
    public void Stored_file_names_never_hold_a_path()
    {
        var names = Gen.OneOf(
            Text,
            Gen.Select(Gen.OneOf<string>(["../", "..\\", "/", "\\", "C:\\", "%2e%2e%2f", "....//", ".", "\u0000", "con", "a/b/"]), Gen.String[0, 10], (a, b) => a + b));
        names.Sample(name =>
        {
            var safe = FileService.SafeFileName(name);
            Assert.False(string.IsNullOrEmpty(safe));
            Assert.DoesNotContain('/', safe);
            Assert.DoesNotContain('\\', safe);
            Assert.False(safe.StartsWith('.'), safe);
            Assert.DoesNotContain(safe, char.IsControl);
            Assert.True(safe.Length <= 100);
        }, iter: Iterations);
    }
}
