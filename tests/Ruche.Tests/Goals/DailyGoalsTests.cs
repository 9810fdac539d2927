using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Ruche.Core.Common;
using Ruche.Core.Goals;
using Ruche.Core.Notifications;
using Ruche.Core.Spaces;
using Ruche.Tests.Infrastructure;
using Ruche.Tests.Notifications;

namespace Ruche.Tests.Goals;

public abstract class DailyGoalsTests(RucheApp app) : ProviderTests(app)
{
    // Monday 2 March 2026, 09:00 in Paris.
    private static readonly DateTimeOffset ParisMorning = new(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Three_goals_become_a_tagged_post_in_the_team_space_with_their_list()
    {
        App.SetUtc(ParisMorning);
        var owner = await App.NewWorkerAsync("Owner", "Europe/Paris", "FR");
        var team = await owner.CreateSpaceAsync("Équipe produit", SpaceVisibility.Private, SpaceKind.Team);
        var colleague = await App.NewWorkerAsync("Colleague", "America/Montreal", "CA", "QC");
        await owner.AddToSpaceAsync(team, colleague);

        var list = await owner.PostGoalsAsync("Relire la spec", "Livrer le correctif", "Préparer la démo");

        Assert.Equal(new DateOnly(2026, 3, 2), list.LocalDate);
        Assert.Equal(["Relire la spec", "Livrer le correctif", "Préparer la démo"], list.Goals.Select(g => g.Text));
        Assert.All(list.Goals, g => Assert.Equal(GoalStatus.Open, g.Status));
        Assert.Equal(new DateTime(2026, 3, 2, 17, 0, 0, DateTimeKind.Utc), list.ClosesAt); // 18:00 Paris
        var post = await colleague.GetPostAsync(list.PostId);
        Assert.Equal(team.Id, post.Space?.Id);
        Assert.Contains("3goalsaday", post.Tags);
        Assert.Equal(list.Goals.Select(g => g.Id), post.Goals!.Goals.Select(g => g.Id));
        Assert.True(post.Goals.CanSuggest);
        Assert.False(post.Goals.CanCheckOff);

        // In feeds like any post, and people comment on it like any post.
        var feed = await colleague.SpaceFeedAsync(team);
        Assert.Contains(feed.Items, p => p.Id == list.PostId && p.Goals != null);
        await colleague.CommentAsync(post, "Bon courage pour la démo !");

        // Nobody outside the private team reads them.
        var outsider = await App.NewWorkerAsync("Outsider", "Europe/Paris");
        await outsider.Http.GetAsync($"/api/v1/goals/{list.Id}").ShouldBeProblemAsync(HttpStatusCode.NotFound, "goals.not-found");
    }

    [Fact]
    public async Task Goals_without_a_team_space_go_to_the_profile_and_the_tag_is_the_company_one()
    {
        App.SetUtc(ParisMorning);
        var admin = await App.NewPersonAsync("Admin", "Europe/Paris", "administrator");
        await Actor.ExpectAsync(await admin.Http.PutAsJsonAsync("/api/v1/admin/settings/goals-tag", new { tag = "#Objectifs" }, Actor.Json), HttpStatusCode.OK);
        try
        {
            var loner = await App.NewWorkerAsync("Loner", "Europe/Paris");
            var list = await loner.PostGoalsAsync("Ranger le bureau");
            var post = await loner.GetPostAsync(list.PostId);
            Assert.Null(post.Space);
            Assert.Contains("objectifs", post.Tags);
        }
        finally
        {
            await Actor.ExpectAsync(await admin.Http.PutAsJsonAsync("/api/v1/admin/settings/goals-tag", new { tag = "3goalsaday" }, Actor.Json), HttpStatusCode.OK);
        }
    }

    [Fact]
    public async Task Bad_goals_are_refused_with_clear_errors_and_change_nothing()
    {
        App.SetUtc(ParisMorning);
        var owner = await App.NewWorkerAsync("Owner", "Europe/Paris");
        var other = await App.NewWorkerAsync("Other", "Europe/Paris");
        var before = await CountsAsync();

        await owner.SendGoalsAsync("Un", "Deux", "Trois", "Quatre").ShouldBeProblemAsync(HttpStatusCode.BadRequest, "goals.too-many");
        await owner.SendGoalsAsync().ShouldBeProblemAsync(HttpStatusCode.BadRequest, "goals.none");
        await owner.SendGoalsAsync("Bien", "   ").ShouldBeProblemAsync(HttpStatusCode.BadRequest, "goal.empty");
        await owner.SendGoalsAsync(new string('x', 201)).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "goal.too-long");
        await owner.Http.PostAsJsonAsync("/api/v1/goals", new { goals = new[] { new { text = "Lien", linkUrl = "javascript:alert(1)" } } }, Actor.Json)
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "goal.link-invalid");
        await owner.Http.PostAsJsonAsync("/api/v1/goals", new { goals = new[] { new { text = "Pour un autre" } }, personId = other.Id }, Actor.Json)
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden, "goals.not-yours");
        Assert.Equal(before, await CountsAsync());

        var list = await owner.PostGoalsAsync("Le seul objectif");
        await owner.SendGoalsAsync("Encore").ShouldBeProblemAsync(HttpStatusCode.Conflict, "goals.already-posted");

        // Checking off someone else's goal, a status that is not one, a goal nobody has.
        await other.SendCheckOffAsync(list.Goals[0].Id, GoalStatus.Done).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "goal.not-owner");
        await owner.SendCheckOffAsync(list.Goals[0].Id, GoalStatus.Replaced).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "goal.status-invalid");
        await owner.SendCheckOffAsync(long.MaxValue, GoalStatus.Done).ShouldBeProblemAsync(HttpStatusCode.NotFound, "goal.not-found");
        Assert.Equal(GoalStatus.Open, (await owner.GoalsTodayAsync()).List!.Goals[0].Status);
    }

    [Fact]
    public async Task Checking_off_updates_the_post_live_and_the_day_closes_at_its_end()
    {
        App.SetUtc(ParisMorning);
        var owner = await App.NewWorkerAsync("Owner", "Europe/Paris");
        var reader = await App.NewWorkerAsync("Reader", "Asia/Singapore");
        var list = await owner.PostGoalsAsync("Écrire les tests", "Déployer");
        await using var live = await reader.ConnectLiveAsync();

        var done = await owner.CheckOffAsync(list.Goals[0].Id, GoalStatus.Done, "fusionné");
        var dropped = await owner.CheckOffAsync(list.Goals[1].Id, GoalStatus.Dropped, "bloqué par la revue");

        Assert.Equal(GoalStatus.Done, done.Goals[0].Status);
        Assert.Equal("fusionné", done.Goals[0].StatusNote);
        Assert.Equal((GoalStatus.Dropped, "bloqué par la revue"), (dropped.Goals[1].Status, dropped.Goals[1].StatusNote));
        await live.WaitForAsync<GoalsChangedEvent>(e => e.PostId == list.PostId);
        var card = await reader.GetPostAsync(list.PostId);
        Assert.Equal([GoalStatus.Done, GoalStatus.Dropped], card.Goals!.Goals.Select(g => g.Status));

        App.SetUtc(new DateTimeOffset(2026, 3, 2, 17, 0, 0, TimeSpan.Zero)); // 18:00 in Paris
        await owner.SendCheckOffAsync(list.Goals[1].Id, GoalStatus.Open).ShouldBeProblemAsync(HttpStatusCode.Conflict, "goals.closed");
        Assert.True((await reader.GetPostAsync(list.PostId)).Goals!.Closed);
    }

    [Fact]
    public async Task Unfinished_goals_carry_over_to_the_next_day_in_one_step_and_only_once()
    {
        App.SetUtc(ParisMorning);
        var owner = await App.NewWorkerAsync("Owner", "Europe/Paris");
        var monday = await owner.PostGoalsAsync("Fini", "Pas fini", "Abandonné");
        await owner.CheckOffAsync(monday.Goals[0].Id, GoalStatus.Done);
        await owner.CheckOffAsync(monday.Goals[2].Id, GoalStatus.Dropped);

        App.SetUtc(ParisMorning.AddDays(1));
        var today = await owner.GoalsTodayAsync();
        Assert.Null(today.List);
        Assert.Equal(["Pas fini"], today.Unfinished.Select(g => g.Text));

        var tuesday = await owner.CarryOverAsync();
        var carried = Assert.Single(tuesday.Goals);
        Assert.Equal(("Pas fini", monday.Goals[1].Id), (carried.Text, carried.CarriedFromGoalId));
        Assert.Equal(new DateOnly(2026, 3, 3), tuesday.LocalDate);
        await owner.Http.PostAsync("/api/v1/goals/carry-over", null).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "goals.nothing-to-carry");
    }

    [Fact]
    public async Task A_colleague_suggests_a_change_the_owner_hears_of_it_and_accepts_or_declines()
    {
        App.SetUtc(ParisMorning);
        var owner = await App.NewWorkerAsync("Owner", "Europe/Paris");
        var manager = await App.NewWorkerAsync("Manager", "America/Montreal");
        var list = await owner.PostGoalsAsync("Refaire le logo", "Corriger le bug 42", "Répondre au client");

        var suggested = await manager.SuggestAsync(list.Goals[0].Id, "Préparer la revue trimestrielle", "Le logo peut attendre");
        var suggestion = Assert.Single(suggested.Goals[0].Suggestions);
        Assert.Equal((SuggestionStatus.Pending, manager.Id), (suggestion.Status, suggestion.Author.Id));
        var notification = Assert.Single(await owner.NotificationsAsync(), n => n.Kind == GoalNotifications.Suggestion.Name);
        Assert.Equal(list.PostId, notification.PostId);

        // Only the owner answers; adding a fourth goal is refused, replacing is fine.
        await manager.SendAnswerAsync(suggestion.Id, SuggestionAnswer.Replace).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "goal.not-owner");
        await owner.SendAnswerAsync(suggestion.Id, SuggestionAnswer.Add).ShouldBeProblemAsync(HttpStatusCode.Conflict, "goals.full");
        var accepted = await owner.AnswerAsync(suggestion.Id, SuggestionAnswer.Replace);
        Assert.Equal(GoalStatus.Replaced, accepted.Goals[0].Status);
        var replacement = accepted.Goals[^1];
        Assert.Equal(("Préparer la revue trimestrielle", suggestion.Id, GoalStatus.Open), (replacement.Text, replacement.FromSuggestionId, replacement.Status));
        Assert.Equal(SuggestionStatus.Replaced, accepted.Goals[0].Suggestions[0].Status);
        Assert.Equal(3, accepted.Goals.Count(g => g.Status != GoalStatus.Replaced));
        await owner.SendAnswerAsync(suggestion.Id, SuggestionAnswer.Decline).ShouldBeProblemAsync(HttpStatusCode.Conflict, "suggestion.answered");

        var second = (await manager.SuggestAsync(list.Goals[1].Id, "Regarder le bug 43 d'abord")).Goals[1].Suggestions.Single();
        var declined = await owner.AnswerAsync(second.Id, SuggestionAnswer.Decline);
        Assert.Equal(SuggestionStatus.Declined, declined.Goals[1].Suggestions[0].Status);
        Assert.Equal(GoalStatus.Open, declined.Goals[1].Status);
    }

    [Fact]
    public async Task Suggestions_need_a_goal_you_can_see_that_is_not_yours_and_still_open()
    {
        App.SetUtc(ParisMorning);
        var owner = await App.NewWorkerAsync("Owner", "Europe/Paris");
        var secret = await owner.CreateSpaceAsync("Projet secret", SpaceVisibility.Secret, SpaceKind.Team);
        var list = await owner.PostGoalsAsync("Objectif confidentiel");
        Assert.Equal(secret.Id, (await owner.GetPostAsync(list.PostId)).Space?.Id);
        var outsider = await App.NewWorkerAsync("Outsider", "Europe/Paris");
        var goalId = list.Goals[0].Id;

        await outsider.SendSuggestionAsync(goalId, "Autre chose").ShouldBeProblemAsync(HttpStatusCode.NotFound, "goal.not-found");
        await owner.SendSuggestionAsync(goalId, "Moi-même").ShouldBeProblemAsync(HttpStatusCode.BadRequest, "suggestion.own-goal");
        var member = await App.NewWorkerAsync("Member", "Europe/Paris");
        await owner.AddToSpaceAsync(secret, member);
        await member.SendSuggestionAsync(goalId, "  ").ShouldBeProblemAsync(HttpStatusCode.BadRequest, "goal.empty");
        await owner.CheckOffAsync(goalId, GoalStatus.Done);
        await member.SendSuggestionAsync(goalId, "Trop tard").ShouldBeProblemAsync(HttpStatusCode.Conflict, "suggestion.goal-not-open");
        Assert.Empty((await owner.GoalsTodayAsync()).List!.Goals[0].Suggestions);
        Assert.DoesNotContain(await owner.NotificationsAsync(), n => n.Kind == GoalNotifications.Suggestion.Name);
    }

    [Fact]
    public async Task The_team_board_shows_every_member_with_a_constant_number_of_queries()
    {
        App.SetUtc(ParisMorning);
        var lead = await App.NewWorkerAsync("Lead", "Europe/Paris", "FR");
        var team = await lead.CreateSpaceAsync("Équipe plateforme", SpaceVisibility.Private, SpaceKind.Team);
        await lead.PostGoalsAsync("Planifier le sprint");

        async Task<int> BoardCommandsAsync()
        {
            App.Commands.Reset();
            await lead.BoardAsync(team.Id);
            return App.Commands.Count;
        }

        var few = await BoardCommandsAsync();
        string[] zones = ["America/Montreal", "Asia/Singapore", "Pacific/Kiritimati", "Pacific/Pago_Pago"];
        var workers = new Dictionary<long, Actor>();
        for (var i = 0; i < 12; i++)
        {
            var member = await App.NewWorkerAsync($"Member{i}", zones[i % zones.Length]);
            workers[member.Id] = member;
            await lead.AddToSpaceAsync(team, member);
            if (i % 2 == 0)
            {
                var posted = await member.PostGoalsAsync($"Objectif {i}", "Revue de code");
                await member.CheckOffAsync(posted.Goals[0].Id, GoalStatus.Done);
                await lead.SuggestAsync(posted.Goals[1].Id, "Aider l'équipe support");
            }
        }

        Assert.Equal(few, await BoardCommandsAsync());
        var board = await lead.BoardAsync(team.Id);
        Assert.Equal(13, board.Members.Count);
        Assert.Equal(new DateOnly(2026, 3, 2), board.Date);
        var kiritimati = board.Members.First(m => m.Person.TimeZone == "Pacific/Kiritimati" && m.List != null);
        Assert.Equal("22:00", kiritimati.LocalTimeNow); // 08:00 UTC is 22:00 on Kiritimati (UTC+14)
        Assert.Null(kiritimati.Person.Presence);

        // Posted after their working day ended, Kiritimati's list stays open until their midnight.
        Assert.False(kiritimati.List!.Closed);
        Assert.Equal(new DateTime(2026, 3, 2, 10, 0, 0, DateTimeKind.Utc), kiritimati.List.ClosesAt);

        // Pago Pago is still on Sunday 1 March: its members are off, and the board of that date is empty.
        Assert.All(board.Members.Where(m => m.Person.TimeZone == "Pacific/Pago_Pago"), m => Assert.Equal("21:00", m.LocalTimeNow));
        Assert.All((await lead.BoardAsync(team.Id, new DateOnly(2026, 3, 1))).Members, m => Assert.Null(m.List));
        var montreal = board.Members.First(m => m.Person.TimeZone == "America/Montreal" && m.List != null);
        Assert.Equal([GoalStatus.Done, GoalStatus.Open], montreal.List!.Goals.Select(g => g.Status));

        // A member's history is theirs until they share it; then colleagues who read their goals see it.
        Assert.False(montreal.HistoryShared);
        var montrealPerson = workers[montreal.Person.Id];
        await lead.Http.GetAsync($"/api/v1/people/{montreal.Person.Id}/goals-history").ShouldBeProblemAsync(HttpStatusCode.Forbidden, "goals.history-private");
        await montrealPerson.Http.PutAsJsonAsync("/api/v1/me/goals-history-sharing", new { shared = true });
        Assert.True((await lead.BoardAsync(team.Id)).Members.Single(m => m.Person.Id == montreal.Person.Id).HistoryShared);
        var history = await lead.GetAsync<GoalHistory>($"/api/v1/people/{montreal.Person.Id}/goals-history");
        Assert.Equal(GoalHistoryService.HistoryDays, history.Days.Count);
        Assert.Equal(1, history.Streak);

        var outsider = await App.NewWorkerAsync("Outsider", "Europe/Paris");
        await outsider.Http.GetAsync($"/api/v1/spaces/{team.Id}/goals-board").ShouldBeProblemAsync(HttpStatusCode.Forbidden, "space.members-only");
    }

    private async Task<(int Lists, int Goals, int Posts)> CountsAsync() =>
        await App.InDatabaseAsync(async db => (await db.GoalLists.CountAsync(), await db.Goals.CountAsync(), await db.Posts.CountAsync()));
}

public sealed class DailyGoalsTestsOnSqlite(GoalsSqliteApp app) : DailyGoalsTests(app), IClassFixture<GoalsSqliteApp>;

public sealed class DailyGoalsTestsOnPostgres(GoalsPostgresApp app) : DailyGoalsTests(app), IClassFixture<GoalsPostgresApp>;
