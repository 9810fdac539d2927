using System.Diagnostics;
using Ruche.Core.Common;
using Ruche.Core.Posts;
using Ruche.Core.Spaces;
using Ruche.Tests.Infrastructure;

namespace Ruche.Tests.Live;

/// <summary>
/// The live channel (/hub) enforces the same rule as reads: people hear about posts, comments and reactions they may
/// read, at once, and nothing more — not about a private or secret space they are not in, nor after leaving one.
/// </summary>
public abstract class LiveTests(RucheApp app) : ProviderTests(app)
{
    [Fact]
    public async Task A_colleague_hears_of_a_new_post_within_a_second()
    {
        var ana = await NewPersonAsync("Ana");
        var bruno = await NewPersonAsync("Bruno");
        await using var brunoLive = await bruno.ConnectLiveAsync();

        var post = await ana.PostAsync("Le café est prêt");
        var heard = await brunoLive.WaitForPostAsync(post.Id, TimeSpan.FromSeconds(1));

        Assert.Null(heard.SpaceId);
        Assert.Equal([LiveFeeds.Company], heard.Feeds);
    }

    [Fact]
    public async Task A_new_post_is_announced_to_exactly_the_home_feeds_it_enters()
    {
        var author = await NewPersonAsync("Author");
        var space = await author.CreateSpaceAsync("Atelier vélo");
        var follower = await NewPersonAsync("Follower");
        await follower.FollowAsync(author);
        var tagFollower = await NewPersonAsync("TagFollower");
        await tagFollower.FollowTagAsync("velotaf");
        var member = await NewPersonAsync("Member");
        await member.JoinAsync(space);
        var spaceFollower = await NewPersonAsync("SpaceFollower");
        await spaceFollower.FollowSpaceAsync(space);
        var stranger = await NewPersonAsync("Stranger");
        Actor[] everyone = [author, follower, tagFollower, member, spaceFollower, stranger];
        var live = new List<LiveClient>();
        foreach (var person in everyone)
        {
            live.Add(await person.ConnectLiveAsync());
        }

        try
        {
            var post = await author.PostAsync("Sortie #velotaf samedi", space);
            await EveryoneHasHeardAsync(live);

            foreach (var (person, connection) in everyone.Zip(live))
            {
                var inHome = (await person.HomeAsync()).Items.Any(p => p.Id == post.Id);
                var announced = connection.About(post.Id).OfType<PostPublishedEvent>().SelectMany(p => p.Feeds).ToList();
                Assert.True(inHome == announced.Contains(LiveFeeds.Home), $"{person.Name}: in home feed {inHome}, announced {string.Join('+', announced)}");
                Assert.Contains(LiveFeeds.Company, announced);
                Assert.Contains(LiveFeeds.Space, announced);
            }

            Assert.Equal([true, true, true, true, true, false], everyone.Zip(live).Select(x => x.Second.About(post.Id).OfType<PostPublishedEvent>().Any(p => p.Feeds.Contains(LiveFeeds.Home))));
        }
        finally
        {
            foreach (var connection in live)
            {
                await connection.DisposeAsync();
            }
        }
    }

    [Theory]
    [InlineData(SpaceVisibility.Secret)]
    [InlineData(SpaceVisibility.Private)]
    public async Task Posts_comments_and_reactions_of_a_closed_space_reach_its_members_only(SpaceVisibility visibility)
    {
        var owner = await NewPersonAsync("Owner");
        var member = await NewPersonAsync("Member");
        var outsider = await NewPersonAsync("Outsider");
        var space = await owner.CreateSpaceAsync("Projet confidentiel", visibility);
        await owner.AddToSpaceAsync(space, member);
        if (visibility == SpaceVisibility.Private)
        {
            // Asking to join is not membership: a pending request hears nothing either.
            Assert.Equal(MembershipStatus.Pending, await outsider.JoinAsync(space));
        }

        await using var ownerLive = await owner.ConnectLiveAsync();
        await using var memberLive = await member.ConnectLiveAsync();
        await using var outsiderLive = await outsider.ConnectLiveAsync();

        var post = await owner.PostAsync("Le rachat est signé", space);
        var heard = await memberLive.WaitForPostAsync(post.Id);
        Assert.Equal(space.Id, heard.SpaceId);
        Assert.Equal([LiveFeeds.Home, LiveFeeds.Space], heard.Feeds);

        await member.CommentAsync(post, "Enfin !");
        await member.ReactAsync(post, "celebrate");
        Assert.Equal(1, (await ownerLive.WaitForAsync<CommentsChangedEvent>(c => c.PostId == post.Id)).Count);
        Assert.Equal(1, (await ownerLive.WaitForAsync<ReactionsChangedEvent>(r => r.PostId == post.Id)).Counts["celebrate"]);

        await EveryoneHasHeardAsync([ownerLive, memberLive, outsiderLive]);
        Assert.Empty(outsiderLive.About(post.Id));
        Assert.All(outsiderLive.Messages.OfType<PostPublishedEvent>(), p => Assert.NotEqual(space.Id, p.SpaceId));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Someone_removed_from_a_secret_space_or_leaving_it_hears_nothing_more_from_it_at_once(bool removed)
    {
        var owner = await NewPersonAsync("Owner");
        var member = await NewPersonAsync("Member");
        var space = await owner.CreateSpaceAsync("Comité restreint", SpaceVisibility.Secret);
        await owner.AddToSpaceAsync(space, member);
        await using var memberLive = await member.ConnectLiveAsync();
        var before = await owner.PostAsync("Ordre du jour", space);
        await memberLive.WaitForPostAsync(before.Id);

        if (removed)
        {
            await owner.RemoveFromSpaceAsync(space, member);
        }
        else
        {
            await member.LeaveAsync(space);
        }

        // The same connection, still open: nothing about the space reaches it any more.
        var after = await owner.PostAsync("Décision confidentielle", space);
        await owner.CommentAsync(before, "Compte rendu en ligne");
        await owner.ReactAsync(before, "like");
        await EveryoneHasHeardAsync([memberLive]);

        Assert.Empty(memberLive.About(after.Id));
        Assert.Equal([before.Id], memberLive.Messages.OfType<PostPublishedEvent>().Where(p => p.SpaceId == space.Id).Select(p => p.PostId));
        Assert.Empty(memberLive.Messages.OfType<CommentsChangedEvent>());
        Assert.Empty(memberLive.Messages.OfType<ReactionsChangedEvent>());
    }

    [Fact]
    public async Task Comment_and_reaction_counts_follow_each_change()
    {
        var author = await NewPersonAsync("Author");
        var reader = await NewPersonAsync("Reader");
        await using var authorLive = await author.ConnectLiveAsync();
        var post = await author.PostAsync("Qui vient au déjeuner ?");

        await reader.ReactAsync(post, "like");
        await authorLive.WaitForAsync<ReactionsChangedEvent>(r => r.PostId == post.Id && r.Counts["like"] == 1);
        await reader.ReactAsync(post, "like"); // already there: nothing changes, nothing is said
        await Actor.ExpectAsync(await reader.Http.DeleteAsync($"/api/v1/posts/{post.Id}/reactions/like"), System.Net.HttpStatusCode.NoContent);
        var last = await authorLive.WaitForAsync<ReactionsChangedEvent>(r => r.PostId == post.Id && r.Counts["like"] == 0);
        Assert.Equal(ReactionKindNames, last.Counts.Keys.Order());
        Assert.Equal(2, authorLive.Messages.OfType<ReactionsChangedEvent>().Count());

        var comment = await reader.CommentAsync(post, "Moi !");
        await authorLive.WaitForAsync<CommentsChangedEvent>(c => c.PostId == post.Id && c.Count == 1);
        await Actor.ExpectAsync(await reader.Http.DeleteAsync($"/api/v1/posts/{post.Id}/comments/{comment.Id}"), System.Net.HttpStatusCode.NoContent);
        await authorLive.WaitForAsync<CommentsChangedEvent>(c => c.PostId == post.Id && c.Count == 0);
    }

    [Fact]
    public async Task The_hub_refuses_anonymous_and_unknown_tokens()
    {
        App.RequireAvailable();
        await Assert.ThrowsAnyAsync<Exception>(async () => await (await LiveClient.ConnectAsync(App, null)).DisposeAsync());
        await Assert.ThrowsAnyAsync<Exception>(async () => await (await LiveClient.ConnectAsync(App, "ruche_not-a-token")).DisposeAsync());

        using var negotiate = await App.Anonymous().PostAsync("/hub/negotiate?negotiateVersion=1", null);
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, negotiate.StatusCode);
    }

    private static readonly string[] ReactionKindNames = ["celebrate", "funny", "insightful", "like", "love"];

    /// <summary>
    /// Waits until every connection has heard a later, company-wide post: messages to one connection keep their order,
    /// so whatever was sent to it before has arrived by then, and what has not arrived was never sent.
    /// </summary>
    private async Task EveryoneHasHeardAsync(IReadOnlyList<LiveClient> connections)
    {
        var herald = await NewPersonAsync("Herald");
        var marker = await herald.PostAsync("Fin de l'échange");
        var clock = Stopwatch.StartNew();
        foreach (var connection in connections)
        {
            await connection.WaitForPostAsync(marker.Id);
        }

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5));
    }
}

public sealed class LiveTestsOnSqlite(SqliteApp app) : LiveTests(app), IClassFixture<SqliteApp>;

public sealed class LiveTestsOnPostgres(PostgresApp app) : LiveTests(app), IClassFixture<PostgresApp>;
