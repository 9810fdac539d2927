using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Ruche.Core.Common;
using Ruche.Core.Goals;
using Ruche.Core.Posts;
using Ruche.Core.Spaces;
using Ruche.Tests.Infrastructure;

namespace Ruche.Tests.Goals;

/// <summary>
/// A team spread over Paris, Montréal and Singapore runs the routine for a whole week on a simulated clock: reminders at
/// nine on each person's clock, goals posted, checked off, carried over and redirected, then one weekly recap.
/// </summary>
public abstract class TeamWeekTests(RucheApp app) : ProviderTests(app)
{
    [Fact]
    public async Task A_distributed_team_runs_the_routine_for_a_week()
    {
        var start = new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero); // Sunday noon UTC: Monday 2 March has begun in Singapore
        App.SetUtc(start);
        var paris = await App.NewWorkerAsync("Léa Paris", "Europe/Paris", "FR");
        var team = await paris.CreateSpaceAsync("Équipe Atlas", SpaceVisibility.Private, SpaceKind.Team);
        var montreal = await App.NewWorkerAsync("Marc Montréal", "America/Montreal", "CA", "QC");
        var singapore = await App.NewWorkerAsync("Wei Singapour", "Asia/Singapore", "SG");
        await paris.AddToSpaceAsync(team, montreal);
        await paris.AddToSpaceAsync(team, singapore);
        await singapore.AddLeaveAsync(new DateOnly(2026, 3, 5), new DateOnly(2026, 3, 5));
        (Actor Person, string Zone)[] members = [(paris, "Europe/Paris"), (montreal, "America/Montreal"), (singapore, "Asia/Singapore")];
        var suggested = false;

        for (var now = start; now < start.AddDays(6); now = now.AddMinutes(30))
        {
            App.SetUtc(now);
            await App.RemindAsync();
            foreach (var (person, zone) in members)
            {
                var local = Instant.FromDateTimeOffset(now).InZone(DateTimeZoneProviders.Tzdb[zone]).LocalDateTime;
                if (local.DayOfWeek > IsoDayOfWeek.Friday || (person == singapore && local.Date == new LocalDate(2026, 3, 5)))
                {
                    continue;
                }

                if (local.TimeOfDay == new LocalTime(9, 30))
                {
                    var day = await person.GoalsTodayAsync();
                    if (day.Unfinished.Count > 0)
                    {
                        await person.CarryOverAsync();
                    }
                    else
                    {
                        await person.PostGoalsAsync($"Spec {local.Date:dd}", $"Revue {local.Date:dd}", $"Support {local.Date:dd}");
                    }
                }
                else if (local.TimeOfDay == new LocalTime(15, 0))
                {
                    var list = (await person.GoalsTodayAsync()).List!;
                    foreach (var goal in list.Goals.Where(g => g.Status == GoalStatus.Open).Take(list.Goals.Count > 1 ? 2 : 1))
                    {
                        await person.CheckOffAsync(goal.Id, GoalStatus.Done);
                    }
                }
                else if (person == paris && local.TimeOfDay == new LocalTime(10, 0) && !suggested && local.DayOfWeek == IsoDayOfWeek.Tuesday)
                {
                    var list = (await paris.GoalsTodayAsync()).List!;
                    var goal = list.Goals.First(g => g.Status == GoalStatus.Open);
                    var suggestion = (await montreal.SuggestAsync(goal.Id, "Préparer la démo client", "Le client passe jeudi")).Goals
                        .Single(g => g.Id == goal.Id).Suggestions.Single();
                    await paris.AnswerAsync(suggestion.Id, SuggestionAnswer.Replace);
                    suggested = true;
                }
            }
        }

        // Each working day brought one reminder at nine, local time; Singapore's day of leave brought none.
        var reminders = await App.InDatabaseAsync(db => db.GoalReminders.Where(r => r.PersonId == paris.Id || r.PersonId == montreal.Id || r.PersonId == singapore.Id)
            .GroupBy(r => r.PersonId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count));
        Assert.Equal(5, reminders[paris.Id]);
        Assert.Equal(5, reminders[montreal.Id]);
        Assert.Equal(4, reminders[singapore.Id]);

        var wednesday = await montreal.BoardAsync(team.Id, new DateOnly(2026, 3, 4));
        Assert.All(wednesday.Members, m => Assert.NotNull(m.List));
        Assert.True(suggested);

        // Saturday: the week is over everywhere; two nodes race to post the recap, and it appears once.
        App.SetUtc(new DateTimeOffset(2026, 3, 7, 12, 0, 0, TimeSpan.Zero));
        await using var other = App.StartAnotherNode();
        var posted = await Task.WhenAll(RecapAsync(App.Services), RecapAsync(other.Services));
        Assert.Equal(1, posted.Sum());
        Assert.Equal(0, await RecapAsync(App.Services));
        var recap = await App.InDatabaseAsync(db => db.WeeklyRecapClaims.Where(c => c.SpaceId == team.Id).ToListAsync());
        var claim = Assert.Single(recap);
        Assert.Equal(new DateOnly(2026, 3, 2), claim.WeekStart);
        var post = await singapore.GetPostAsync(claim.PostId!.Value);
        Assert.Equal(team.Id, post.Space?.Id);

        // Ruche posts it, in the team's space, about the team's work: what was achieved, blocked, suggested; in French,
        // the company's language, with no word of English, no name and no figure per person.
        Assert.Null(post.Author);
        Assert.Equal(PostOrigin.WeeklyRecap, post.Origin);
        Assert.Contains("Bilan de l’équipe, semaine du lundi 2 mars 2026", post.Body, StringComparison.Ordinal);
        Assert.Contains("**Réalisé**", post.Body, StringComparison.Ordinal);
        Assert.Contains("- Spec 02", post.Body, StringComparison.Ordinal);
        Assert.Contains("**Suggestions retenues**\n\n- Préparer la démo client", post.Body, StringComparison.Ordinal);
        Assert.Contains("**Bloqué ou abandonné**", post.Body, StringComparison.Ordinal);
        foreach (var absent in new[] { "Léa", "Marc", "Wei", "faits", "reportés", "done", "carried", "Weekly", "recap" })
        {
            Assert.DoesNotContain(absent, post.Body, StringComparison.OrdinalIgnoreCase);
        }

        Assert.DoesNotMatch(@"\d+\s*/\s*\d+", post.Body);
        var page = await (await App.SignInWithBrowserCookiesAsync(singapore)).PageAsync($"/posts/{post.Id}");
        Assert.Contains("data-origin=\"WeeklyRecap\"", page, StringComparison.Ordinal);
        Assert.Contains(">Ruche</strong>", page, StringComparison.Ordinal);
        Assert.Contains("Bilan de la semaine", page, StringComparison.Ordinal);
    }

    private static async Task<int> RecapAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<WeeklyRecapService>().PostDueAsync(CancellationToken.None);
    }
}

public sealed class TeamWeekTestsOnSqlite(GoalsSqliteApp app) : TeamWeekTests(app), IClassFixture<GoalsSqliteApp>;

public sealed class TeamWeekTestsOnPostgres(GoalsPostgresApp app) : TeamWeekTests(app), IClassFixture<GoalsPostgresApp>;
