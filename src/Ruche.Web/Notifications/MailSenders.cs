using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;
using Ruche.Core.Notifications;
using Ruche.Web.Hosting;

namespace Ruche.Web.Notifications;

/// <summary>Builds the MIME message both senders send: HTML with its plain-text alternative.</summary>
internal static class MailMessages
{
    public static MimeMessage From(OutgoingMail mail, string from)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(from));
        message.To.Add(new MailboxAddress(mail.ToName, mail.To));
        message.Subject = mail.Subject;
        message.Body = new BodyBuilder { HtmlBody = mail.Html, TextBody = mail.Text }.ToMessageBody();
        return message;
    }
}

/// <summary>Sends through the configured SMTP server with MailKit, one connection per mail (digests are few).</summary>
public sealed class SmtpMailSender(IOptions<RucheOptions> options) : IMailSender
{
    public async Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken)
    {
        var smtp = options.Value.Smtp;
        using var client = new SmtpClient();
        var security = Enum.TryParse<SecureSocketOptions>(smtp.Security, ignoreCase: true, out var parsed) ? parsed : SecureSocketOptions.StartTls;
        await client.ConnectAsync(smtp.Host ?? throw new InvalidOperationException("Ruche:Smtp:Host is not set."), smtp.Port, security, cancellationToken);
        if (!string.IsNullOrEmpty(smtp.UserName))
        {
            await client.AuthenticateAsync(smtp.UserName, smtp.Password ?? string.Empty, cancellationToken);
        }

        await client.SendAsync(MailMessages.From(mail, smtp.From), cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
    }
}

/// <summary>
/// The embedded default: each mail becomes an .eml file in the data folder's "mail" (any mail client opens it), so a
/// new installation shows its digests without an SMTP server.
/// </summary>
public sealed class FolderMailSender(IOptions<RucheOptions> options) : IMailSender
{
    public async Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken)
    {
        var folder = Path.Combine(options.Value.DataDirFullPath, "mail");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, $"{Guid.NewGuid():N}.eml");
        await MailMessages.From(mail, options.Value.Smtp.From).WriteToAsync(path, cancellationToken);
    }
}
