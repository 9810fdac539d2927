using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Ruche.Core.Notifications;
using Ruche.Web.Hosting;
using Ruche.Web.Localization;

namespace Ruche.Web.Notifications;

/// <summary>The digest mail in the recipient's language, the same sentences as the centre, every value HTML-encoded.</summary>
public sealed class DigestWriter(IStringLocalizer<Ui> texts, IOptions<RucheOptions> options) : IDigestWriter
{
    public OutgoingMail Write(string email, string name, string language, IReadOnlyList<DigestItem> items)
    {
        var previous = CultureInfo.CurrentUICulture;
        try
        {
            // The localizer reads the current UI culture; a background run has none of its own.
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(language == "en" ? "en" : "fr");
            var html = new StringBuilder();
            var text = new StringBuilder();
            var intro = string.Format(CultureInfo.CurrentCulture, texts["digest.intro"].Value, name, items.Count);
            html.Append(CultureInfo.InvariantCulture, $"<!DOCTYPE html><html><body><p>{WebUtility.HtmlEncode(intro)}</p><ul>");
            text.AppendLine(intro).AppendLine();
            foreach (var item in items)
            {
                var sentence = Sentence(item);
                var link = options.Value.Link(item.Subject.Path);
                html.Append(CultureInfo.InvariantCulture, $"<li><a href=\"{WebUtility.HtmlEncode(link)}\">{WebUtility.HtmlEncode(sentence)}</a></li>");
                text.Append(CultureInfo.InvariantCulture, $"- {sentence}\n  {link}\n");
            }

            var settings = options.Value.Link("/notifications/settings");
            var footer = texts["digest.footer"].Value;
            html.Append(CultureInfo.InvariantCulture, $"</ul><p><a href=\"{WebUtility.HtmlEncode(settings)}\">{WebUtility.HtmlEncode(footer)}</a></p></body></html>");
            text.AppendLine().AppendLine(footer).AppendLine(settings);
            var subject = string.Format(CultureInfo.CurrentCulture, texts["digest.subject"].Value, items.Count);
            return new OutgoingMail(email, name, subject, html.ToString(), text.ToString());
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    private string Sentence(DigestItem item)
    {
        var others = item.ActorCount - 1;
        var text = texts[$"notification.{item.Kind}.{(others > 0 ? "many" : "one")}"];
        return text.ResourceNotFound
            ? texts["notification.other"]
            : string.Format(CultureInfo.CurrentCulture, text.Value, item.LatestActor, others, item.Subject.Title, "?");
    }
}
