using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MimeKit;
using Ruche.Core.Notifications;
using Ruche.Core.Posts;
using Ruche.Core.Subjects;
using Ruche.Tests.Infrastructure;
using Ruche.Web.Hosting;
using Ruche.Web.Notifications;

namespace Ruche.Tests.Notifications;

public abstract class DigestTests(RucheApp app) : ProviderTests(app)
{
    [Fact]
    public async Task The_digest_lists_the_chosen_kinds_once_per_period_as_html_and_text()
    {
        var reader = await NewPersonAsync("Lectrice");
        var colleague = await NewPersonAsync("Collègue");
        await reader.SetChannelAsync(PostNotifications.Mention, NotificationChannel.EmailDigest);
        await colleague.PostAsync($"Une question pour @{reader.Handle}");
        var own = await reader.PostAsync("Mon billet");
        await colleague.ReactAsync(own, "like");

        await SendDueDigestsAsync();

        var mail = Assert.Single(await MailsToAsync(reader));
        Assert.Equal("Ruche : 1 notifications", mail.Subject);
        Assert.Contains($"{colleague.Name} vous a mentionné", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("/posts/", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains($"<li><a href=", mail.HtmlBody, StringComparison.Ordinal);
        Assert.Contains($"{colleague.Name} vous a mentionné", System.Net.WebUtility.HtmlDecode(mail.HtmlBody), StringComparison.Ordinal);
        Assert.DoesNotContain("réagi", mail.TextBody, StringComparison.Ordinal);

        // Not due again before a day has passed, whatever arrives meanwhile.
        await colleague.PostAsync($"Encore @{reader.Handle}");
        await SendDueDigestsAsync();
        Assert.Single(await MailsToAsync(reader));
    }

    [Fact]
    public async Task Several_nodes_sending_at_the_same_moment_send_each_digest_once()
    {
        var first = await NewPersonAsync("Première");
        var second = await NewPersonAsync("Second");
        var colleague = await NewPersonAsync("Collègue");
        await first.SetChannelAsync(PostNotifications.Mention, NotificationChannel.EmailDigest);
        await second.SetChannelAsync(PostNotifications.Mention, NotificationChannel.EmailDigest);
        await second.SetDigestFrequencyAsync(DigestFrequency.Daily);
        await colleague.PostAsync($"Pour @{first.Handle} et @{second.Handle}");

        // Four runs at once, each with its own scope and connection, as four nodes' workers would be.
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(SendDueDigestsAsync)));

        Assert.Single(await MailsToAsync(first));
        Assert.Single(await MailsToAsync(second));
    }

    [Fact]
    public async Task The_digest_holds_nothing_the_reader_may_no_longer_read()
    {
        var owner = await NewPersonAsync("Owner");
        var member = await NewPersonAsync("Member");
        await member.SetChannelAsync(PostNotifications.Mention, NotificationChannel.EmailDigest);
        var secret = await owner.CreateSpaceAsync("Fusion", Ruche.Core.Common.SpaceVisibility.Secret);
        await owner.AddToSpaceAsync(secret, member);
        await owner.PostAsync($"@{member.Handle} confidentiel", secret);
        await owner.RemoveFromSpaceAsync(secret, member);

        await SendDueDigestsAsync();

        Assert.Empty(await MailsToAsync(member));
    }

    [Fact]
    public async Task No_digest_leaves_during_the_readers_quiet_hours()
    {
        var reader = await NewPersonAsync("Noctambule", "Asia/Singapore");
        await reader.SetChannelAsync(PostNotifications.Mention, NotificationChannel.EmailDigest);
        var now = TimeOnly.FromDateTime(Core.People.TimeZones.ToLocal(TimeProvider.System.GetUtcNow().UtcDateTime, "Asia/Singapore"));
        await reader.SetQuietHoursAsync(now.AddHours(-1), now.AddHours(1));
        await (await NewPersonAsync("Collègue")).PostAsync($"Pour @{reader.Handle}");

        await SendDueDigestsAsync();
        Assert.Empty(await MailsToAsync(reader));

        await reader.SetQuietHoursAsync(null, null);
        await SendDueDigestsAsync();
        Assert.Single(await MailsToAsync(reader));
    }

    [Fact]
    public async Task A_configured_smtp_server_receives_the_digest()
    {
        await using var catcher = new SmtpCatcher();
        var sender = new SmtpMailSender(Options.Create(new RucheOptions
        {
            Smtp = new SmtpOptions { Host = "127.0.0.1", Port = catcher.Port, Security = "None", From = "Ruche <ruche@test.ruche>" },
        }));
        await using var scope = App.Services.CreateAsyncScope();
        var writer = scope.ServiceProvider.GetRequiredService<IDigestWriter>();
        var mail = writer.Write("ana@test.ruche", "Ana", "en", [new DigestItem("reaction", 13, "Bruno <b>", new SubjectLink("/posts/42", null))]);

        await sender.SendAsync(mail, CancellationToken.None);

        var received = MimeMessage.Load(new MemoryStream(System.Text.Encoding.ASCII.GetBytes(Assert.Single(catcher.Messages))));
        Assert.Equal("Ruche: 1 notifications", received.Subject);
        Assert.Equal("ana@test.ruche", received.To.Mailboxes.Single().Address);
        Assert.Contains("Bruno <b> and 12 others reacted to your post", received.TextBody, StringComparison.Ordinal);
        Assert.Contains("Bruno &lt;b&gt; and 12 others", received.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("http://localhost:5080/posts/42", received.TextBody, StringComparison.Ordinal);
    }

    private async Task SendDueDigestsAsync()
    {
        await using var scope = App.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DigestService>().SendDueAsync(CancellationToken.None);
    }

    private async Task<List<MimeMessage>> MailsToAsync(Actor person)
    {
        var folder = Path.Combine(App.Services.GetRequiredService<IOptions<RucheOptions>>().Value.DataDirFullPath, "mail");
        var mails = new List<MimeMessage>();
        foreach (var file in Directory.Exists(folder) ? Directory.GetFiles(folder, "*.eml") : [])
        {
            var message = await MimeMessage.LoadAsync(file);
            if (message.To.Mailboxes.Any(m => m.Address == person.Email))
            {
                mails.Add(message);
            }
        }

        return mails;
    }
}

public sealed class DigestTestsOnSqlite(SqliteApp app) : DigestTests(app), IClassFixture<SqliteApp>;

public sealed class DigestTestsOnPostgres(PostgresApp app) : DigestTests(app), IClassFixture<PostgresApp>;
