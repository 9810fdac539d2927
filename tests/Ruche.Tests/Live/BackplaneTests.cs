using Ruche.Core.Common;
using Ruche.Core.Posts;
using Ruche.Tests.Infrastructure;

namespace Ruche.Tests.Live;

/// <summary>
/// Two app nodes on one database and one Redis server: what happens on one node reaches people connected to the
/// other, with the same rules (a removed member hears nothing more, whichever node they are on).
/// </summary>
public abstract class BackplaneTests(RucheApp app) : ProviderTests(app)
{
    [Fact]
    public async Task A_post_written_through_one_node_reaches_a_colleague_connected_to_another_within_a_second()
    {
        var ana = await NewPersonAsync("Ana");
        var bruno = await NewPersonAsync("Bruno");
        await bruno.FollowAsync(ana);
        var otherNode = App.StartAnotherNode();
        await using var brunoLive = await bruno.ConnectLiveAsync(otherNode);

        var post = await ana.PostAsync("Écrit sur le premier nœud");

        await brunoLive.WaitForAsync<PostPublishedEvent>(p => p.PostId == post.Id && p.Feeds.Contains(LiveFeeds.Company), TimeSpan.FromSeconds(1));
        await brunoLive.WaitForAsync<PostPublishedEvent>(p => p.PostId == post.Id && p.Feeds.Contains(LiveFeeds.Home), TimeSpan.FromSeconds(1));
        await ana.ReactAsync(post, "like");
        Assert.Equal(1, (await brunoLive.WaitForAsync<ReactionsChangedEvent>(r => r.PostId == post.Id, TimeSpan.FromSeconds(1))).Counts["like"]);
    }

    [Fact]
    public async Task A_member_removed_through_one_node_hears_nothing_more_on_another()
    {
        var owner = await NewPersonAsync("Owner");
        var member = await NewPersonAsync("Member");
        var outsider = await NewPersonAsync("Outsider");
        var space = await owner.CreateSpaceAsync("Cellule de crise", SpaceVisibility.Secret);
        await owner.AddToSpaceAsync(space, member);
        var otherNode = App.StartAnotherNode();
        await using var memberLive = await member.ConnectLiveAsync(otherNode);
        await using var outsiderLive = await outsider.ConnectLiveAsync(otherNode);

        var before = await owner.PostAsync("Point à 14 h", space);
        await memberLive.WaitForPostAsync(before.Id, TimeSpan.FromSeconds(1));
        await owner.RemoveFromSpaceAsync(space, member);
        var after = await owner.PostAsync("Suite sans le membre retiré", space);
        await owner.CommentAsync(before, "Compte rendu");

        // A later company-wide post reaches both; Redis delivers each channel in order but not across channels, so
        // give a straggler on a person channel a moment more before concluding it was never sent.
        var marker = await outsider.PostAsync("Marqueur");
        await memberLive.WaitForPostAsync(marker.Id);
        await outsiderLive.WaitForPostAsync(marker.Id);
        await Task.Delay(TimeSpan.FromMilliseconds(300), TestContext.Current.CancellationToken);

        Assert.Empty(memberLive.About(after.Id));
        Assert.Empty(memberLive.Messages.OfType<CommentsChangedEvent>());
        Assert.Empty(outsiderLive.About(before.Id));
        Assert.Empty(outsiderLive.About(after.Id));
    }
}

public sealed class BackplaneTestsOnSqlite(RedisSqliteApp app) : BackplaneTests(app), IClassFixture<RedisSqliteApp>;

public sealed class BackplaneTestsOnPostgres(RedisPostgresApp app) : BackplaneTests(app), IClassFixture<RedisPostgresApp>;
