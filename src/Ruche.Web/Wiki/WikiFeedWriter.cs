using System.Globalization;
using System.Text;
using Microsoft.Extensions.Localization;
using Ruche.Core.Content;
using Ruche.Core.Wiki;
using Ruche.Web.Localization;

namespace Ruche.Web.Wiki;

/// <summary>
/// An editing session's feed entry as Markdown, in the company's language (French by default, like the weekly recap:
/// a post is stored once): the page as a link, what the session did, and the summaries its saves gave.
/// </summary>
public sealed class WikiFeedWriter(IStringLocalizer<Ui> texts) : IWikiFeedWriter
{
    public const string CompanyLanguage = "fr";

    public string Write(WikiSessionSummary session)
    {
        var previous = CultureInfo.CurrentUICulture;
        var previousFormat = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(CompanyLanguage);
            var link = $"[{MarkdownContent.Escape(session.PageTitle)}]({session.Path})";
            var body = new StringBuilder();
            body.Append(CultureInfo.CurrentCulture, $"{texts[session.Created ? "wiki.feed.created" : "wiki.feed.updated", link]}\n\n");
            body.Append(CultureInfo.CurrentCulture, $"{texts["wiki.feed.changes", session.LinesAdded, session.LinesRemoved, session.ToNumber]}\n");
            foreach (var summary in session.Summaries.TakeLast(5))
            {
                body.Append(CultureInfo.CurrentCulture, $"\n> {MarkdownContent.Escape(summary)}\n");
            }

            return body.ToString();
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
            CultureInfo.CurrentCulture = previousFormat;
        }
    }
}
