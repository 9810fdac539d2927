using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Ruche.Core.Data;
using Ruche.Core.Common;
using Ruche.Core.Recognition;
using Ruche.Core.Spaces;
using Ruche.Tests.Dialogue;
using Ruche.Tests.Infrastructure;
using Ruche.Tests.Notifications;

namespace Ruche.Tests.Recognition;

/// <summary>
/// Kudos through HTTP, refusals first: nobody thanks themselves, never a union's space, only a value in use, a rate
/// limit, nothing written when refused; then the profile (page and API), the month's wall, notifications, the
/// recipient's choice about feeds, a private team's thanks kept from outsiders, and HR's figures per value.
/// </summary>
public abstract class KudosTests(RucheApp app) : ProviderTests(app)
{
    [Fact]
    public async Task Self_thanks_a_union_space_an_unknown_value_and_bad_input_are_refused_and_write_nothing()
    {
        var values = await App.ValuesAsync();
        var giver = await NewPersonAsync("Giver");
        var colleague = await NewPersonAsync("Colleague");
        var admin = await NewPersonAsync("Admin", "Europe/Paris", RoleNames.Administrator);
        var union = await giver.GetAsync<SpaceSummary>($"/api/v1/spaces/{(await admin.RecordUnionAsync("Syndicat kudos " + Guid.NewGuid().ToString("N")[..6], colleague)).SpaceId}");
        var ownTeam = await giver.CreateSpaceAsync("Mon équipe");
        var project = await colleague.CreateSpaceAsync("Un projet", SpaceVisibility.Open, SpaceKind.Project);
        var browser = await App.SignInWithBrowserCookiesAsync(giver);
        var before = await DatabaseDigest.TakeAsync(App);

        await giver.TryThankAsync(new { personId = giver.Id, valueId = values[0].Id, message = "Bravo moi" }).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "kudos.self");
        await giver.TryThankAsync(new { spaceId = union.Id, valueId = values[0].Id, message = "Merci" }).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "kudos.union-space");
        await giver.TryThankAsync(new { personId = colleague.Id, valueId = 999_999_999, message = "Merci" }).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "kudos.value-unknown");
        await giver.TryThankAsync(new { personId = colleague.Id, message = "Merci" }).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "kudos.value-unknown");
        await giver.TryThankAsync(new { personId = colleague.Id, valueId = values[0].Id, message = "  " }).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "kudos.message-required");
        await giver.TryThankAsync(new { personId = colleague.Id, valueId = values[0].Id, message = new string('x', RecognitionInputs.MessageMaxLength + 1) })
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "kudos.message-too-long");
        await giver.TryThankAsync(new { personId = colleague.Id, spaceId = project.Id, valueId = values[0].Id, message = "Merci" }).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "kudos.recipient-required");
        await giver.TryThankAsync(new { valueId = values[0].Id, message = "Merci" }).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "kudos.recipient-required");
        await giver.TryThankAsync(new { spaceId = ownTeam.Id, valueId = values[0].Id, message = "Merci à nous" }).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "kudos.own-team");
        await giver.TryThankAsync(new { spaceId = project.Id, valueId = values[0].Id, message = "Merci" }).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "kudos.team-only");
        await giver.TryThankAsync(new { personId = 999_999_999, valueId = values[0].Id, message = "Merci" }).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "kudos.recipient-unknown");
        await giver.Http.GetAsync("/api/v1/kudos?month=2026-13").ShouldBeProblemAsync(HttpStatusCode.BadRequest, "kudos.month-invalid");
        foreach (var month in new[] { "9999-12", "0001-01" })
        {
            await giver.Http.GetAsync($"/api/v1/kudos?month={month}").ShouldBeProblemAsync(HttpStatusCode.BadRequest, "kudos.month-invalid");
            Assert.Equal(HttpStatusCode.BadRequest, (await browser.GetAsync($"/kudos?month={month}")).StatusCode);
        }

        Assert.Empty(DatabaseDigest.Changed(before, await DatabaseDigest.TakeAsync(App)));

        // A refused form comes back filled with what was typed, and why.
        var refill = await browser.SubmitFormAsync("/kudos", "/ui/kudos", new() { ["to"] = "@" + giver.Handle, ["valueId"] = values[1].Id.ToString(CultureInfo.InvariantCulture), ["message"] = "Texte gardé kqz" });
        var html = WebUtility.HtmlDecode(await refill.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, refill.StatusCode);
        Assert.Contains("Texte gardé kqz", html, StringComparison.Ordinal);
        Assert.Contains("On remercie un collègue, pas soi-même.", html, StringComparison.Ordinal);
        Assert.Contains($"<option value=\"{values[1].Id}\" selected", html, StringComparison.Ordinal);
        Assert.Empty(DatabaseDigest.Changed(before, await DatabaseDigest.TakeAsync(App)));
    }

    [Fact]
    public async Task Kudos_show_on_the_profile_page_and_API_on_the_month_s_wall_and_tell_the_recipient()
    {
        var values = await App.ValuesAsync();
        var giver = await NewPersonAsync("Giver");
        var thanked = await NewPersonAsync("Thanked");
        var reader = await NewPersonAsync("Reader");

        var id = await giver.ThankAsync(thanked, values[1], "Merci pour la relecture du contrat wqv");

        var recognition = await reader.RecognitionOfAsync(thanked);
        var shown = Assert.Single(recognition.Kudos);
        Assert.Equal((id, giver.Id, thanked.Id, values[1].Id, "Merci pour la relecture du contrat wqv"), (shown.Id, shown.Giver.Id, shown.Person?.Id, shown.Value.Id, shown.Message));
        Assert.Equal(1, recognition.KudosCount);
        Assert.Empty((await reader.RecognitionOfAsync(giver)).Kudos);

        var page = WebUtility.HtmlDecode(await (await App.SignInWithBrowserCookiesAsync(reader)).PageAsync($"/people/{thanked.Handle}"));
        Assert.Contains("Merci pour la relecture du contrat wqv", page, StringComparison.Ordinal);
        Assert.Contains(values[1].LabelFr, page, StringComparison.Ordinal);

        var wall = await reader.WallAsync();
        Assert.Contains(wall.Items, k => k.Id == id);
        Assert.Null(wall.Next);
        Assert.DoesNotContain((await reader.WallAsync(wall.Previous.ToString("yyyy-MM", CultureInfo.InvariantCulture))).Items, k => k.Id == id);
        Assert.Contains("Merci pour la relecture du contrat wqv", WebUtility.HtmlDecode(await (await App.SignInWithBrowserCookiesAsync(reader)).PageAsync("/kudos")), StringComparison.Ordinal);

        var told = Assert.Single(await thanked.NotificationsAsync(), n => n.Kind == RecognitionNotifications.KudosReceived.Name);
        Assert.Equal(id, told.SubjectId);
        Assert.DoesNotContain(await reader.NotificationsAsync(), n => n.Kind == RecognitionNotifications.KudosReceived.Name);

        // The giver takes it back; nobody else may.
        await thanked.Http.DeleteAsync($"/api/v1/kudos/{id}").ShouldBeProblemAsync(HttpStatusCode.Forbidden, "kudos.giver-only");
        Assert.Equal(HttpStatusCode.NoContent, (await giver.Http.DeleteAsync($"/api/v1/kudos/{id}")).StatusCode);
        Assert.Empty((await reader.RecognitionOfAsync(thanked)).Kudos);
    }

    [Fact]
    public async Task The_recipient_decides_whether_their_kudos_appear_in_feeds_off_by_default()
    {
        var values = await App.ValuesAsync();
        var giver = await NewPersonAsync("Giver");
        var thanked = await NewPersonAsync("Thanked");
        var reader = await NewPersonAsync("Reader");
        var id = await giver.ThankAsync(thanked, values[0], "Merci pour l'accueil zpf");

        Assert.DoesNotContain(await reader.KudosFeedAsync(), k => k.Id == id);
        Assert.DoesNotContain("Merci pour l'accueil zpf", WebUtility.HtmlDecode(await (await App.SignInWithBrowserCookiesAsync(reader)).PageAsync("/")), StringComparison.Ordinal);

        await thanked.ShowKudosInFeedsAsync(true);
        Assert.True((await thanked.GetAsync<Web.Recognition.RecognitionPreferenceDto>("/api/v1/me/recognition")).ShowKudosInFeeds);
        Assert.Contains(await reader.KudosFeedAsync(), k => k.Id == id);
        Assert.Contains("Merci pour l'accueil zpf", WebUtility.HtmlDecode(await (await App.SignInWithBrowserCookiesAsync(reader)).PageAsync("/")), StringComparison.Ordinal);

        await thanked.ShowKudosInFeedsAsync(false);
        Assert.DoesNotContain(await reader.KudosFeedAsync(), k => k.Id == id);
        Assert.Contains((await reader.RecognitionOfAsync(thanked)).Kudos, k => k.Id == id);
    }

    [Fact]
    public async Task A_team_s_thanks_tell_its_members_follow_its_space_s_readers_and_the_eleventh_kudos_of_a_day_is_refused()
    {
        var values = await App.ValuesAsync();
        var lead = await NewPersonAsync("Lead");
        var member = await NewPersonAsync("Member");
        var giver = await NewPersonAsync("Giver");
        var outsider = await NewPersonAsync("Outsider");
        var team = await lead.CreateSpaceAsync("Équipe paie " + Guid.NewGuid().ToString("N")[..6]);
        await lead.AddToSpaceAsync(team, member);

        var id = (await Actor.ReadAsync<Web.Recognition.RecognitionCreated>(await giver.TryThankAsync(new { spaceId = team.Id, valueId = values[0].Id, message = "Merci l'équipe" }), HttpStatusCode.Created)).Id;
        Assert.Equal(team.Id, (await outsider.GetAsync<KudosView>($"/api/v1/kudos/{id}")).Team?.Id);
        foreach (var told in new[] { lead, member })
        {
            Assert.Contains(await told.NotificationsAsync(), n => n.Kind == RecognitionNotifications.KudosReceived.Name && n.SubjectId == id);
        }

        Assert.DoesNotContain(await giver.NotificationsAsync(), n => n.Kind == RecognitionNotifications.KudosReceived.Name);

        // The team's space turns private: its thanks are then read by its members only, and outsiders may not thank it.
        await using (var scope = App.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<RucheDbContext>().Spaces.Where(s => s.Id == team.Id)
                .ExecuteUpdateAsync(u => u.SetProperty(s => s.Visibility, SpaceVisibility.Private));
        }

        await outsider.Http.GetAsync($"/api/v1/kudos/{id}").ShouldBeProblemAsync(HttpStatusCode.NotFound, "kudos.not-found");
        Assert.DoesNotContain((await outsider.WallAsync()).Items, k => k.Id == id);
        Assert.Contains((await member.WallAsync()).Items, k => k.Id == id);
        await outsider.TryThankAsync(new { spaceId = team.Id, valueId = values[0].Id, message = "Merci" }).ShouldBeProblemAsync(HttpStatusCode.NotFound, "space.not-found");

        for (var n = 1; n < RecognitionInputs.KudosPerDay; n++)
        {
            await giver.ThankAsync(member, values[n % values.Count], $"Merci n°{n}");
        }

        var before = await DatabaseDigest.TakeAsync(App);
        await giver.TryThankAsync(new { personId = member.Id, valueId = values[0].Id, message = "Encore merci" }).ShouldBeProblemAsync(HttpStatusCode.Conflict, "kudos.rate-limited");
        Assert.Empty(DatabaseDigest.Changed(before, await DatabaseDigest.TakeAsync(App)));
    }

    [Fact]
    public async Task HR_keeps_the_values_and_reads_figures_per_value_with_small_groups_suppressed()
    {
        var values = await App.ValuesAsync();
        var employee = await NewPersonAsync("Employee");
        var hr = await NewPersonAsync("Hr", "Europe/Paris", RoleNames.HumanResources);
        await employee.Http.PostAsJsonAsync("/api/v1/values", new { labelFr = "Refusée", labelEn = "Refused" }, Actor.Json).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "value.admin-only");
        await hr.Http.PostAsJsonAsync("/api/v1/values", new { labelFr = values[0].LabelFr, labelEn = "Other" }, Actor.Json).ShouldBeProblemAsync(HttpStatusCode.Conflict, "value.duplicate");
        await hr.Http.PostAsJsonAsync("/api/v1/values", new { labelFr = "Sans anglais" }, Actor.Json).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "value.label-required");
        await employee.Http.GetAsync("/api/v1/kudos/statistics").ShouldBeProblemAsync(HttpStatusCode.Forbidden, "kudos.statistics-forbidden");
        await (await App.SignInWithBrowserCookiesAsync(employee)).PageAsync("/kudos/values", HttpStatusCode.Forbidden);

        // Five givers thank five people for a new value; one giver thanks one person for another.
        var people = new List<Actor>();
        for (var n = 0; n < 5; n++)
        {
            people.Add(await NewPersonAsync($"P{n}"));
        }

        var fresh = "Rigueur " + Guid.NewGuid().ToString("N")[..6];
        var valueId = (await Actor.ReadAsync<Web.Recognition.RecognitionCreated>(await hr.Http.PostAsJsonAsync("/api/v1/values", new { labelFr = fresh, labelEn = fresh + " en" }, Actor.Json), HttpStatusCode.Created)).Id;
        for (var n = 0; n < 5; n++)
        {
            await Actor.ExpectAsync(await people[n].TryThankAsync(new { personId = people[(n + 1) % 5].Id, valueId, message = "Merci" }), HttpStatusCode.Created);
        }

        var figures = await hr.GetAsync<KudosStatisticsView>("/api/v1/kudos/statistics");
        var shared = Assert.Single(figures.Values, v => v.ValueId == valueId);
        Assert.False(shared.Suppressed);
        Assert.Equal(5, shared.Count);
        Assert.Equal(5, figures.MinimumGroup);

        var name = "Rare " + Guid.NewGuid().ToString("N")[..6];
        var rareValue = (await Actor.ReadAsync<Web.Recognition.RecognitionCreated>(await hr.Http.PostAsJsonAsync("/api/v1/values", new { labelFr = name, labelEn = name + " en" }, Actor.Json), HttpStatusCode.Created)).Id;
        await Actor.ExpectAsync(await people[0].TryThankAsync(new { personId = people[1].Id, valueId = rareValue, message = "Merci" }), HttpStatusCode.Created);
        var rare = Assert.Single((await hr.GetAsync<KudosStatisticsView>("/api/v1/kudos/statistics")).Values, v => v.ValueId == rareValue);
        await hr.Http.GetAsync("/api/v1/kudos/statistics?from=2026-01-01&to=9999-12-31").ShouldBeProblemAsync(HttpStatusCode.BadRequest, "kudos.period-invalid");
        Assert.True(rare.Suppressed);
        Assert.Null(rare.Count);
        Assert.Contains("/ui/kudos/values", await (await App.SignInWithBrowserCookiesAsync(hr)).PageAsync("/kudos/values"), StringComparison.Ordinal);
    }
}

public sealed class KudosTestsOnSqlite(SqliteApp app) : KudosTests(app), IClassFixture<SqliteApp>;

public sealed class KudosTestsOnPostgres(PostgresApp app) : KudosTests(app), IClassFixture<PostgresApp>;
