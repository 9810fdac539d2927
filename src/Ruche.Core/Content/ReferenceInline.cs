using Markdig.Helpers;
using Markdig.Parsers;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax.Inlines;

namespace Ruche.Core.Content;

/// <summary>A <c>#tag</c> or an <c>@mention</c> found in Markdown text (never inside code or links).</summary>
internal sealed class ReferenceInline : LeafInline
{
    public required char Marker { get; init; }

    /// <summary>The text as written, without the marker.</summary>
    public required string Text { get; init; }

    /// <summary>The tag key or the lower-case handle.</summary>
    public required string Key { get; init; }
}

internal sealed class ReferenceParser : InlineParser
{
    public ReferenceParser() => OpeningCharacters = ['#', '@'];

    public override bool Match(InlineProcessor processor, ref StringSlice slice)
    {
        // "C#", "a@b.fr" and "x#y" are not references: the marker must start a word.
        var previous = slice.PeekCharExtra(-1);
        if (char.IsLetterOrDigit(previous) || previous is '_' or '#' or '@' or '/' or '&')
        {
            return false;
        }

        var marker = slice.CurrentChar;
        var start = slice.Start + 1;
        var end = start;
        var text = slice.Text;
        while (end <= slice.End && IsReferenceChar(marker, text[end]))
        {
            end++;
        }

        // A sentence's final dot or dash is punctuation, not part of the name.
        while (end > start && text[end - 1] is '.' or '-' or '_')
        {
            end--;
        }

        if (end == start)
        {
            return false;
        }

        var written = text[start..end];
        var key = marker == '#' ? Tags.Normalize(written) : Mentions.NormalizeHandle(written);
        if (key is null)
        {
            return false;
        }

        processor.Inline = new ReferenceInline { Marker = marker, Text = written, Key = key, Span = new(slice.Start, end - 1) };
        slice.Start = end;
        return true;
    }

    private static bool IsReferenceChar(char marker, char c) =>
        marker == '#' ? Tags.IsTagChar(c) : Mentions.IsHandleChar(c);
}

/// <summary>Renders references as links, a mention as the person's name; a mention of nobody known stays plain text.</summary>
internal sealed class ReferenceRenderer(IReadOnlyDictionary<string, string> knownPeople) : HtmlObjectRenderer<ReferenceInline>
{
    protected override void Write(HtmlRenderer renderer, ReferenceInline reference)
    {
        if (reference.Marker == '#')
        {
            renderer.Write("<a class=\"tag\" href=\"/tags/").WriteEscapeUrl(Uri.EscapeDataString(reference.Key)).Write("\">#")
                .WriteEscape(reference.Text).Write("</a>");
        }
        else if (knownPeople.TryGetValue(reference.Key, out var name))
        {
            renderer.Write("<a class=\"mention\" href=\"/people/").WriteEscapeUrl(Uri.EscapeDataString(reference.Key)).Write("\">@")
                .WriteEscape(name).Write("</a>");
        }
        else
        {
            renderer.Write('@').WriteEscape(reference.Text);
        }
    }
}
