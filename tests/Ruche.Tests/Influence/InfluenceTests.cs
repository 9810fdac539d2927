using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Ruche.Core.Common;
using Ruche.Core.Data;
using Ruche.Core.Influence;
using Ruche.Core.People;
using Ruche.Tests.Dialogue;
using Ruche.Tests.Infrastructure;
using Ruche.Tests.Presence;

namespace Ruche.Tests.Influence;

/// <summary>
/// The influence figures through HTTP (ADR 24): computed on demand by an administrator, read by each person for
/// themselves, by HR only for people who chose to be recognised and otherwise in groups of 5 or more; union spaces
/// never move a score; leaving the graph removes the person. The clock stands still so that two computations of the
/// same acts give the same scores.
/// </summary>
public abstract class InfluenceTests(RucheApp app) : ProviderTests(app)
{
    private static readonly DateTimeOffset Start = new(2027, 3, 1, 9, 30, 0, TimeSpan.Zero);

    public override ValueTask InitializeAsync()
    {
        var result = base.InitializeAsync();
        ((IClockedApp)App).Clock.SetUtcNow(Start);
        return result;
    }

    [Fact]
    public async Task Acts_in_a_union_space_never_change_anyone_s_score()
    {
        var admin = await NewPersonAsync("Admin", "Europe/Paris", RoleNames.Administrator);
        var (a, b, c) = (await NewPersonAsync("Aline"), await NewPersonAsync("Bruno"), await NewPersonAsync("Chloé"));
        var post = await b.PostAsync("Une idée pour la cantine #cantine");
        await a.ReactAsync(post, "like");
        await c.CommentAsync(post, "Oui !");
        await b.FollowAsync(a);
        await ComputeAsync(admin);
        var before = await ScoresAsync();

        var union = await admin.RecordUnionAsync("Syndicat " + Guid.NewGuid().ToString("N")[..6], a);
        var unionSpace = await a.SpaceOfAsync(union);
        await c.JoinAsync(unionSpace);
        var tract = await a.PostAsync("Tract : @" + c.Handle + " rejoint la section", unionSpace);
        await c.ReactAsync(tract, "celebrate");
        var comment = await c.CommentAsync(tract, "Merci");
        await a.CommentAsync(tract, "Bienvenue", comment.Id);
        await c.ShareAsync(tract, "À lire");
        await ComputeAsync(admin);
        var after = await ScoresAsync();

        Assert.Equal(before.Keys.Order(), after.Keys.Order());
        foreach (var (person, (score, reach)) in before)
        {
            Assert.Equal(score, after[person].Score, 1e-9);
            Assert.Equal(reach, after[person].Reach);
        }

        // The union acts would have added to these: c engaged with a, a with c, b with a.
        Assert.Equal(2, before[b.Id].Reach);
        Assert.Equal(1, before[a.Id].Reach);
        Assert.Equal(0, before[c.Id].Reach);
    }

    [Fact]
    public async Task A_person_sees_their_own_figures_and_leaving_the_graph_removes_them()
    {
        var admin = await NewPersonAsync("Admin", "Europe/Paris", RoleNames.Administrator);
        var (author, fan, follower) = (await NewPersonAsync("Autrice"), await NewPersonAsync("Fan"), await NewPersonAsync("Abonné"));
        var post = await author.PostAsync("Retour d'expérience #qualite");
        await fan.ReactAsync(post, "insightful");
        await fan.CommentAsync(post, "Très utile");
        await follower.FollowAsync(author);
        await ComputeAsync(admin);

        var mine = await author.GetAsync<MyInfluence>("/api/v1/influence/me");
        Assert.NotNull(mine.Figures?.Score);
        Assert.Equal(2, mine.Figures!.Reach);
        Assert.False(mine.Recognised);
        var browser = await App.SignInWithBrowserCookiesAsync(author);
        var page = await browser.PageAsync("/me/influence");
        Assert.Contains("data-figure=\"reach\"", page, StringComparison.Ordinal);
        await browser.PageAsync("/influence/method");

        var left = await follower.Http.PutAsJsonAsync("/api/v1/influence/me/preferences", new { recognised = true, leftGraph = true }, Actor.Json);
        await Actor.ExpectAsync(left, HttpStatusCode.OK);
        var followerView = await follower.GetAsync<MyInfluence>("/api/v1/influence/me");
        Assert.True(followerView.LeftGraph);
        Assert.False(followerView.Recognised);
        Assert.Null(followerView.Figures?.Score);

        // A call that leaves a choice out keeps it: asking to be recognised never brings anyone back into the graph.
        await Actor.ExpectAsync(await follower.Http.PutAsJsonAsync("/api/v1/influence/me/preferences", new { recognised = true }, Actor.Json), HttpStatusCode.OK);
        followerView = await follower.GetAsync<MyInfluence>("/api/v1/influence/me");
        Assert.True(followerView.LeftGraph);
        Assert.False(followerView.Recognised);

        await ComputeAsync(admin);
        var scores = await ScoresAsync();
        Assert.DoesNotContain(follower.Id, scores.Keys);
        Assert.Equal(1, scores[author.Id].Reach);
        Assert.Contains(fan.Id, scores.Keys);
    }

    [Fact]
    public async Task HR_reads_individual_figures_only_of_people_who_chose_to_be_recognised()
    {
        var admin = await NewPersonAsync("Admin", "Europe/Paris", RoleNames.Administrator);
        var hr = await NewPersonAsync("RH", "Europe/Paris", RoleNames.HumanResources);
        var employee = await NewPersonAsync("Employé");
        var hidden = await NewPersonAsync("Discrète" + Guid.NewGuid().ToString("N")[..6]);
        var known = await NewPersonAsync("Reconnu" + Guid.NewGuid().ToString("N")[..6]);
        var fans = new List<Actor>();
        for (var i = 0; i < 3; i++)
        {
            fans.Add(await NewPersonAsync("Lecteur"));
        }

        var tag = "sujet" + Guid.NewGuid().ToString("N")[..6];
        foreach (var author in new[] { hidden, known })
        {
            var post = await author.PostAsync($"Mon avis sur #{tag}");
            foreach (var fan in fans)
            {
                await fan.ReactAsync(post, "like");
                await fan.CommentAsync(post, "D'accord");
            }
        }

        await Actor.ExpectAsync(await known.Http.PutAsJsonAsync("/api/v1/influence/me/preferences", new { recognised = true, leftGraph = false }, Actor.Json), HttpStatusCode.OK);
        await employee.Http.PostAsync("/api/v1/influence/runs", null).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "influence.administrator-required");
        await hr.Http.PostAsync("/api/v1/influence/runs", null).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "influence.administrator-required");
        await ComputeAsync(admin);

        // The person, HR and others: only their own, or a recognised person's.
        await Actor.ExpectAsync(await hidden.Http.GetAsync($"/api/v1/influence/people/{hidden.Id}"), HttpStatusCode.OK);
        foreach (var reader in new[] { hr, admin })
        {
            await reader.Http.GetAsync($"/api/v1/influence/people/{hidden.Id}").ShouldBeProblemAsync(HttpStatusCode.NotFound, "influence.not-found");
            await Actor.ExpectAsync(await reader.Http.GetAsync($"/api/v1/influence/people/{known.Id}"), HttpStatusCode.OK);
        }

        await employee.Http.GetAsync($"/api/v1/influence/people/{known.Id}").ShouldBeProblemAsync(HttpStatusCode.NotFound, "influence.not-found");
        await employee.Http.GetAsync("/api/v1/influence/network").ShouldBeProblemAsync(HttpStatusCode.Forbidden, "influence.hr-required");
        Assert.Equal(HttpStatusCode.Forbidden, (await employee.Http.GetAsync("/hr/network/recognised.csv")).StatusCode);
        var employeeBrowser = await App.SignInWithBrowserCookiesAsync(employee);
        await employeeBrowser.PageAsync("/hr/network", HttpStatusCode.Forbidden);

        // Every way HR reads: the API, the page, every CSV.
        var network = await hr.Http.GetStringAsync("/api/v1/influence/network");
        var browser = await App.SignInWithBrowserCookiesAsync(hr);
        var page = await browser.PageAsync("/hr/network");
        var exports = new List<string>();
        foreach (var table in new[] { "departments", "sites", "working-from", "department-links", "site-links", "voices", "recognised" })
        {
            exports.Add(await hr.Http.GetStringAsync($"/hr/network/{table}.csv"));
        }

        foreach (var text in exports.Append(network).Append(page))
        {
            Assert.DoesNotContain(hidden.Handle, text, StringComparison.Ordinal);
            Assert.DoesNotContain(hidden.Name, text, StringComparison.Ordinal);
        }

        Assert.Contains(known.Handle, network, StringComparison.Ordinal);
        Assert.Contains(known.Name, page, StringComparison.Ordinal);
        Assert.Contains(known.Handle, exports[^1], StringComparison.Ordinal);
        Assert.Contains(known.Handle, exports[^2], StringComparison.Ordinal);
        Assert.Contains("#" + tag, exports[^2], StringComparison.Ordinal);
        Assert.Contains("class=\"chart-data\"", page, StringComparison.Ordinal);
        Assert.Contains("class=\"network-diagram\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Groups_under_five_people_are_never_shown_on_their_own()
    {
        var admin = await NewPersonAsync("Admin", "Europe/Paris", RoleNames.Administrator);
        var hr = await NewPersonAsync("RH", "Europe/Paris", RoleNames.HumanResources);
        var smallName = "Petite équipe " + Guid.NewGuid().ToString("N")[..6];
        var bigName = "Grande équipe " + Guid.NewGuid().ToString("N")[..6];
        var small = new List<Actor>();
        var big = new List<Actor>();
        for (var i = 0; i < 3; i++)
        {
            small.Add(await NewPersonAsync("Petit"));
        }

        for (var i = 0; i < 6; i++)
        {
            big.Add(await NewPersonAsync("Grand"));
        }

        var (smallId, bigId) = await DepartmentsAsync(smallName, small, bigName, big);
        var post = await small[0].PostAsync("Entre nous");
        await small[1].ReactAsync(post, "like");
        await big[0].ReactAsync(post, "like");
        var other = await big[1].PostAsync("Chez nous");
        await big[2].CommentAsync(other, "Oui");
        await small[2].CommentAsync(other, "Bonne idée");
        await ComputeAsync(admin);

        var network = await hr.GetAsync<NetworkHealth>("/api/v1/influence/network");
        var key = smallId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.DoesNotContain(network.Departments, g => g.Key == key);
        Assert.All(network.Departments, g => Assert.True(g.People >= SmallGroups.Minimum));
        Assert.DoesNotContain(network.DepartmentLinks, l => l.From == key || l.To == key);
        Assert.Equal(network.People, network.Departments.Sum(g => g.People));
        var csv = await hr.Http.GetStringAsync("/hr/network/departments.csv");
        var links = await hr.Http.GetStringAsync("/hr/network/department-links.csv");
        var page = await (await App.SignInWithBrowserCookiesAsync(hr)).PageAsync("/hr/network");
        foreach (var text in new[] { csv, links, page, await hr.Http.GetStringAsync("/api/v1/influence/network") })
        {
            Assert.DoesNotContain(smallName, text, StringComparison.Ordinal);
        }

        Assert.Contains(network.Departments, g => g.Key == bigId.ToString(System.Globalization.CultureInfo.InvariantCulture) || g.Key == SmallGroups.Pooled);
    }

    [Fact]
    public async Task The_HR_dashboard_and_the_personal_figures_read_in_a_fixed_number_of_sql_commands()
    {
        var admin = await NewPersonAsync("Admin", "Europe/Paris", RoleNames.Administrator);
        var hr = await NewPersonAsync("RH", "Europe/Paris", RoleNames.HumanResources);
        var fans = new[] { await NewPersonAsync("Lectrice"), await NewPersonAsync("Lecteur") };
        var browser = await App.SignInWithBrowserCookiesAsync(hr);
        var recognised = new List<Actor>();

        async Task RecogniseAsync(int count)
        {
            for (var i = 0; i < count; i++)
            {
                var person = await NewPersonAsync("Voix");
                var post = await person.PostAsync($"Mon avis sur #qualite{i} et #atelier{recognised.Count}");
                foreach (var fan in fans)
                {
                    await fan.ReactAsync(post, "like");
                }

                await Actor.ExpectAsync(await person.Http.PutAsJsonAsync("/api/v1/influence/me/preferences", new { recognised = true }, Actor.Json), HttpStatusCode.OK);
                recognised.Add(person);
            }

            await ComputeAsync(admin);
        }

        async Task<(int Api, int Page, int Csv, int Person, int Mine, int Count)> MeasureAsync()
        {
            App.Commands.Reset();
            var network = await hr.GetAsync<NetworkHealth>("/api/v1/influence/network");
            var api = App.Commands.Count;
            App.Commands.Reset();
            await browser.PageAsync("/hr/network");
            var page = App.Commands.Count;
            App.Commands.Reset();
            await hr.Http.GetStringAsync("/hr/network/recognised.csv");
            var csv = App.Commands.Count;
            App.Commands.Reset();
            Assert.NotNull((await hr.GetAsync<PersonFigures>($"/api/v1/influence/people/{recognised[^1].Id}")).Score);
            var person = App.Commands.Count;
            App.Commands.Reset();
            Assert.NotEmpty((await recognised[^1].GetAsync<MyInfluence>("/api/v1/influence/me")).Figures!.Topics);
            return (api, page, csv, person, App.Commands.Count, network.Recognised.Count);
        }

        await RecogniseAsync(3);
        var few = await MeasureAsync();
        await RecogniseAsync(9);
        var many = await MeasureAsync();

        Assert.Equal(few.Count + 9, many.Count);
        Assert.Equal((few.Api, few.Page, few.Csv, few.Person, few.Mine), (many.Api, many.Page, many.Csv, many.Person, many.Mine));
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"SQL commands for {few.Count} or {many.Count} recognised people: API {few.Api}, page {few.Page}, CSV {few.Csv}, person {few.Person}, mine {few.Mine}");
    }

    [Fact]
    public async Task The_two_choices_are_in_the_settings_and_in_who_sees_what()
    {
        var person = await NewPersonAsync("Réglages");
        var browser = await App.SignInWithBrowserCookiesAsync(person);
        var settings = await browser.PageAsync("/settings");
        Assert.Contains("action=\"/ui/influence/preferences\"", settings, StringComparison.Ordinal);
        Assert.Contains("name=\"leftGraph\"", settings, StringComparison.Ordinal);
        Assert.Contains("action=\"/ui/kudos/preference\"", settings, StringComparison.Ordinal);
        Assert.Equal(InfluenceDisclosure.OnlyYou, await FiguresAudienceAsync(person));
        Assert.Contains(await DisclosuresAsync(person), d => d.What == "influence-groups" && d.Audience == InfluenceDisclosure.GroupsOfFive);

        const string back = "/settings#influence";
        var recognise = await browser.SubmitFormAsync("/settings", "/ui/influence/preferences", new() { ["recognised"] = "on", ["returnUrl"] = back });
        Assert.Equal(HttpStatusCode.Redirect, recognise.StatusCode);
        Assert.Equal("/settings?saved=influence#influence", recognise.Headers.Location?.OriginalString);
        var mine = await person.GetAsync<MyInfluence>("/api/v1/influence/me");
        Assert.True(mine.Recognised);
        Assert.False(mine.LeftGraph);
        Assert.Equal(InfluenceDisclosure.YouAndHr, await FiguresAudienceAsync(person));
        Assert.Contains("checked", (await browser.PageAsync("/settings")).Split("name=\"recognised\"")[1].Split('>')[0], StringComparison.Ordinal);

        // Anything but a tick is refused, and nothing changes (not even the other box, ticked here).
        var refused = await browser.SubmitFormAsync("/settings", "/ui/influence/preferences", new() { ["recognised"] = "yes", ["leftGraph"] = "on", ["returnUrl"] = back });
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Equal("/settings?error=influence.choice-invalid", refused.Headers.Location?.OriginalString);
        mine = await person.GetAsync<MyInfluence>("/api/v1/influence/me");
        Assert.True(mine.Recognised);
        Assert.False(mine.LeftGraph);

        // Unticking withdraws recognition; leaving the graph leaves nobody seeing any figure.
        await Actor.ExpectAsync(await browser.SubmitFormAsync("/settings", "/ui/influence/preferences", new() { ["returnUrl"] = back }), HttpStatusCode.Redirect);
        Assert.False((await person.GetAsync<MyInfluence>("/api/v1/influence/me")).Recognised);
        Assert.Equal(InfluenceDisclosure.OnlyYou, await FiguresAudienceAsync(person));
        await Actor.ExpectAsync(await browser.SubmitFormAsync("/settings", "/ui/influence/preferences", new() { ["leftGraph"] = "on", ["returnUrl"] = back }), HttpStatusCode.Redirect);
        Assert.True((await person.GetAsync<MyInfluence>("/api/v1/influence/me")).LeftGraph);
        Assert.Equal(InfluenceDisclosure.Nobody, await FiguresAudienceAsync(person));
        Assert.DoesNotContain(await DisclosuresAsync(person), d => d.What == "influence-groups");

        var page = WebUtility.HtmlDecode(await browser.PageAsync("/settings/privacy"));
        Assert.Contains("Vos chiffres d", page, StringComparison.Ordinal);
        Assert.Contains("quitté le graphe", page, StringComparison.Ordinal);
    }

    private static async Task<List<Ruche.Core.PersonalData.Disclosure>> DisclosuresAsync(Actor person) =>
        await person.GetAsync<List<Ruche.Core.PersonalData.Disclosure>>("/api/v1/me/visibility");

    private static async Task<string> FiguresAudienceAsync(Actor person) =>
        Assert.Single(await DisclosuresAsync(person), d => d.What == "influence-figures").Audience;

    private static async Task ComputeAsync(Actor admin) =>
        await Actor.ExpectAsync(await admin.Http.PostAsync("/api/v1/influence/runs", null), HttpStatusCode.OK);

    private async Task<Dictionary<long, (double Score, int Reach)>> ScoresAsync()
    {
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RucheDbContext>();
        var run = await db.Set<InfluenceRun>().MaxAsync(r => r.Id);
        return await db.Set<InfluenceScore>().Where(s => s.RunId == run).ToDictionaryAsync(s => s.PersonId, s => (s.Score, s.Reach));
    }

    private async Task<(long Small, long Big)> DepartmentsAsync(string smallName, List<Actor> small, string bigName, List<Actor> big)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RucheDbContext>();
        var smallDepartment = new Department { Name = smallName };
        var bigDepartment = new Department { Name = bigName };
        db.AddRange(smallDepartment, bigDepartment);
        await db.SaveChangesAsync();
        var smallIds = small.Select(p => p.Id).ToList();
        var bigIds = big.Select(p => p.Id).ToList();
        await db.People.Where(p => smallIds.Contains(p.Id)).ExecuteUpdateAsync(s => s.SetProperty(p => p.DepartmentId, smallDepartment.Id));
        await db.People.Where(p => bigIds.Contains(p.Id)).ExecuteUpdateAsync(s => s.SetProperty(p => p.DepartmentId, bigDepartment.Id));
        return (smallDepartment.Id, bigDepartment.Id);
    }
}

public sealed class InfluenceTestsOnSqlite(ClockedSqliteApp app) : InfluenceTests(app), IClassFixture<ClockedSqliteApp>;

public sealed class InfluenceTestsOnPostgres(ClockedPostgresApp app) : InfluenceTests(app), IClassFixture<ClockedPostgresApp>;
