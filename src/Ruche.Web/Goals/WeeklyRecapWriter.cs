using System.Globalization;
using System.Text;
using Microsoft.Extensions.Localization;
using Ruche.Core.Content;
using Ruche.Core.Goals;
using Ruche.Web.Localization;

namespace Ruche.Web.Goals;

/// <summary>
/// A team's weekly recap as the Markdown of the post Ruche writes, in the company's language: French, the language a
/// company works in by default (a post is stored once, so it is not written half in each language).
/// </summary>
public sealed class WeeklyRecapWriter(IStringLocalizer<Ui> texts) : IWeeklyRecapWriter
{
    public const string CompanyLanguage = "fr";

    public string Write(WeeklyRecap recap)
    {
        var previous = CultureInfo.CurrentUICulture;
        var previousFormat = CultureInfo.CurrentCulture;
        try
        {
            // The localizer reads the current UI culture; the background pass has none of its own.
            CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(CompanyLanguage);
            var body = new StringBuilder();
            body.Append(CultureInfo.CurrentCulture, $"**{texts["recap.title", recap.WeekStart.ToString("D", CultureInfo.CurrentCulture)]}**\n\n");
            Section(body, "recap.achieved", recap.Achieved.Select(MarkdownContent.Escape).ToList());
            Section(body, "recap.blocked", recap.Blocked.Select(b => b.Note is { Length: > 0 } note
                ? $"{MarkdownContent.Escape(b.Text)} — {MarkdownContent.Escape(note)}"
                : MarkdownContent.Escape(b.Text)).ToList());
            Section(body, "recap.suggestions", recap.SuggestionsTaken.Select(MarkdownContent.Escape).ToList());
            body.Append(CultureInfo.InvariantCulture, $"#{recap.GoalsTag}");
            return body.ToString();
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
            CultureInfo.CurrentCulture = previousFormat;
        }
    }

    private void Section(StringBuilder body, string key, List<string> lines)
    {
        body.Append(CultureInfo.CurrentCulture, $"**{texts[key]}**\n\n");
        if (lines.Count == 0)
        {
            body.Append(CultureInfo.CurrentCulture, $"{texts[key + "-none"]}\n\n");
            return;
        }

        foreach (var line in lines.Take(WeeklyRecap.MaxLines))
        {
            body.Append(CultureInfo.CurrentCulture, $"- {line}\n");
        }

        if (lines.Count > WeeklyRecap.MaxLines)
        {
            body.Append(CultureInfo.CurrentCulture, $"- {texts["recap.more", lines.Count - WeeklyRecap.MaxLines]}\n");
        }

        body.Append('\n');
    }
}
