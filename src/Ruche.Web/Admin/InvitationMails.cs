using System.Globalization;
using System.Net;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Ruche.Core.Access;
using Ruche.Core.Notifications;
using Ruche.Web.Hosting;
using Ruche.Web.Localization;

namespace Ruche.Web.Admin;

/// <summary>
/// The invitation link, always from the configured public address (<see cref="RucheOptions.PublicUrl"/>), never from
/// the request's Host header; and the invitation mail that carries it, in French or English.
/// </summary>
public sealed partial class InvitationMails(IStringLocalizer<Ui> texts, IOptions<RucheOptions> options, IMailSender mail, ILogger<InvitationMails> logger)
{
    public string Link(IssuedInvitation invitation) =>
        options.Value.Link($"/invitation/{Uri.EscapeDataString(invitation.Token)}");

    /// <summary>Sends the invitation; false (and a warning in the log) when the mail server refused it: the link still works.</summary>
    public async Task<bool> SendAsync(IssuedInvitation invitation, string? language, CancellationToken cancellationToken)
    {
        try
        {
            await mail.SendAsync(Write(invitation, language == "en" ? "en" : "fr"), cancellationToken);
            return true;
        }
        catch (Exception failure) when (failure is IOException or System.Net.Sockets.SocketException or MailKit.ProtocolException or MailKit.CommandException)
        {
            NotSent(logger, failure, invitation.Id);
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The mail of invitation {InvitationId} was not sent.")]
    private static partial void NotSent(ILogger logger, Exception failure, long invitationId);

    public OutgoingMail Write(IssuedInvitation invitation, string language)
    {
        var previous = CultureInfo.CurrentUICulture;
        var culture = CultureInfo.GetCultureInfo(language);
        try
        {
            // The localizer reads the current UI culture: the invitee's language, not the administrator's.
            CultureInfo.CurrentUICulture = culture;
            var link = Link(invitation);
            var expires = invitation.ExpiresAt.ToString("d MMMM yyyy", culture);
            var intro = texts["invitation-mail.intro"].Value;
            var action = texts["invitation-mail.action"].Value;
            var validity = string.Format(culture, texts["invitation-mail.expires"].Value, expires);
            var html = $"<!DOCTYPE html><html lang=\"{language}\"><body><p>{WebUtility.HtmlEncode(intro)}</p>"
                + $"<p><a href=\"{WebUtility.HtmlEncode(link)}\">{WebUtility.HtmlEncode(action)}</a></p>"
                + $"<p>{WebUtility.HtmlEncode(validity)}</p></body></html>";
            var text = $"{intro}\n\n{action}:\n{link}\n\n{validity}\n";
            return new OutgoingMail(invitation.Email, invitation.Email, texts["invitation-mail.subject"].Value, html, text);
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }
}
