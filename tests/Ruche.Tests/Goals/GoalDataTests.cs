using System.IO.Compression;
using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Ruche.Core.Common;
using Ruche.Core.PersonalData;
using Ruche.Core.Spaces;
using Ruche.Tests.Infrastructure;

namespace Ruche.Tests.Goals;

/// <summary>Goals in search (with their post's read rule), in the GDPR export, in "who sees what" and in erasure.</summary>
public abstract class GoalDataTests(RucheApp app) : ProviderTests(app)
{
    [Fact]
    public async Task Goals_are_found_by_those_who_read_their_post_only()
    {
        App.SetUtc(new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero));
        var owner = await App.NewWorkerAsync("Owner", "Europe/Paris");
        var team = await owner.CreateSpaceAsync("Équipe fusée", SpaceVisibility.Private, SpaceKind.Team);
        var member = await App.NewWorkerAsync("Member", "Europe/Paris");
        await owner.AddToSpaceAsync(team, member);
        var outsider = await App.NewWorkerAsync("Outsider", "Europe/Paris");
        var list = await owner.PostGoalsAsync("Calibrer le propulseur hyperbolique");

        var found = await member.SearchAsync("propulseur", "&type=goal");
        var hit = Assert.Single(found.Items);
        Assert.Equal(("goal", list.Goals[0].Id), (hit.Type, hit.Id));
        Assert.Equal($"/posts/{list.PostId}#goal-{list.Goals[0].Id}", hit.Path);
        Assert.Empty((await outsider.SearchAsync("propulseur", "&type=goal")).Items);
    }

    [Fact]
    public async Task Goals_schedule_and_leave_are_exported_disclosed_and_erased()
    {
        App.SetUtc(new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero));
        var person = await App.NewWorkerAsync("Leaver", "Europe/Paris");
        var colleague = await App.NewWorkerAsync("Colleague", "Europe/Paris");
        var admin = await App.NewPersonAsync("Admin", "Europe/Paris", "administrator");
        var list = await person.PostGoalsAsync("Documenter l'API", "Former l'équipe");
        await person.AddLeaveAsync(new DateOnly(2026, 4, 6), new DateOnly(2026, 4, 10));
        var other = await colleague.PostGoalsAsync("Objectif de la collègue");
        await person.SuggestAsync(other.Goals[0].Id, "Plutôt ceci");

        var response = await person.Http.GetAsync("/api/v1/me/export");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var zip = new ZipArchive(await response.Content.ReadAsStreamAsync(), ZipArchiveMode.Read);
        using var reader = new StreamReader(zip.GetEntry("ruche-data.json")!.Open());
        using var data = JsonDocument.Parse(await reader.ReadToEndAsync());
        var goals = data.RootElement.GetProperty("goals");
        var day = Assert.Single(goals.GetProperty("days").EnumerateArray());
        Assert.Equal(["Documenter l'API", "Former l'équipe"], day.GetProperty("goals").EnumerateArray().Select(g => g.GetProperty("text").GetString()));
        Assert.Single(goals.GetProperty("leave").EnumerateArray());
        Assert.Equal("Plutôt ceci", Assert.Single(goals.GetProperty("suggestionsMade").EnumerateArray()).GetProperty("text").GetString());

        var disclosed = await person.GetAsync<List<Disclosure>>("/api/v1/me/visibility");
        Assert.Contains(disclosed, d => d.What == "goals" && d.Count == 2 && d.Audience == Audiences.ReadersOfThePost);
        Assert.Contains(disclosed, d => d.What == "work-schedule" && d.Count == 1 && d.Audience == Audiences.OnlyYou);

        Assert.Equal(HttpStatusCode.NoContent, (await admin.Http.DeleteAsync($"/api/v1/admin/people/{person.Id}?content=Delete")).StatusCode);
        var left = await App.InDatabaseAsync(async db => (
            Lists: await db.GoalLists.CountAsync(l => l.PersonId == person.Id),
            Leave: await db.LeavePeriods.CountAsync(l => l.PersonId == person.Id),
            Suggestions: await db.GoalSuggestions.CountAsync(s => s.AuthorId == person.Id),
            Goals: await db.Goals.CountAsync(g => g.ListId == list.Id)));
        Assert.Equal((0, 0, 0, 0), left);
    }
}

public sealed class GoalDataTestsOnSqlite(GoalsSqliteApp app) : GoalDataTests(app), IClassFixture<GoalsSqliteApp>;

public sealed class GoalDataTestsOnPostgres(GoalsPostgresApp app) : GoalDataTests(app), IClassFixture<GoalsPostgresApp>;
