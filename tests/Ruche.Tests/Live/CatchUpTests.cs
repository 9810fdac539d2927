using Microsoft.AspNetCore.SignalR;
using Ruche.Core.Common;
using Ruche.Core.Feeds;
using Ruche.Core.Posts;
using Ruche.Core.Spaces;
using Ruche.Tests.Infrastructure;

namespace Ruche.Tests.Live;

/// <summary>
/// Live messages are not queued: a page that (re)connects asks for the present state of what it shows. The answer
/// holds what the reader missed and may see, never what they may not.
/// </summary>
public abstract class CatchUpTests(RucheApp app) : ProviderTests(app)
{
    [Fact]
    public async Task A_reconnecting_home_feed_learns_the_posts_it_missed_and_nothing_from_a_closed_space()
    {
        var reader = await NewPersonAsync("Reader");
        var author = await NewPersonAsync("Author");
        await reader.FollowAsync(author);
        var secret = await author.CreateSpaceAsync("Conseil restreint", SpaceVisibility.Secret);
        var shown = await author.PostAsync("Déjà affiché");

        // While the reader's page was not listening:
        var missed = await author.PostAsync("Publié pendant la coupure");
        await author.PostAsync("Réservé au conseil", secret);
        var stranger = await NewPersonAsync("Stranger");
        var elsewhere = await stranger.PostAsync("Hors du fil d'accueil");

        await using var live = await reader.ConnectLiveAsync();
        var present = await live.CatchUpAsync(new CatchUpRequest(LiveFeeds.Home, null, shown.Id, [shown.Id]));

        Assert.Equal([missed.Id], present.NewPostIds);
        var company = await live.CatchUpAsync(new CatchUpRequest(LiveFeeds.Company, null, shown.Id, []));
        Assert.Equal([missed.Id, elsewhere.Id], company.NewPostIds);
    }

    [Fact]
    public async Task Counts_are_refreshed_only_for_posts_the_reader_may_still_see()
    {
        var owner = await NewPersonAsync("Owner");
        var member = await NewPersonAsync("Member");
        var space = await owner.CreateSpaceAsync("Projet fermé", SpaceVisibility.Secret);
        await owner.AddToSpaceAsync(space, member);
        var open = await owner.PostAsync("Ouvert à tous");
        var closed = await owner.PostAsync("Entre nous", space);
        await owner.CommentAsync(open, "Premier");
        await owner.CommentAsync(open, "Second");
        await owner.ReactAsync(open, "celebrate");
        await member.ReactAsync(closed, "like");
        await owner.RemoveFromSpaceAsync(space, member);

        await using var live = await member.ConnectLiveAsync();
        var present = await live.CatchUpAsync(new CatchUpRequest(null, null, null, [open.Id, closed.Id, 999_999]));

        var counts = Assert.Single(present.Posts);
        Assert.Equal(open.Id, counts.PostId);
        Assert.Equal(2, counts.Comments);
        Assert.Equal(1, counts.Reactions["celebrate"]);
        Assert.Equal(0, counts.Reactions["like"]);
        Assert.Empty(present.NewPostIds);
    }

    [Fact]
    public async Task A_space_feed_catch_up_tells_a_non_member_nothing_of_a_secret_space()
    {
        var owner = await NewPersonAsync("Owner");
        var outsider = await NewPersonAsync("Outsider");
        var space = await owner.CreateSpaceAsync("Fusion", SpaceVisibility.Secret);
        var first = await owner.PostAsync("Premier échange", space);
        await owner.PostAsync("Suite des échanges", space);

        await using var ownerLive = await owner.ConnectLiveAsync();
        await using var outsiderLive = await outsider.ConnectLiveAsync();

        Assert.Single((await ownerLive.CatchUpAsync(new CatchUpRequest(LiveFeeds.Space, space.Id, first.Id, []))).NewPostIds);
        Assert.Empty((await outsiderLive.CatchUpAsync(new CatchUpRequest(LiveFeeds.Space, space.Id, 0, []))).NewPostIds);
    }

    [Fact]
    public async Task The_unread_count_is_part_of_the_catch_up()
    {
        var author = await NewPersonAsync("Author");
        var fan = await NewPersonAsync("Fan");
        var post = await author.PostAsync("Nouvelle version livrée");
        await using var live = await author.ConnectLiveAsync();
        Assert.Equal(0, (await live.CatchUpAsync(new CatchUpRequest(null, null, null, []))).Unread);

        await fan.ReactAsync(post, "celebrate");

        Assert.Equal(1, (await live.CatchUpAsync(new CatchUpRequest(null, null, null, []))).Unread);
    }

    [Fact]
    public async Task A_bad_catch_up_request_is_refused_with_its_reason()
    {
        var reader = await NewPersonAsync("Reader");
        await using var live = await reader.ConnectLiveAsync();

        var unknown = await Assert.ThrowsAsync<HubException>(() => live.CatchUpAsync(new CatchUpRequest("everything", null, 0, [])));
        Assert.Contains("live.feed-unknown", unknown.Message, StringComparison.Ordinal);
        var spaceless = await Assert.ThrowsAsync<HubException>(() => live.CatchUpAsync(new CatchUpRequest(LiveFeeds.Space, null, 0, [])));
        Assert.Contains("live.feed-unknown", spaceless.Message, StringComparison.Ordinal);
        var tooMany = await Assert.ThrowsAsync<HubException>(() => live.CatchUpAsync(new CatchUpRequest(null, null, null, [.. Enumerable.Range(1, 51).Select(i => (long)i)])));
        Assert.Contains("live.too-many-posts", tooMany.Message, StringComparison.Ordinal);
    }
}

public sealed class CatchUpTestsOnSqlite(SqliteApp app) : CatchUpTests(app), IClassFixture<SqliteApp>;

public sealed class CatchUpTestsOnPostgres(PostgresApp app) : CatchUpTests(app), IClassFixture<PostgresApp>;
