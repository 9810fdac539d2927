using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Ruche.Core.Common;
using Ruche.Core.Data;
using Ruche.Core.Moderation;
using Ruche.Core.Recognition;
using Ruche.Core.Spaces;
using Ruche.Tests.Infrastructure;
using Ruche.Tests.Moderation;

namespace Ruche.Tests.Recognition;

/// <summary>
/// A kudos is someone's words about a colleague, shown on profiles, feeds and the wall: anyone who reads it reports it
/// like a post or a comment, its moderators (its team space's, or administrators) hide, delete or dismiss, and a hidden
/// thank-you leaves every place it was read (profile, feeds, wall, a single read, badges) until a moderator restores it.
/// </summary>
public abstract class KudosModerationTests(RucheApp app) : ProviderTests(app)
{
    [Fact]
    public async Task A_reported_kudos_hidden_by_a_moderator_leaves_the_profile_the_feeds_the_wall_and_the_badges()
    {
        var values = await App.ValuesAsync();
        var giver = await NewPersonAsync("Donneur");
        var recipient = await NewPersonAsync("Receveuse");
        var reader = await NewPersonAsync("Lectrice");
        var employee = await NewPersonAsync("Employé");
        var admin = await NewPersonAsync("Admin", "Europe/Paris", RoleNames.Administrator);
        await recipient.ShowKudosInFeedsAsync(true);
        var words = "Propos deplaces " + Guid.NewGuid().ToString("N")[..8];
        await giver.ThankAsync(recipient, values[0], "Merci pour la relecture");
        var id = await giver.ThankAsync(recipient, values[2], words);

        // Bad input and one's own words are refused, and nothing is written.
        var before = await DatabaseDigest.TakeAsync(App);
        await reader.Http.PostAsJsonAsync($"/api/v1/kudos/{id}/reports", new { note = "?" }, Actor.Json).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "report.reason-required");
        await reader.Http.PostAsJsonAsync($"/api/v1/kudos/{id}/reports", new { reason = "spam", note = new string('x', Limits.ReportNoteMaxLength + 1) }, Actor.Json)
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "report.note-too-long");
        await giver.Http.PostAsJsonAsync($"/api/v1/kudos/{id}/reports", new { reason = "spam" }, Actor.Json).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "report.own-content");
        await reader.Http.PostAsJsonAsync("/api/v1/kudos/999999999/reports", new { reason = "spam" }, Actor.Json).ShouldBeProblemAsync(HttpStatusCode.NotFound, "kudos.not-found");
        Assert.Empty(DatabaseDigest.Changed(before, await DatabaseDigest.TakeAsync(App)));

        // Anyone who reads it reports it, once; the form on the wall does the same.
        var first = await Actor.ReadAsync<ReportReceipt>(await reader.Http.PostAsJsonAsync($"/api/v1/kudos/{id}/reports", new { reason = "harassment", note = "Blessant" }, Actor.Json), HttpStatusCode.Created);
        var again = await Actor.ReadAsync<ReportReceipt>(await reader.Http.PostAsJsonAsync($"/api/v1/kudos/{id}/reports", new { reason = "harassment" }, Actor.Json), HttpStatusCode.OK);
        Assert.Equal(first.Id, again.Id);
        var browser = await App.SignInWithBrowserCookiesAsync(recipient);
        var wallPage = await browser.PageAsync("/kudos");
        Assert.Contains($"action=\"/ui/kudos/{id}/report\"", wallPage, StringComparison.Ordinal);
        var reported = await browser.SubmitFormAsync("/kudos", $"/ui/kudos/{id}/report", new() { ["reason"] = "Hate", ["returnUrl"] = "/kudos" });
        Assert.Equal(HttpStatusCode.Redirect, reported.StatusCode);
        Assert.Equal("/kudos?saved=report", reported.Headers.Location?.OriginalString);
        Assert.DoesNotContain($"action=\"/ui/kudos/{id}/report\"", await (await App.SignInWithBrowserCookiesAsync(giver)).PageAsync("/kudos"), StringComparison.Ordinal);

        // Administrators moderate a thank-you to a person; nobody else decides.
        var item = Assert.Single(await admin.QueueAsync(), i => i.Content == ReportedContent.Kudos && i.ContentId == id);
        Assert.Null(item.PostId);
        Assert.Equal(2, item.Reports.Count);
        Assert.Contains(words, item.Excerpt, StringComparison.Ordinal);
        Assert.Contains(words, await (await App.SignInWithBrowserCookiesAsync(admin)).PageAsync("/moderation"), StringComparison.Ordinal);
        await employee.TryDecideAsync("kudos", id, "hide", "Non").ShouldBeProblemAsync(HttpStatusCode.Forbidden, "moderation.forbidden");
        await employee.Http.GetAsync("/api/v1/moderation/reports").ShouldBeProblemAsync(HttpStatusCode.Forbidden, "moderation.moderators-only");
        Assert.NotNull(await recipient.GetAsync<KudosView>($"/api/v1/kudos/{id}"));

        var decision = await admin.DecideAsync("kudos", id, "hide", "Propos blessants envers une collègue");

        // Hidden: gone from the profile (page and API), the feeds, the wall and a single read, for everyone.
        foreach (var person in new[] { reader, recipient, giver, employee, admin })
        {
            Assert.DoesNotContain((await person.RecognitionOfAsync(recipient)).Kudos, k => k.Id == id);
            Assert.DoesNotContain((await person.WallAsync()).Items, k => k.Id == id);
            Assert.DoesNotContain(await person.KudosFeedAsync(), k => k.Id == id);
            await person.Http.GetAsync($"/api/v1/kudos/{id}").ShouldBeProblemAsync(HttpStatusCode.NotFound, "kudos.not-found");
        }

        Assert.Equal(1, (await reader.RecognitionOfAsync(recipient)).KudosCount);
        Assert.DoesNotContain(words, await browser.PageAsync($"/people/{recipient.Handle}"), StringComparison.Ordinal);
        Assert.DoesNotContain(words, await browser.PageAsync("/kudos"), StringComparison.Ordinal);
        Assert.DoesNotContain(words, await browser.PageAsync("/"), StringComparison.Ordinal);
        await reader.Http.PostAsJsonAsync($"/api/v1/kudos/{id}/reports", new { reason = "spam" }, Actor.Json).ShouldBeProblemAsync(HttpStatusCode.NotFound, "kudos.not-found");

        // Three values, one of them hidden: no "many values" badge (one earned before a hide stays, as any badge does).
        await giver.ThankAsync(recipient, values[1], "Merci pour le coup de main");
        await App.AwardBadgesAsync();
        Assert.Equal(2, (await reader.RecognitionOfAsync(recipient)).KudosCount);
        Assert.DoesNotContain((await reader.RecognitionOfAsync(recipient)).Badges, b => b.Key == Badges.ManyValues);

        // The giver reads why; a moderator finds it again and restores it.
        var told = await giver.GetAsync<DecisionView>($"/api/v1/moderation/decisions/{decision}");
        Assert.Equal(ReportedContent.Kudos, told.Content);
        Assert.Null(told.PostId);
        Assert.Contains("blessants", await (await App.SignInWithBrowserCookiesAsync(giver)).PageAsync($"/moderation/decisions/{decision}"), StringComparison.Ordinal);
        Assert.Contains(await admin.HiddenAsync(), h => h.Content == ReportedContent.Kudos && h.ContentId == id);
        await employee.TryRestoreAsync("kudos", id, "Non").ShouldBeProblemAsync(HttpStatusCode.NotFound, "moderation.content-not-found");
        await Actor.ExpectAsync(await admin.TryRestoreAsync("kudos", id, "Après échange, le message reste"), HttpStatusCode.Created);
        Assert.Contains((await reader.RecognitionOfAsync(recipient)).Kudos, k => k.Id == id);
        await admin.TryRestoreAsync("kudos", id, "Encore").ShouldBeProblemAsync(HttpStatusCode.Conflict, "moderation.not-hidden");
    }

    [Fact]
    public async Task Only_readers_report_a_team_s_kudos_and_its_space_s_moderators_decide()
    {
        var values = await App.ValuesAsync();
        var lead = await NewPersonAsync("Lead");
        var member = await NewPersonAsync("Membre");
        var giver = await NewPersonAsync("Donneur");
        var outsider = await NewPersonAsync("Extérieur");
        var team = await lead.CreateSpaceAsync("Équipe " + Guid.NewGuid().ToString("N")[..6]);
        await lead.AddToSpaceAsync(team, member);
        var id = (await Actor.ReadAsync<Web.Recognition.RecognitionCreated>(
            await giver.TryThankAsync(new { spaceId = team.Id, valueId = values[0].Id, message = "Merci l'équipe" }), HttpStatusCode.Created)).Id;
        await using (var scope = App.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<RucheDbContext>().Spaces.Where(s => s.Id == team.Id)
                .ExecuteUpdateAsync(u => u.SetProperty(s => s.Visibility, SpaceVisibility.Private));
        }

        // Who cannot read it cannot report it (the same answer as for a thank-you that does not exist).
        var browser = await App.SignInWithBrowserCookiesAsync(outsider);
        await browser.PageAsync("/kudos");
        var before = await DatabaseDigest.TakeAsync(App);
        await outsider.Http.PostAsJsonAsync($"/api/v1/kudos/{id}/reports", new { reason = "spam" }, Actor.Json).ShouldBeProblemAsync(HttpStatusCode.NotFound, "kudos.not-found");
        var refused = await browser.SubmitFormAsync("/kudos", $"/ui/kudos/{id}/report", new() { ["reason"] = "Spam", ["returnUrl"] = "/kudos" });
        Assert.Equal("/kudos?error=kudos.not-found", refused.Headers.Location?.OriginalString);
        Assert.Empty(DatabaseDigest.Changed(before, await DatabaseDigest.TakeAsync(App)));

        await Actor.ExpectAsync(await member.Http.PostAsJsonAsync($"/api/v1/kudos/{id}/reports", new { reason = "other", note = "Hors sujet" }, Actor.Json), HttpStatusCode.Created);

        // The team space's moderator sees it in the queue and decides; a member who does not moderate cannot, nor an outsider.
        Assert.Contains(await lead.QueueAsync(), i => i.Content == ReportedContent.Kudos && i.ContentId == id);
        await member.TryDecideAsync("kudos", id, "hide", "Non").ShouldBeProblemAsync(HttpStatusCode.Forbidden, "moderation.forbidden");
        await outsider.TryDecideAsync("kudos", id, "hide", "Non").ShouldBeProblemAsync(HttpStatusCode.NotFound, "moderation.content-not-found");
        await lead.TryDecideAsync("kudos", id, "hide", " ").ShouldBeProblemAsync(HttpStatusCode.BadRequest, "moderation.reason-required");
        await lead.DecideAsync("kudos", id, "hide", "Hors sujet pour l'équipe");
        Assert.DoesNotContain((await member.WallAsync()).Items, k => k.Id == id);
        Assert.DoesNotContain(await lead.QueueAsync(), i => i.ContentId == id && i.Content == ReportedContent.Kudos);
        Assert.Contains(await lead.HiddenAsync(), h => h.Content == ReportedContent.Kudos && h.ContentId == id);
    }
}

public sealed class KudosModerationTestsOnSqlite(SqliteApp app) : KudosModerationTests(app), IClassFixture<SqliteApp>;

public sealed class KudosModerationTestsOnPostgres(PostgresApp app) : KudosModerationTests(app), IClassFixture<PostgresApp>;
