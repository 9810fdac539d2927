using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Ruche.Core.Common;
using Ruche.Core.Spaces;
using Ruche.Tests.Infrastructure;

namespace Ruche.Tests.Events;

/// <summary>The event form and the event page as a person uses them: spaces to choose from, a zone picker, typed text kept.</summary>
public abstract partial class EventFormTests(RucheApp app) : ProviderTests(app)
{
    [Fact]
    public async Task A_refused_event_form_comes_back_with_what_was_typed_and_can_be_sent_again()
    {
        var organizer = await NewPersonAsync("Organisatrice");
        var guest = await NewPersonAsync("Invitée");
        var space = await organizer.CreateSpaceAsync("Équipe Budget");
        var browser = await App.SignInWithBrowserCookiesAsync(organizer);
        var fields = new Dictionary<string, string>
        {
            ["spaceId"] = Id(space.Id),
            ["title"] = "Revue <budget> 2027",
            ["description"] = "1. Chiffres\n2. Arbitrages",
            ["start"] = "2027-05-10T10:00",
            ["end"] = "2027-05-10T09:00",
            ["timeZone"] = "America/Montreal",
            ["repeat"] = "Weekly",
            ["repeatDay"] = "Tuesday",
            ["repeatWeek"] = "1",
            ["repeatUntil"] = "2027-09-30",
            ["invitees"] = guest.Name,
        };

        var refused = await browser.SubmitFormAsync($"/events/new?space={space.Id}", "/ui/events", fields);

        await Actor.ExpectAsync(refused, HttpStatusCode.BadRequest);
        var html = await refused.Content.ReadAsStringAsync();
        var page = WebUtility.HtmlDecode(html);
        Assert.Contains("se termine après avoir commencé", page, StringComparison.Ordinal);
        Assert.Contains("value=\"Revue <budget> 2027\"", page, StringComparison.Ordinal);
        Assert.Contains(">1. Chiffres\n2. Arbitrages</textarea>", page, StringComparison.Ordinal);
        Assert.Contains("value=\"2027-05-10T10:00\"", page, StringComparison.Ordinal);
        Assert.Contains("value=\"2027-05-10T09:00\"", page, StringComparison.Ordinal);
        Assert.Contains("value=\"2027-09-30\"", page, StringComparison.Ordinal);
        Assert.Contains($"value=\"{guest.Name}\"", page, StringComparison.Ordinal);
        Assert.Equal("America/Montreal", Selected(page, "timeZone"));
        Assert.Equal("Weekly", Selected(page, "repeat"));
        Assert.Equal("Tuesday", Selected(page, "repeatDay"));
        Assert.Equal(Id(space.Id), Selected(page, "spaceId"));
        Assert.Contains("<link rel=\"stylesheet\"", page, StringComparison.Ordinal);
        Assert.Empty(await organizer.MyEventsAsync());

        // Corrected on the page that came back (its own antiforgery token), the form goes through, the invitee named by name.
        fields["end"] = "2027-05-10T11:00";
        fields[Browser.AntiforgeryField] = Browser.AntiforgeryTokenIn(html, "the refused form");
        var created = await browser.PostAsync("/ui/events", new FormUrlEncodedContent(fields));
        await Actor.ExpectAsync(created, HttpStatusCode.Redirect);
        var eventId = long.Parse(created.Headers.Location!.OriginalString["/events/".Length..], CultureInfo.InvariantCulture);
        var view = await organizer.EventAsync(eventId);
        Assert.Equal("Revue <budget> 2027", view.Title);
        Assert.Contains(view.Attendees, a => a.Person.Id == guest.Id && a.Invited);

        // A refused edit comes back filled too, and changes nothing.
        var edit = await browser.SubmitFormAsync($"/events/{eventId}/edit", $"/ui/events/{eventId}/edit", new()
        {
            ["title"] = "Revue renommée",
            ["start"] = "2027-05-10T10:00",
            ["end"] = "2027-05-10T11:00",
            ["timeZone"] = "Europe/Paris",
            ["repeat"] = "Weekly",
            ["repeatUntil"] = "2020-01-01",
        });
        await Actor.ExpectAsync(edit, HttpStatusCode.BadRequest);
        var editPage = WebUtility.HtmlDecode(await edit.Content.ReadAsStringAsync());
        Assert.Contains("value=\"Revue renommée\"", editPage, StringComparison.Ordinal);
        Assert.Contains($"action=\"/ui/events/{eventId}/edit\"", editPage, StringComparison.Ordinal);
        Assert.Contains("La dernière date d'une série", editPage, StringComparison.Ordinal);
        Assert.Equal("Revue <budget> 2027", (await organizer.EventAsync(eventId)).Title);
    }

    [Fact]
    public async Task The_zone_picker_offers_readable_zones_and_starts_on_the_organisers_own()
    {
        var organizer = await NewPersonAsync("Tokyoïte", "Asia/Tokyo");
        var space = await organizer.CreateSpaceAsync("Équipe Japon");
        var browser = await App.SignInWithBrowserCookiesAsync(organizer);

        var page = WebUtility.HtmlDecode(await browser.PageAsync($"/events/new?space={space.Id}"));

        Assert.Equal("Asia/Tokyo", Selected(page, "timeZone"));
        Assert.Contains(">(UTC+09:00) Asia/Tokyo</option>", page, StringComparison.Ordinal);
        Assert.Matches(@">\(UTC[+-]0[45]:00\) America/New York</option>", page);
        Assert.DoesNotContain("<input id=\"event-zone\"", page, StringComparison.Ordinal);
        Assert.Contains("data-people-picker=\"/ui/people/lookup\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Events_offer_to_create_one_in_the_spaces_where_the_person_may_and_only_there()
    {
        var person = await NewPersonAsync("Organisateur");
        var other = await NewPersonAsync("Autre");
        var own = await person.CreateSpaceAsync("Mon équipe " + Guid.NewGuid().ToString("N")[..6]);
        var joined = await other.CreateSpaceAsync("Équipe rejointe " + Guid.NewGuid().ToString("N")[..6]);
        await person.JoinAsync(joined);
        var announcements = await other.CreateSpaceAsync("Annonces " + Guid.NewGuid().ToString("N")[..6], SpaceVisibility.Open, SpaceKind.Announcements);
        await person.JoinAsync(announcements);
        var notJoined = await other.CreateSpaceAsync("Pas membre " + Guid.NewGuid().ToString("N")[..6]);
        var browser = await App.SignInWithBrowserCookiesAsync(person);

        Assert.Contains("href=\"/events/new\"", await browser.PageAsync("/events"), StringComparison.Ordinal);

        var form = WebUtility.HtmlDecode(await browser.PageAsync("/events/new"));
        var offered = Options(form, "spaceId");
        Assert.Contains(Id(own.Id), offered);
        Assert.Contains(Id(joined.Id), offered);
        Assert.DoesNotContain(Id(announcements.Id), offered);
        Assert.DoesNotContain(Id(notJoined.Id), offered);
        Assert.Equal(string.Empty, Selected(form, "spaceId"));
        Assert.Equal(Id(joined.Id), Selected(WebUtility.HtmlDecode(await browser.PageAsync($"/events/new?space={joined.Id}")), "spaceId"));

        var refused = await browser.SubmitFormAsync("/events/new", "/ui/events", new()
        {
            ["spaceId"] = Id(announcements.Id),
            ["title"] = "Annonce interdite",
            ["start"] = "2027-05-10T09:00",
            ["end"] = "2027-05-10T10:00",
            ["timeZone"] = "Europe/Paris",
        });
        await Actor.ExpectAsync(refused, HttpStatusCode.Forbidden);
        var page = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        Assert.Contains("role=\"alert\"", page, StringComparison.Ordinal);
        Assert.Contains("value=\"Annonce interdite\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain(Id(announcements.Id), Options(page, "spaceId"));
        Assert.Empty(await other.SpaceEventsAsync(announcements));
    }

    [Fact]
    public async Task The_event_page_writes_dates_in_the_readers_language_and_zone_and_the_call_as_a_button()
    {
        var organizer = await NewPersonAsync("Parisienne");
        var reader = await NewPersonAsync("Montréalais", "America/Montreal");
        var space = await organizer.CreateSpaceAsync("Équipe Visio");
        var created = await organizer.CreateEventAsync(space, "Point mensuel", "2026-12-08T14:00", "2026-12-08T15:00", "Europe/Paris");

        var page = VisibleText(await (await App.SignInWithBrowserCookiesAsync(organizer)).PageAsync($"/events/{created.Id}"));
        Assert.Contains("mardi 8 décembre 2026, 14:00–15:00 (heure de Paris)", page, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"\d{4}-\d{2}-\d{2}", page);
        Assert.DoesNotContain("https://", page, StringComparison.Ordinal);
        Assert.Contains("Rejoindre la visio", page, StringComparison.Ordinal);

        var html = await (await App.SignInWithBrowserCookiesAsync(organizer)).PageAsync($"/events/{created.Id}");
        Assert.Matches("<a class=\"button primary\" href=\"https://[^\"]+\" rel=\"noopener noreferrer\" target=\"_blank\">Rejoindre la visio</a>", html);

        var there = VisibleText(await (await App.SignInWithBrowserCookiesAsync(reader)).PageAsync($"/events/{created.Id}"));
        Assert.Contains("mardi 8 décembre 2026, 08:00–09:00 (heure de Montreal)", there, StringComparison.Ordinal);
        Assert.Contains("Heure de l'événement : mardi 8 décembre 2026, 14:00–15:00 (heure de Paris)", there, StringComparison.Ordinal);

        var english = await App.SignInWithBrowserCookiesAsync(organizer);
        await Actor.ExpectAsync(await english.SubmitFormAsync("/settings", "/ui/language", new() { ["language"] = "en", ["returnUrl"] = "/" }), HttpStatusCode.Redirect);
        var inEnglish = VisibleText(await english.PageAsync($"/events/{created.Id}"));
        Assert.Contains("Tuesday, December 8, 2026, 2:00 PM–3:00 PM (Paris time)", inEnglish, StringComparison.Ordinal);
        Assert.Contains("Join the video call", inEnglish, StringComparison.Ordinal);
    }

    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);

    /// <summary>The value of the option selected in the select named <paramref name="name"/> ("" for none).</summary>
    private static string Selected(string page, string name)
    {
        var select = SelectNamed(page, name);
        var option = Regex.Match(select, "<option value=\"(?<value>[^\"]*)\" selected");
        return option.Success ? option.Groups["value"].Value : string.Empty;
    }

    private static List<string> Options(string page, string name) =>
        Regex.Matches(SelectNamed(page, name), "<option value=\"(?<value>[^\"]*)\"").Select(m => m.Groups["value"].Value).Where(v => v.Length > 0).ToList();

    private static string SelectNamed(string page, string name)
    {
        var match = Regex.Match(page, $"<select[^>]*name=\"{name}\"[^>]*>(?<options>.*?)</select>", RegexOptions.Singleline);
        Assert.True(match.Success, $"no select named {name}");
        return match.Groups["options"].Value;
    }

    /// <summary>What a reader sees of the page's main part: its text, without tags and attributes.</summary>
    private static string VisibleText(string html)
    {
        var main = html[html.IndexOf("<main", StringComparison.Ordinal)..];
        return WebUtility.HtmlDecode(Tags().Replace(main, " ")).Replace('\u202F', ' ').Replace('\u00A0', ' ');
    }

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();
}

public sealed class EventFormTestsOnSqlite(SqliteApp app) : EventFormTests(app), IClassFixture<SqliteApp>;

public sealed class EventFormTestsOnPostgres(PostgresApp app) : EventFormTests(app), IClassFixture<PostgresApp>;
