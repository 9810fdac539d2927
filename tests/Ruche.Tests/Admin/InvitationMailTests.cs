using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using MimeKit;
using Ruche.Core.Common;
using Ruche.Tests.Infrastructure;
using Ruche.Web.Admin;

namespace Ruche.Tests.Admin;

/// <summary>
/// Invitations go out by mail through the configured SMTP server, with a link built from the configured public address
/// even when the request names another host.
/// </summary>
public abstract class InvitationMailTests(RucheApp app, SmtpCatcher catcher) : ProviderTests(app)
{
    public const string PublicUrl = "https://ruche.example.test/";

    [Fact]
    public async Task The_invitation_mail_reaches_the_smtp_server_with_a_link_from_the_public_address_whatever_the_host_header()
    {
        var admin = await NewPersonAsync("Admin", "Europe/Paris", RoleNames.Administrator);
        var email = $"new.{Guid.NewGuid():N}@test.ruche";
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/admin/invitations") { Content = JsonContent.Create(new { email }) };
        request.Headers.Host = "attacker.example";

        var invitation = await Actor.ReadAsync<InvitationDto>(await admin.Http.SendAsync(request), HttpStatusCode.Created);

        Assert.True(invitation.Emailed);
        Assert.StartsWith(PublicUrl + "invitation/inv_", invitation.Link, StringComparison.Ordinal);
        var mail = await MailToAsync(email);
        Assert.Equal("Vous êtes invité(e) sur Ruche", mail.Subject);
        Assert.Contains(invitation.Link, mail.TextBody, StringComparison.Ordinal);
        Assert.Contains(invitation.Link, mail.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain("attacker.example", mail.TextBody + mail.HtmlBody, StringComparison.Ordinal);

        var token = invitation.Link[(PublicUrl.Length + "invitation/".Length)..];
        Assert.Equal(HttpStatusCode.OK, (await App.Anonymous().GetAsync($"/invitation/{token}")).StatusCode);
    }

    [Fact]
    public async Task The_mail_is_in_english_when_asked_and_not_sent_when_unticked()
    {
        var admin = await NewPersonAsync("Admin", "Europe/Paris", RoleNames.Administrator);
        var english = $"en.{Guid.NewGuid():N}@test.ruche";
        var silent = $"silent.{Guid.NewGuid():N}@test.ruche";

        await Actor.ExpectAsync(await admin.Http.PostAsJsonAsync("/api/v1/admin/invitations", new { email = english, language = "en" }), HttpStatusCode.Created);
        var linkOnly = await Actor.ReadAsync<InvitationDto>(
            await admin.Http.PostAsJsonAsync("/api/v1/admin/invitations", new { email = silent, sendEmail = false }), HttpStatusCode.Created);

        Assert.Equal("You are invited to Ruche", (await MailToAsync(english)).Subject);
        Assert.False(linkOnly.Emailed);
        Assert.StartsWith(PublicUrl, linkOnly.Link, StringComparison.Ordinal);
        Assert.DoesNotContain(catcher.Messages, m => m.Contains(silent, StringComparison.Ordinal));
    }

    private async Task<MimeMessage> MailToAsync(string address)
    {
        foreach (var raw in catcher.Messages)
        {
            var message = await MimeMessage.LoadAsync(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(raw)));
            if (message.To.Mailboxes.Any(m => m.Address == address))
            {
                return message;
            }
        }

        Assert.Fail($"No mail to {address} among {catcher.Messages.Count}.");
        return null!;
    }
}

/// <summary>An app whose mails go to an SMTP catcher and whose public address differs from the test server's.</summary>
public sealed class MailCatchingSqliteApp : SqliteApp
{
    public SmtpCatcher Catcher { get; } = new();

    protected override void ConfigureNode(IWebHostBuilder builder) => MailCatching.Configure(builder, Catcher);

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Catcher.DisposeAsync();
    }
}

public sealed class MailCatchingPostgresApp : PostgresApp
{
    public SmtpCatcher Catcher { get; } = new();

    protected override void ConfigureNode(IWebHostBuilder builder) => MailCatching.Configure(builder, Catcher);

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Catcher.DisposeAsync();
    }
}

internal static class MailCatching
{
    public static void Configure(IWebHostBuilder builder, SmtpCatcher catcher)
    {
        builder.UseSetting("Ruche:Smtp:Host", "127.0.0.1");
        builder.UseSetting("Ruche:Smtp:Port", catcher.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Ruche:Smtp:Security", "None");
        builder.UseSetting("Ruche:Smtp:From", "Ruche <ruche@test.ruche>");
        builder.UseSetting("Ruche:PublicUrl", InvitationMailTests.PublicUrl);
    }
}

public sealed class InvitationMailTestsOnSqlite(MailCatchingSqliteApp app) : InvitationMailTests(app, app.Catcher), IClassFixture<MailCatchingSqliteApp>;

public sealed class InvitationMailTestsOnPostgres(MailCatchingPostgresApp app) : InvitationMailTests(app, app.Catcher), IClassFixture<MailCatchingPostgresApp>;
