using System.Text.RegularExpressions;
using Ganss.Xss;
using Markdig;
using Markdig.Renderers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Ruche.Core.Content;

/// <summary>
/// Turns what people write (CommonMark) into safe HTML with linked #tags and @mentions.
/// Parsing is separate from rendering because which mentions are real is a database question.
/// </summary>
public sealed partial class MarkdownContent
{
    private static readonly MarkdownPipeline Pipeline = BuildPipeline();
    private readonly HtmlSanitizer sanitizer = BuildSanitizer();

    public static ParsedMarkdown Parse(string markdown)
    {
        var document = Markdown.Parse(markdown, Pipeline);

        // A link's text is already a link: a #tag or @mention in it stays text (no tag, no nested link).
        foreach (var inLink in document.Descendants<ReferenceInline>().Where(IsInLink).ToList())
        {
            inLink.ReplaceBy(new LiteralInline(inLink.Marker + inLink.Text));
        }

        var references = document.Descendants<ReferenceInline>().ToList();
        return new ParsedMarkdown(
            document,
            references.Where(r => r.Marker == '#').Select(r => r.Key).ToHashSet(StringComparer.Ordinal),
            references.Where(r => r.Marker == '@').Select(r => r.Key).ToHashSet(StringComparer.Ordinal));
    }

    /// <summary>The words without Markdown syntax, for search snippets. Not HTML: whoever shows it encodes it.</summary>
    public static string PlainText(string markdown) => Markdown.ToPlainText(markdown).Trim();

    /// <summary>
    /// A line of text as Markdown that reads as that text: every punctuation mark that could start syntax (emphasis,
    /// links, a #tag or an @mention) is escaped. For text people wrote that Ruche quotes in a post of its own.
    /// </summary>
    public static string Escape(string text)
    {
        var escaped = new System.Text.StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            if (char.IsAsciiLetterOrDigit(c) || c == ' ' || !char.IsAscii(c) || char.IsWhiteSpace(c))
            {
                escaped.Append(char.IsWhiteSpace(c) ? ' ' : c);
            }
            else
            {
                escaped.Append('\\').Append(c);
            }
        }

        return escaped.ToString();
    }

    /// <summary>
    /// The start of rendered content as plain text, for a notification line or a queue: mentions read as the names the
    /// rendering wrote (never a raw handle), blocks separated by a space, cut at <paramref name="length"/> characters.
    /// The HTML may be cut short itself (a prefix read from the database): the parser closes what is left open.
    /// </summary>
    public static string ExcerptOfHtml(string html, int length)
    {
        var spaced = BlockEnd().Replace(html, " $0");
        var document = new AngleSharp.Html.Parser.HtmlParser().ParseDocument($"<body>{spaced}</body>");
        var text = string.Join(' ', (document.Body?.TextContent ?? string.Empty).Split((char[])['\n', '\r', '\t', ' '], StringSplitOptions.RemoveEmptyEntries));
        return text.Length <= length ? text : string.Concat(text.AsSpan(0, length).TrimEnd(), "…");
    }

    [GeneratedRegex(@"</(p|li|h[1-6]|blockquote|pre|div|tr|td|th)>|<br\s*/?>", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BlockEnd();

    /// <summary>
    /// Renders sanitised HTML; a mention links to the person and shows their name when its handle is in
    /// <paramref name="knownPeople"/> (handle → display name), and stays as written otherwise.
    /// </summary>
    public string RenderHtml(ParsedMarkdown parsed, IReadOnlyDictionary<string, string> knownPeople)
    {
        using var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer);
        Pipeline.Setup(renderer);
        renderer.ObjectRenderers.Insert(0, new ReferenceRenderer(knownPeople));
        renderer.Render(parsed.Document);
        writer.Flush();
        return sanitizer.Sanitize(writer.ToString());
    }

    private static bool IsInLink(Inline inline)
    {
        for (var parent = inline.Parent; parent is not null; parent = parent.Parent)
        {
            if (parent is LinkInline)
            {
                return true;
            }
        }

        return false;
    }

    private static MarkdownPipeline BuildPipeline()
    {
        var builder = new MarkdownPipelineBuilder()
            .UseAutoLinks()
            .UseSoftlineBreakAsHardlineBreak();
        builder.InlineParsers.Insert(0, new ReferenceParser());
        return builder.Build();
    }

    private static HtmlSanitizer BuildSanitizer()
    {
        var options = new HtmlSanitizerOptions
        {
            AllowedTags = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
            {
                "p", "br", "em", "strong", "del", "code", "pre", "blockquote", "ul", "ol", "li",
                "h1", "h2", "h3", "h4", "h5", "h6", "hr", "a", "table", "thead", "tbody", "tr", "th", "td",
            },
            AllowedAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "href", "class", "start" },
            AllowedSchemes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "http", "https", "mailto" },
            UriAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "href" },
            AllowedCssProperties = new HashSet<string>(StringComparer.OrdinalIgnoreCase),
        };
        var sanitizer = new HtmlSanitizer(options);
        sanitizer.PostProcessNode += (_, e) =>
        {
            if (e.Node is AngleSharp.Dom.IElement { LocalName: "a" } link)
            {
                var href = link.GetAttribute("href") ?? string.Empty;
                if (!href.StartsWith('/'))
                {
                    link.SetAttribute("rel", "noopener noreferrer nofollow");
                }
            }
        };
        sanitizer.AllowedClasses.Add("tag");
        sanitizer.AllowedClasses.Add("mention");
        return sanitizer;
    }
}

public sealed record ParsedMarkdown(MarkdownDocument Document, IReadOnlySet<string> Tags, IReadOnlySet<string> Handles);
