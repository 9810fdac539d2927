using System.Net;
using Ruche.Core.Common;
using Ruche.Tests.Infrastructure;

namespace Ruche.Tests.Events;

/// <summary>Events and working-from status through the server-rendered pages and their forms.</summary>
public abstract class EventPageTests(RucheApp app) : ProviderTests(app)
{
    [Fact]
    public async Task An_organiser_creates_an_event_from_the_space_page_and_a_member_answers_it()
    {
        var organizer = await NewPersonAsync("Organisatrice");
        var member = await NewPersonAsync("Membre", "America/Montreal");
        var space = await organizer.CreateSpaceAsync("Équipe Atlas", SpaceVisibility.Private);
        await organizer.AddToSpaceAsync(space, member);
        var browser = await App.SignInWithBrowserCookiesAsync(organizer);

        Assert.Contains("/events/new?space=" + space.Id, await browser.PageAsync($"/spaces/{space.Id}"), StringComparison.Ordinal);
        var created = await browser.SubmitFormAsync($"/events/new?space={space.Id}", "/ui/events", new()
        {
            ["spaceId"] = space.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["title"] = "Objectifs <du> mois",
            ["description"] = "1. Bilan\n2. **Priorités**",
            ["start"] = "2027-05-10T09:00",
            ["end"] = "2027-05-10T10:00",
            ["timeZone"] = "Europe/Paris",
            ["repeat"] = "MonthlyByWeekday",
            ["repeatWeek"] = "1",
            ["repeatDay"] = "Monday",
            ["repeatUntil"] = "",
            ["invitees"] = "@" + member.Handle,
        });
        await Actor.ExpectAsync(created, HttpStatusCode.Redirect);
        var path = created.Headers.Location!.OriginalString;
        Assert.Matches("^/events/[0-9]+$", path);

        var page = WebUtility.HtmlDecode(await browser.PageAsync(path));
        Assert.Contains("Objectifs <du> mois", page, StringComparison.Ordinal);
        Assert.Contains("<strong>Priorités</strong>", page, StringComparison.Ordinal);
        Assert.Contains("Le premier lundi du mois", page, StringComparison.Ordinal);
        Assert.Contains("href=\"https://meet.jit.si/ruche-", page, StringComparison.Ordinal);
        Assert.Contains("lundi 7 juin 2027, 09:00–10:00 (heure de Paris)", page, StringComparison.Ordinal);

        var memberBrowser = await App.SignInWithBrowserCookiesAsync(member);
        var answered = await memberBrowser.SubmitFormAsync(path, $"/ui/events{path["/events".Length..]}/rsvp", new() { ["response"] = "Maybe", ["returnUrl"] = path });
        await Actor.ExpectAsync(answered, HttpStatusCode.Redirect);
        var seen = WebUtility.HtmlDecode(await memberBrowser.PageAsync(path));
        Assert.Contains("lundi 7 juin 2027, 03:00–04:00 (heure de Montreal)", seen, StringComparison.Ordinal);
        Assert.Contains("Heure de l'événement", seen, StringComparison.Ordinal);
        Assert.Contains("aria-pressed=\"true\">Peut-être</button>", seen, StringComparison.Ordinal);
        Assert.Contains("Événements", WebUtility.HtmlDecode(await memberBrowser.PageAsync("/events")), StringComparison.Ordinal);

        // A refused form comes back with its reason and what was typed, and nothing is created.
        var refused = await browser.SubmitFormAsync($"/events/new?space={space.Id}", "/ui/events", new()
        {
            ["spaceId"] = space.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["title"] = "Mauvais fuseau",
            ["start"] = "2027-05-10T09:00",
            ["end"] = "2027-05-10T10:00",
            ["timeZone"] = "Mars/Olympus",
        });
        await Actor.ExpectAsync(refused, HttpStatusCode.BadRequest);
        var refusedPage = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        Assert.Contains("fuseau IANA", refusedPage, StringComparison.Ordinal);
        Assert.Contains("value=\"Mauvais fuseau\"", refusedPage, StringComparison.Ordinal);

        // One unknown handle among known ones refuses the whole form.
        var unknown = await browser.SubmitFormAsync($"/events/new?space={space.Id}", "/ui/events", new()
        {
            ["spaceId"] = space.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["title"] = "Invités fantômes",
            ["start"] = "2027-05-10T09:00",
            ["end"] = "2027-05-10T10:00",
            ["timeZone"] = "Europe/Paris",
            ["invitees"] = $"@{member.Handle}, @personne-{Guid.NewGuid():N}",
        });
        await Actor.ExpectAsync(unknown, HttpStatusCode.BadRequest);
        Assert.Contains("Invitez uniquement des personnes actives", WebUtility.HtmlDecode(await unknown.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.DoesNotContain("Invités fantômes", WebUtility.HtmlDecode(await memberBrowser.PageAsync("/events")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_working_from_status_and_the_calendar_address_are_set_from_the_settings_page()
    {
        var person = await NewPersonAsync("Télétravailleuse");
        var colleague = await NewPersonAsync("Collègue");
        var browser = await App.SignInWithBrowserCookiesAsync(person);

        var set = await browser.SubmitFormAsync("/settings", "/ui/presence", new() { ["mode"] = "Home", ["note"] = "Jusqu'à 16 h", ["returnUrl"] = "/settings?saved=presence" });
        await Actor.ExpectAsync(set, HttpStatusCode.Redirect);
        await person.PostAsync("Bonjour de la maison");
        var colleagueBrowser = await App.SignInWithBrowserCookiesAsync(colleague);
        Assert.Contains("Télétravail · Jusqu'à 16 h", WebUtility.HtmlDecode(await colleagueBrowser.PageAsync("/company")), StringComparison.Ordinal);

        var feed = await browser.SubmitFormAsync("/settings", "/ui/calendar-feed", new());
        await Actor.ExpectAsync(feed, HttpStatusCode.OK);
        var html = await feed.Content.ReadAsStringAsync();
        var url = System.Text.RegularExpressions.Regex.Match(html, "http://[^<\"]+/calendar/rcal_[A-Za-z0-9_-]+\\.ics").Value;
        Assert.NotEmpty(url);
        await Actor.ExpectAsync(await App.Anonymous().GetAsync(new Uri(url).AbsolutePath), HttpStatusCode.OK);
    }
}

public sealed class EventPageTestsOnSqlite(SqliteApp app) : EventPageTests(app), IClassFixture<SqliteApp>;

public sealed class EventPageTestsOnPostgres(PostgresApp app) : EventPageTests(app), IClassFixture<PostgresApp>;
