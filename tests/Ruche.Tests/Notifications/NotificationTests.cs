using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Ruche.Core.Common;
using Ruche.Core.Notifications;
using Ruche.Core.People;
using Ruche.Core.Posts;
using Ruche.Core.Spaces;
using Ruche.Tests.Infrastructure;

namespace Ruche.Tests.Notifications;

public abstract class NotificationTests(RucheApp app) : ProviderTests(app)
{
    [Fact]
    public async Task Thirteen_reactions_are_one_notification_with_thirteen_actors()
    {
        var author = await NewPersonAsync("Author");
        var post = await author.PostAsync("Nous avons livré la version 2 !");
        await author.ReactAsync(post, "celebrate");
        Assert.Empty(await author.NotificationsAsync());

        var fans = new List<Actor>();
        for (var i = 0; i < 13; i++)
        {
            var fan = await NewPersonAsync($"Fan{i}");
            await fan.ReactAsync(post, "like");
            fans.Add(fan);
        }

        // A second reaction by the same person is the same actor, not a fourteenth.
        await fans[^1].ReactAsync(post, "love");

        var notification = Assert.Single(await author.NotificationsAsync());
        Assert.Equal(PostNotifications.Reaction.Name, notification.Kind);
        Assert.Equal(post.Id, notification.PostId);
        Assert.Equal(13, notification.ActorCount);
        Assert.Equal([fans[12].Id, fans[11].Id, fans[10].Id], notification.Actors.Select(a => a.Id));
        Assert.False(notification.IsRead);
        Assert.Equal(1, await author.UnreadAsync());
    }

    [Fact]
    public async Task A_deleted_post_takes_its_notifications_away_at_once_and_the_hourly_pass_deletes_them()
    {
        var author = await NewPersonAsync("Author");
        var fan = await NewPersonAsync("Fan");
        var post = await author.PostAsync("Bientôt supprimé");
        var kept = await author.PostAsync("Gardé");
        await fan.ReactAsync(post, "like");
        await fan.ReactAsync(kept, "like");
        Assert.Equal(2, await author.UnreadAsync());

        (await author.Http.DeleteAsync($"/api/v1/posts/{post.Id}")).EnsureSuccessStatusCode();

        // Hidden at once by the read rule (the post is not readable any more), though the row is still there...
        Assert.Equal(kept.Id, Assert.Single(await author.NotificationsAsync()).PostId);
        Assert.Equal(1, await author.UnreadAsync());
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Ruche.Core.Data.RucheDbContext>();
        Assert.Equal(1, await db.Notifications.CountAsync(n => n.SubjectKind == PostSubject.Kind && n.SubjectId == post.Id));

        // ...until the hourly retention pass sweeps it, and only it.
        await scope.ServiceProvider.GetRequiredService<Ruche.Core.Privacy.RetentionService>().RunAsync("sweeper", TimeSpan.FromMinutes(1), CancellationToken.None);
        Assert.Equal(0, await db.Notifications.CountAsync(n => n.SubjectKind == PostSubject.Kind && n.SubjectId == post.Id));
        Assert.Equal(1, await db.Notifications.CountAsync(n => n.SubjectKind == PostSubject.Kind && n.SubjectId == kept.Id));
    }

    [Fact]
    public async Task Reactions_arriving_at_once_are_all_counted_in_the_one_notification()
    {
        var author = await NewPersonAsync("Author");
        var post = await author.PostAsync("Qui vient au séminaire ?");
        var fans = new List<Actor>();
        for (var i = 0; i < 8; i++)
        {
            fans.Add(await NewPersonAsync($"Eager{i}"));
        }

        await Task.WhenAll(fans.Select(fan => fan.ReactAsync(post, "like")));

        var notification = Assert.Single(await author.NotificationsAsync());
        Assert.Equal(8, notification.ActorCount);
    }

    [Fact]
    public async Task A_new_event_brings_a_read_group_back_unread()
    {
        var author = await NewPersonAsync("Author");
        var post = await author.PostAsync("Un café ?");
        await (await NewPersonAsync("First")).ReactAsync(post, "like");
        await Actor.ExpectAsync(await author.Http.PostAsync("/api/v1/notifications/read-all", null), HttpStatusCode.NoContent);
        Assert.Equal(0, await author.UnreadAsync());

        await (await NewPersonAsync("Second")).ReactAsync(post, "like");

        var notification = Assert.Single(await author.NotificationsAsync());
        Assert.False(notification.IsRead);
        Assert.Equal(2, notification.ActorCount);
    }

    [Fact]
    public async Task Mentions_comments_and_replies_reach_the_right_people()
    {
        var author = await NewPersonAsync("Author");
        var mentioned = await NewPersonAsync("Mentioned");
        var commenter = await NewPersonAsync("Commenter");
        var replier = await NewPersonAsync("Replier");
        var post = await author.PostAsync($"Bienvenue @{mentioned.Handle} !");

        var comment = await commenter.CommentAsync(post, $"Oui, bienvenue @{mentioned.Handle}");
        await replier.CommentAsync(post, "Bravo", replyTo: comment.Id);

        var mentions = Assert.Single(await mentioned.NotificationsAsync());
        Assert.Equal(("mention", 2), (mentions.Kind, mentions.ActorCount));
        var reply = Assert.Single(await commenter.NotificationsAsync());
        Assert.Equal(("reply", replier.Id), (reply.Kind, reply.Actors.Single().Id));
        var onMyPost = Assert.Single(await author.NotificationsAsync());
        Assert.Equal("comment", onMyPost.Kind);
        Assert.Equal([replier.Id, commenter.Id], onMyPost.Actors.Select(a => a.Id));
        Assert.Empty(await replier.NotificationsAsync());
    }

    [Fact]
    public async Task Join_requests_and_new_members_reach_the_space_moderators_only()
    {
        var owner = await NewPersonAsync("Owner");
        var moderator = await NewPersonAsync("Moderator");
        var member = await NewPersonAsync("Member");
        var asker = await NewPersonAsync("Asker");
        var club = await owner.CreateSpaceAsync("Club lecture", SpaceVisibility.Private);
        await owner.AddToSpaceAsync(club, moderator);
        await owner.AddToSpaceAsync(club, member);
        await Actor.ExpectAsync(
            await owner.Http.PutAsJsonAsync($"/api/v1/spaces/{club.Id}/members/{moderator.Id}/role", new { role = SpaceRole.Moderator }, Actor.Json),
            HttpStatusCode.NoContent);

        Assert.Equal(MembershipStatus.Pending, await asker.JoinAsync(club));

        Assert.Contains(await owner.NotificationsAsync(), n => n.Kind == "join-request" && n.SpaceId == club.Id && n.Actors.Single().Id == asker.Id);
        Assert.Contains(await moderator.NotificationsAsync(), n => n.Kind == "join-request");
        Assert.Empty(await member.NotificationsAsync());

        await moderator.AddToSpaceAsync(club, asker);
        var joined = (await owner.NotificationsAsync()).Single(n => n.Kind == "new-member");
        Assert.Equal(asker.Id, joined.Actors.Single().Id);
        Assert.Equal("Club lecture", joined.SpaceName);
        Assert.DoesNotContain(await moderator.NotificationsAsync(), n => n.Kind == "new-member");
        Assert.Empty(await asker.NotificationsAsync());
    }

    [Fact]
    public async Task Nobody_hears_of_a_secret_post_they_cannot_read()
    {
        var owner = await NewPersonAsync("Owner");
        var outsider = await NewPersonAsync("Outsider");
        var secret = await owner.CreateSpaceAsync("Projet X", SpaceVisibility.Secret);

        await owner.PostAsync($"Faut-il en parler à @{outsider.Handle} ?", secret);

        Assert.Empty(await outsider.NotificationsAsync());
        Assert.Equal(0, await outsider.UnreadAsync());
    }

    [Fact]
    public async Task A_removed_member_loses_the_notifications_of_the_space()
    {
        var owner = await NewPersonAsync("Owner");
        var member = await NewPersonAsync("Member");
        var team = await owner.CreateSpaceAsync("Équipe paie", SpaceVisibility.Private);
        await owner.AddToSpaceAsync(team, member);
        var post = await member.PostAsync("Clôture jeudi");
        await owner.PostAsync($"@{member.Handle} tu valides ?", team);
        await owner.ReactAsync(post, "like");
        Assert.Equal(2, await member.UnreadAsync());

        await owner.RemoveFromSpaceAsync(team, member);

        var left = Assert.Single(await member.NotificationsAsync());
        Assert.Equal(post.Id, left.PostId);
        Assert.Equal(1, await member.UnreadAsync());
    }

    [Fact]
    public async Task A_person_reads_only_their_own_notifications()
    {
        var author = await NewPersonAsync("Author");
        var stranger = await NewPersonAsync("Stranger");
        var post = await author.PostAsync("Qui vient ?");
        await stranger.ReactAsync(post, "like");
        var mine = Assert.Single(await author.NotificationsAsync());

        await stranger.Http.PostAsync($"/api/v1/notifications/{mine.Id}/read", null)
            .ShouldBeProblemAsync(HttpStatusCode.NotFound, "notification.not-found");
        Assert.Equal(1, await author.UnreadAsync());

        await Actor.ExpectAsync(await author.Http.PostAsync($"/api/v1/notifications/{mine.Id}/read", null), HttpStatusCode.NoContent);
        Assert.True(Assert.Single(await author.NotificationsAsync()).IsRead);
        Assert.Equal(0, await author.UnreadAsync());
    }

    [Fact]
    public async Task Pages_run_newest_first_with_an_opaque_cursor()
    {
        var author = await NewPersonAsync("Author");
        var fan = await NewPersonAsync("Fan");
        var posts = new List<long>();
        for (var i = 0; i < 3; i++)
        {
            var post = await author.PostAsync($"Billet {i}");
            await fan.ReactAsync(post, "like");
            posts.Add(post.Id);
        }

        var first = await author.GetAsync<Web.Hosting.PageDto<NotificationView>>("/api/v1/notifications?pageSize=2");
        var second = await author.GetAsync<Web.Hosting.PageDto<NotificationView>>($"/api/v1/notifications?pageSize=2&cursor={first.NextCursor}");

        Assert.Equal([posts[2], posts[1]], first.Items.Select(n => n.PostId!.Value));
        Assert.Equal([posts[0]], second.Items.Select(n => n.PostId!.Value));
        Assert.Null(second.NextCursor);
    }

    [Fact]
    public async Task A_kind_set_to_none_stores_nothing()
    {
        var author = await NewPersonAsync("Author");
        await author.SetChannelAsync(PostNotifications.Reaction, NotificationChannel.None);
        var post = await author.PostAsync("Silence");

        await (await NewPersonAsync("Fan")).ReactAsync(post, "like");
        await (await NewPersonAsync("Commenter")).CommentAsync(post, "Bien vu");

        Assert.Equal("comment", Assert.Single(await author.NotificationsAsync()).Kind);
        var settings = await author.GetAsync<NotificationSettingsView>("/api/v1/notifications/preferences");
        Assert.Equal(NotificationChannel.None, settings.Kinds.Single(k => k.Kind == "reaction").Channel);
        Assert.Equal(NotificationChannel.InApp, settings.Kinds.Single(k => k.Kind == "comment").Channel);
    }

    [Fact]
    public async Task The_badge_count_arrives_live()
    {
        var author = await NewPersonAsync("Author");
        var post = await author.PostAsync("En direct");
        await using var live = await author.ConnectLiveAsync();

        await (await NewPersonAsync("Fan")).ReactAsync(post, "like");

        await live.WaitForAsync<NotificationsChangedEvent>(m => m.Unread == 1);
    }

    [Fact]
    public async Task Quiet_hours_hold_back_the_live_push_on_each_persons_own_clock()
    {
        var singapore = await NewPersonAsync("Singapour", "Asia/Singapore");
        var montreal = await NewPersonAsync("Montréal", "America/Montreal");
        var colleague = await NewPersonAsync("Collègue");

        // The same wall-clock hours for both: now in Singapore, the middle of the night's opposite in Montreal.
        var singaporeNow = TimeOnly.FromDateTime(TimeZones.ToLocal(TimeProvider.System.GetUtcNow().UtcDateTime, "Asia/Singapore"));
        foreach (var person in new[] { singapore, montreal })
        {
            await person.SetQuietHoursAsync(singaporeNow.AddHours(-1), singaporeNow.AddHours(1));
        }

        var quietPost = await singapore.PostAsync("Bonne nuit");
        var awakePost = await montreal.PostAsync("Bonjour");
        await using var quietLive = await singapore.ConnectLiveAsync();
        await using var awakeLive = await montreal.ConnectLiveAsync();

        await colleague.ReactAsync(quietPost, "like");
        await colleague.ReactAsync(awakePost, "like");

        await awakeLive.WaitForAsync<NotificationsChangedEvent>(m => m.Unread == 1);
        Assert.Empty(quietLive.Messages.OfType<NotificationsChangedEvent>());
        Assert.Equal(1, await singapore.UnreadAsync());
        var settings = await singapore.GetAsync<NotificationSettingsView>("/api/v1/notifications/preferences");
        Assert.Equal("Asia/Singapore", settings.TimeZone);
        Assert.Equal(singaporeNow.AddHours(-1).Hour, settings.QuietHours!.Start.Hour);
    }

    [Fact]
    public async Task When_quiet_hours_end_the_held_back_count_is_pushed_to_that_person_only()
    {
        var sleeper = await NewPersonAsync("Dormeur", "Asia/Singapore");
        var awake = await NewPersonAsync("Éveillé", "America/Montreal");
        var colleague = await NewPersonAsync("Collègue");
        var now = TimeProvider.System.GetUtcNow();
        var sleeperNow = TimeOnly.FromDateTime(TimeZones.ToLocal(now.UtcDateTime, "Asia/Singapore"));
        await sleeper.SetQuietHoursAsync(sleeperNow.AddHours(-8), sleeperNow.AddMinutes(-1));
        // The same wall-clock end in Montréal is another instant: its quiet hours did not just end.
        await awake.SetQuietHoursAsync(sleeperNow.AddHours(-8), sleeperNow.AddMinutes(-1));
        var post = await sleeper.PostAsync("Rapport de nuit");
        await colleague.ReactAsync(post, "like");
        await using var sleeperLive = await sleeper.ConnectLiveAsync();
        await using var awakeLive = await awake.ConnectLiveAsync();

        await using var scope = App.Services.CreateAsyncScope();
        var released = await scope.ServiceProvider.GetRequiredService<QuietHoursRelease>().ReleaseAsync(now.AddMinutes(-3), now, default);

        Assert.Equal(1, released);
        await sleeperLive.WaitForAsync<NotificationsChangedEvent>(m => m.Unread == 1);
        Assert.Empty(awakeLive.Messages.OfType<NotificationsChangedEvent>());
    }

    [Theory]
    [InlineData("Europe/Paris", "2026-03-29T05:30:00Z", 7 * 60, true)] // 07:30 CEST, the day clocks go forward
    [InlineData("Europe/Paris", "2026-03-29T04:59:00Z", 7 * 60, false)]
    [InlineData("Europe/Paris", "2026-10-25T06:30:00Z", 7 * 60, true)] // 07:30 CET, the day clocks go back
    [InlineData("Pacific/Kiritimati", "2026-06-30T17:01:00Z", 7 * 60, true)] // 07:01 local on 1 July (UTC+14)
    [InlineData("Pacific/Pago_Pago", "2026-06-30T18:01:00Z", 7 * 60, true)] // 07:01 local on 30 June (UTC−11)
    [InlineData("Pacific/Pago_Pago", "2026-06-30T17:59:00Z", 7 * 60, false)]
    public void Quiet_hours_end_on_the_persons_own_clock(string zone, string now, int endMinute, bool ended)
    {
        var at = DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(ended, QuietHoursRelease.EndedBetween(endMinute, zone, at.AddHours(-1), at));
    }

    [Fact]
    public async Task A_notification_quotes_mentions_by_name_never_by_handle()
    {
        var author = await NewPersonAsync("Autrice mention");
        var mentioned = await NewPersonAsync("Prudence Aubry");
        await author.PostAsync($"Bravo @{mentioned.Handle} pour la démo");
        var browser = await App.SignInWithBrowserCookiesAsync(mentioned);

        var html = WebUtility.HtmlDecode(await browser.PageAsync("/notifications"));

        Assert.Contains($"""<blockquote class="excerpt">Bravo @{mentioned.Name} pour la démo</blockquote>""", html, StringComparison.Ordinal);
        Assert.DoesNotContain($"@{mentioned.Handle}", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_page_groups_and_the_header_counts_then_the_forms_mark_read()
    {
        var author = await NewPersonAsync("Autrice");
        var post = await author.PostAsync("Résultats du trimestre");
        var ana = await NewPersonAsync("Ana");
        await ana.ReactAsync(post, "like");
        var last = await NewPersonAsync("Bruno");
        await last.ReactAsync(post, "celebrate");
        var browser = await App.SignInWithBrowserCookiesAsync(author);

        var html = await browser.PageAsync("/notifications");

        Assert.Contains($"{last.Name} et {ana.Name} ont réagi à votre publication", WebUtility.HtmlDecode(html), StringComparison.Ordinal);

        // The line shows who (the latest one's initials), what it is about (the post's first words) and when.
        Assert.Matches("""<li class="unread" data-notification="\d+">\s*<span class="avatar initials size-\d+ hue-\d" aria-hidden="true">[^<]+</span>""", html);
        Assert.Contains("""<blockquote class="excerpt">Résultats du trimestre</blockquote>""", WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        Assert.Matches("""<time class="meta" datetime="\d{4}-\d\d-\d\dT[^"]+">\d{1,2} [^<]+ \d{4} \d\d:\d\d</time>""", html);
        Assert.Contains("data-notification-badge", html, StringComparison.Ordinal);
        Assert.Matches(@"data-notification-badge[^>]*>1</span>", html);
        Assert.DoesNotContain("notification-badge\" hidden", html, StringComparison.Ordinal);

        var id = Assert.Single(await author.NotificationsAsync()).Id;
        var opened = await browser.SubmitFormAsync("/notifications", $"/ui/notifications/{id}/open", new() { ["returnUrl"] = "/notifications" });
        await Actor.ExpectAsync(opened, HttpStatusCode.Redirect);
        Assert.Equal($"/posts/{post.Id}", opened.Headers.Location!.OriginalString);
        Assert.Equal(0, await author.UnreadAsync());
        await Actor.ExpectAsync(
            await browser.SubmitFormAsync("/notifications", $"/ui/notifications/{id}/read", new() { ["returnUrl"] = "/notifications" }), HttpStatusCode.Redirect);
        Assert.Matches(@"data-notification-badge[^>]*hidden[^>]*>0</span>", await browser.PageAsync("/notifications"));
    }

    [Fact]
    public async Task The_settings_page_saves_channels_and_quiet_hours()
    {
        var person = await NewPersonAsync("Réglages", "Asia/Singapore");
        var browser = await App.SignInWithBrowserCookiesAsync(person);
        Assert.Contains("Asia/Singapore", await browser.PageAsync("/notifications/settings"), StringComparison.Ordinal);

        var saved = await browser.SubmitFormAsync("/notifications/settings", "/ui/notifications/preferences", new()
        {
            ["channel-reaction"] = "None",
            ["channel-mention"] = "EmailDigest",
            ["quietStart"] = "22:00",
            ["quietEnd"] = "07:30",
        });

        await Actor.ExpectAsync(saved, HttpStatusCode.Redirect);
        var settings = await person.GetAsync<NotificationSettingsView>("/api/v1/notifications/preferences");
        Assert.Equal(NotificationChannel.None, settings.Kinds.Single(k => k.Kind == "reaction").Channel);
        Assert.Equal(NotificationChannel.EmailDigest, settings.Kinds.Single(k => k.Kind == "mention").Channel);
        Assert.Equal(new QuietHoursView(new TimeOnly(22, 0), new TimeOnly(7, 30)), settings.QuietHours);

        await Actor.ExpectAsync(
            await browser.SubmitFormAsync("/notifications/settings", "/ui/notifications/preferences", new() { ["quietStart"] = "", ["quietEnd"] = "" }),
            HttpStatusCode.Redirect);
        Assert.Null((await person.GetAsync<NotificationSettingsView>("/api/v1/notifications/preferences")).QuietHours);
    }

    [Fact]
    public async Task Erasing_a_person_takes_them_out_of_every_group_and_their_own_notifications_away()
    {
        var admin = await NewPersonAsync("Admin", "Europe/Paris", "administrator");
        var author = await NewPersonAsync("Author");
        var leaver = await NewPersonAsync("Leaver");
        var stayer = await NewPersonAsync("Stayer");
        var shared = await author.PostAsync("Deux réactions");
        var onlyLeaver = await author.PostAsync("Une seule réaction");
        await leaver.ReactAsync(shared, "like");
        await stayer.ReactAsync(shared, "like");
        await leaver.ReactAsync(onlyLeaver, "like");
        await leaver.SetChannelAsync(PostNotifications.Comment, NotificationChannel.EmailDigest);
        await author.CommentAsync(await leaver.PostAsync("Au revoir"), "Bonne route");
        Assert.Single(await leaver.NotificationsAsync());

        await Actor.ExpectAsync(await admin.Http.DeleteAsync($"/api/v1/admin/people/{leaver.Id}?content=Pseudonymise"), HttpStatusCode.NoContent);

        var left = Assert.Single(await author.NotificationsAsync());
        Assert.Equal(shared.Id, left.PostId);
        Assert.Equal(1, left.ActorCount);
        Assert.Equal(stayer.Id, left.Actors.Single().Id);
    }

    [Fact]
    public void Quiet_hours_may_span_midnight()
    {
        var night = new QuietHours { StartMinute = 22 * 60, EndMinute = 7 * 60 };
        var at = (int hour) => new DateTimeOffset(2026, 1, 15, hour, 0, 0, TimeSpan.Zero);

        // 15:00 UTC is 23:00 in Singapore (UTC+8) and 10:00 in Montreal (UTC-5 in January).
        Assert.True(NotificationQueries.IsQuiet(night, "Asia/Singapore", at(15)));
        Assert.False(NotificationQueries.IsQuiet(night, "America/Montreal", at(15)));

        // 04:00 UTC is 12:00 in Singapore and 23:00 the evening before in Montreal.
        Assert.False(NotificationQueries.IsQuiet(night, "Asia/Singapore", at(4)));
        Assert.True(NotificationQueries.IsQuiet(night, "America/Montreal", at(4)));
        Assert.False(NotificationQueries.IsQuiet(null, "America/Montreal", at(4)));
    }
}

public sealed class NotificationTestsOnSqlite(SqliteApp app) : NotificationTests(app), IClassFixture<SqliteApp>;

public sealed class NotificationTestsOnPostgres(PostgresApp app) : NotificationTests(app), IClassFixture<PostgresApp>;
