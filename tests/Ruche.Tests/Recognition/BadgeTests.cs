using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Ruche.Core.Common;
using Ruche.Core.Data;
using Ruche.Core.Feeds;
using Ruche.Core.Recognition;
using Ruche.Tests.Ideas;
using Ruche.Tests.Infrastructure;

namespace Ruche.Tests.Recognition;

/// <summary>Badges come from acts others acknowledged, once each however often the pass runs, and never from volume.</summary>
public abstract class BadgeTests(RucheApp app) : ProviderTests(app)
{
    [Fact]
    public async Task Badges_are_awarded_once_for_acknowledged_acts_and_never_for_volume()
    {
        var values = await App.ValuesAsync();
        var busy = await NewPersonAsync("Busy");
        var helper = await NewPersonAsync("Helper");
        var asker = await NewPersonAsync("Asker");
        var hr = await NewPersonAsync("Hr", "Europe/Paris", RoleNames.HumanResources);

        // Volume: many posts, comments and reactions earn nothing.
        var post = await asker.PostAsync("Un sujet");
        for (var n = 0; n < 12; n++)
        {
            await busy.PostAsync($"Publication n°{n}");
            await busy.CommentAsync(post, $"Commentaire n°{n}");
        }

        await App.AwardBadgesAsync();
        Assert.Empty((await asker.RecognitionOfAsync(busy)).Badges);

        // Helpful answers: the third comment marked helpful by its post's author earns the badge, at that moment.
        var answers = new List<long>();
        for (var n = 0; n < Badges.HelpfulAnswersNeeded; n++)
        {
            var question = await Actor.ReadAsync<PostCard>(await asker.TryAskAsync($"Question n°{n} ?"), HttpStatusCode.Created);
            answers.Add((await helper.CommentAsync(question, "Voici comment faire.")).Id);
            Assert.Empty((await asker.RecognitionOfAsync(helper)).Badges);
            await asker.MarkAsync(answers[^1], "helpful");
        }

        Assert.Equal([Badges.HelpfulAnswers], (await asker.RecognitionOfAsync(helper)).Badges.Select(b => b.Key));

        // A best answer earns its own; the pass run again, and an unmark, change nothing.
        await asker.MarkAsync(answers[0], "best");
        await App.AwardBadgesAsync();
        await App.AwardBadgesAsync();
        await asker.MarkAsync(answers[1], "helpful", on: false);
        await App.AwardBadgesAsync();
        Assert.Equal([Badges.BestAnswer, Badges.HelpfulAnswers], (await asker.RecognitionOfAsync(helper)).Badges.Select(b => b.Key).Order(StringComparer.Ordinal));
        await using (var scope = App.Services.CreateAsyncScope())
        {
            Assert.Equal(2, await scope.ServiceProvider.GetRequiredService<RucheDbContext>().Set<EarnedBadge>().CountAsync(b => b.PersonId == helper.Id));
        }

        // An idea accepted by HR: the scheduled pass awards it, once.
        var idea = await busy.SubmitIdeaAsync("Une idée retenue");
        await App.AwardBadgesAsync();
        Assert.Empty((await asker.RecognitionOfAsync(busy)).Badges);
        await hr.TriageAsync(idea, "accepted", busy.Id, "Validée");
        Assert.True(await App.AwardBadgesAsync() >= 1);
        await hr.TriageAsync(idea, "in-progress", busy.Id, "En cours");
        await App.AwardBadgesAsync();
        Assert.Equal([Badges.IdeaAccepted], (await asker.RecognitionOfAsync(busy)).Badges.Select(b => b.Key));

        // Thanks for three different values, not three thanks for one.
        for (var n = 0; n < 3; n++)
        {
            await asker.ThankAsync(hr, values[0], $"Merci n°{n}");
        }

        Assert.Empty((await asker.RecognitionOfAsync(hr)).Badges);
        await busy.ThankAsync(hr, values[1], "Merci");
        await helper.ThankAsync(hr, values[2], "Merci");
        Assert.Equal([Badges.ManyValues], (await asker.RecognitionOfAsync(hr)).Badges.Select(b => b.Key));

        // The badges page explains each.
        var page = WebUtility.HtmlDecode(await (await App.SignInWithBrowserCookiesAsync(asker)).PageAsync("/badges"));
        Assert.Contains("Trois de vos commentaires ont été marqués utiles", page, StringComparison.Ordinal);
        Assert.Contains($"/badges#badge-{Badges.HelpfulAnswers}", await (await App.SignInWithBrowserCookiesAsync(asker)).PageAsync($"/people/{helper.Handle}"), StringComparison.Ordinal);
    }
}

public sealed class BadgeTestsOnSqlite(SqliteApp app) : BadgeTests(app), IClassFixture<SqliteApp>;

public sealed class BadgeTestsOnPostgres(PostgresApp app) : BadgeTests(app), IClassFixture<PostgresApp>;
