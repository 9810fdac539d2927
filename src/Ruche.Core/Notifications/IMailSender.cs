namespace Ruche.Core.Notifications;

/// <summary>Where mails go: an SMTP server when configured, otherwise .eml files in the data folder (the host decides).</summary>
public interface IMailSender
{
    Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken);
}

/// <param name="Html">The HTML body; <paramref name="Text"/> is the same content as plain text.</param>
public sealed record OutgoingMail(string To, string ToName, string Subject, string Html, string Text);
