using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Ruche.Core.Common;
using Ruche.Core.Data;
using Ruche.Core.Feeds;
using Ruche.Core.Influence;
using Ruche.Tests.Infrastructure;
using Ruche.Tests.Moderation;

namespace Ruche.Tests.Recognition;

/// <summary>
/// Recognition's acts in the influence graph: thanks to a person are A→B, thanks to a team enter as nothing, a helpful
/// mark goes from the post's author to the comment's author; nothing from a union's space.
/// </summary>
public abstract class RecognitionInteractionTests(RucheApp app) : ProviderTests(app)
{
    [Fact]
    public async Task Thanks_and_helpful_marks_are_interactions_and_team_thanks_are_none()
    {
        var values = await App.ValuesAsync();
        var giver = await NewPersonAsync("Giver");
        var thanked = await NewPersonAsync("Thanked");
        var lead = await NewPersonAsync("Lead");
        var team = await lead.CreateSpaceAsync("Équipe graphe " + Guid.NewGuid().ToString("N")[..6]);
        await giver.ThankAsync(thanked, values[0], "Merci");
        await Actor.ExpectAsync(await giver.TryThankAsync(new { spaceId = team.Id, valueId = values[0].Id, message = "Merci l'équipe" }), HttpStatusCode.Created);
        var question = await Actor.ReadAsync<PostCard>(await thanked.TryAskAsync("Une question ?"), HttpStatusCode.Created);
        var answer = await giver.CommentAsync(question, "Une réponse.");
        await thanked.MarkAsync(answer.Id, "helpful");

        var edges = await ReadAsync();
        Assert.Contains((InteractionKind.Thanks, giver.Id, thanked.Id), edges);
        Assert.DoesNotContain(edges, e => e.Kind == InteractionKind.Thanks && e.From == giver.Id && e.To != thanked.Id);
        Assert.Contains((InteractionKind.Helpful, thanked.Id, giver.Id), edges);
        Assert.DoesNotContain(edges, e => e.From == giver.Id && e.To == lead.Id);
    }

    [Fact]
    public async Task A_kudos_moderators_hid_is_no_interaction()
    {
        var values = await App.ValuesAsync();
        var admin = await NewPersonAsync("Admin", "Europe/Paris", RoleNames.Administrator);
        var giver = await NewPersonAsync("Giver");
        var thanked = await NewPersonAsync("Thanked");
        var kudos = await giver.ThankAsync(thanked, values[0], "Merci, mais mal dit");
        Assert.Contains((InteractionKind.Thanks, giver.Id, thanked.Id), await ReadAsync());

        await Actor.ExpectAsync(await thanked.Http.PostAsJsonAsync($"/api/v1/kudos/{kudos}/reports", new { reason = "harassment" }, Actor.Json), HttpStatusCode.Created);
        await admin.DecideAsync("kudos", kudos, "hide", "Propos blessants");

        Assert.DoesNotContain((InteractionKind.Thanks, giver.Id, thanked.Id), await ReadAsync());
    }

    private async Task<List<(InteractionKind Kind, long From, long To)>> ReadAsync()
    {
        var sink = new ListSink();
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RucheDbContext>();
        var now = TimeProvider.System.GetUtcNow().UtcDateTime;
        var window = new InteractionWindow(now.AddDays(-1), now.AddDays(1));
        foreach (var source in scope.ServiceProvider.GetServices<IInteractionSource>().Where(s => s.Name is "thanks" or "helpful"))
        {
            await source.ReadAsync(db, window, sink, CancellationToken.None);
        }

        return sink.Edges;
    }

    private sealed class ListSink : IInteractionSink
    {
        public List<(InteractionKind Kind, long From, long To)> Edges { get; } = [];

        public void Add(InteractionKind kind, long fromPersonId, long toPersonId, DateTime at, long? spaceId, long? postId) => Edges.Add((kind, fromPersonId, toPersonId));

        // Thanks and helpful marks name both people: they never leave the receiver to a post's author.
        public void AddAboutPost(InteractionKind kind, long fromPersonId, long? toPersonId, DateTime at, long postId) =>
            throw new InvalidOperationException("Recognition's acts name their receiver.");

        public void DeclarePost(long postId, long authorId, long? spaceId) =>
            throw new InvalidOperationException("Recognition declares no posts.");

        public void TagPost(long postId, string tag)
        {
        }
    }
}

public sealed class RecognitionInteractionTestsOnSqlite(SqliteApp app) : RecognitionInteractionTests(app), IClassFixture<SqliteApp>;

public sealed class RecognitionInteractionTestsOnPostgres(PostgresApp app) : RecognitionInteractionTests(app), IClassFixture<PostgresApp>;
