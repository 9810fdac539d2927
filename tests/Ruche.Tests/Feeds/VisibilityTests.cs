using System.Net;
using Ruche.Core.Common;
using Ruche.Core.Spaces;
using Ruche.Tests.Infrastructure;

namespace Ruche.Tests.Feeds;

/// <summary>Forbidden paths: what a reader may not see appears nowhere — no feed, page, tag, profile, search of posts or count.</summary>
public abstract class VisibilityTests(RucheApp app) : ProviderTests(app)
{
    [Fact]
    public async Task A_secret_space_posts_never_reach_a_non_member_anywhere()
    {
        var owner = await NewPersonAsync("Owner");
        var outsider = await NewPersonAsync("Outsider");
        var secret = await owner.CreateSpaceAsync("Comité secret", SpaceVisibility.Secret);
        var post = await owner.PostAsync("Rachat de #concurrent prévu, voir @" + outsider.Handle, secret);
        await outsider.FollowAsync(owner);
        await outsider.FollowTagAsync("concurrent");

        Assert.DoesNotContain((await outsider.HomeAsync()).Items, p => p.Id == post.Id);
        Assert.DoesNotContain((await outsider.CompanyAsync()).Items, p => p.Id == post.Id);
        Assert.Empty((await outsider.TagFeedAsync("concurrent")).Items);
        Assert.DoesNotContain((await outsider.ProfileFeedAsync(owner)).Items, p => p.Id == post.Id);
        Assert.DoesNotContain((await outsider.AllPostsAsync()).Items, p => p.Id == post.Id);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.Http.GetAsync($"/api/v1/posts/{post.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.Http.GetAsync($"/api/v1/posts/{post.Id}/comments")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.Http.PutAsync($"/api/v1/posts/{post.Id}/reactions/like", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.Http.GetAsync($"/api/v1/spaces/{secret.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.Http.GetAsync($"/api/v1/spaces/{secret.Id}/feed")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.Http.PostAsync($"/api/v1/spaces/{secret.Id}/join", null)).StatusCode);
        Assert.DoesNotContain(await outsider.GetAsync<List<SpaceSummary>>("/api/v1/spaces"), s => s.Id == secret.Id);

        // The member sees it everywhere it belongs.
        Assert.Contains((await owner.HomeAsync()).Items, p => p.Id == post.Id);
        Assert.Contains((await owner.TagFeedAsync("concurrent")).Items, p => p.Id == post.Id);
    }

    [Fact]
    public async Task A_private_space_is_listed_but_its_posts_are_for_members_only()
    {
        var owner = await NewPersonAsync("Owner");
        var applicant = await NewPersonAsync("Applicant");
        var space = await owner.CreateSpaceAsync("Projet Atlas", SpaceVisibility.Private);
        var post = await owner.PostAsync("Jalon #atlas atteint", space);

        Assert.Contains(await applicant.GetAsync<List<SpaceSummary>>("/api/v1/spaces"), s => s.Id == space.Id);
        Assert.Equal(HttpStatusCode.Forbidden, (await applicant.Http.GetAsync($"/api/v1/spaces/{space.Id}/feed")).StatusCode);
        Assert.Empty((await applicant.TagFeedAsync("atlas")).Items);
        Assert.Equal(HttpStatusCode.NotFound, (await applicant.Http.GetAsync($"/api/v1/posts/{post.Id}")).StatusCode);

        // Asking to join is pending until the owner approves.
        Assert.Equal(MembershipStatus.Pending, await applicant.JoinAsync(space));
        Assert.Equal(HttpStatusCode.Forbidden, (await applicant.Http.GetAsync($"/api/v1/spaces/{space.Id}/feed")).StatusCode);
        await owner.AddToSpaceAsync(space, applicant);
        Assert.Contains((await applicant.SpaceFeedAsync(space)).Items, p => p.Id == post.Id);
        Assert.Contains((await applicant.TagFeedAsync("atlas")).Items, p => p.Id == post.Id);
    }

    [Fact]
    public async Task Sharing_a_secret_post_into_an_open_space_does_not_reveal_it()
    {
        var insider = await NewPersonAsync("Insider");
        var reader = await NewPersonAsync("Reader");
        var secret = await insider.CreateSpaceAsync("Secret", SpaceVisibility.Secret);
        var original = await insider.PostAsync("Information confidentielle", secret);
        var open = await insider.CreateSpaceAsync("Ouvert");
        var share = await insider.ShareAsync(original, "À lire", open);

        var seen = await reader.GetPostAsync(share.Id);
        Assert.NotNull(seen.Shared);
        Assert.False(seen.Shared.Available);
        Assert.Null(seen.Shared.BodyHtml);
        Assert.True((await insider.GetPostAsync(share.Id)).Shared!.Available);
    }

    [Fact]
    public async Task A_removed_member_loses_access_at_once()
    {
        var owner = await NewPersonAsync("Owner");
        var member = await NewPersonAsync("Member");
        var space = await owner.CreateSpaceAsync("Équipe", SpaceVisibility.Secret);
        await owner.AddToSpaceAsync(space, member);
        var post = await owner.PostAsync("Pour l'équipe", space);
        Assert.Equal(post.Id, (await member.GetPostAsync(post.Id)).Id);

        Assert.Equal(HttpStatusCode.NoContent, (await owner.Http.DeleteAsync($"/api/v1/spaces/{space.Id}/members/{member.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await member.Http.GetAsync($"/api/v1/posts/{post.Id}")).StatusCode);
        Assert.DoesNotContain((await member.HomeAsync()).Items, p => p.Id == post.Id);
    }
}

public sealed class VisibilityTestsOnSqlite(SqliteApp app) : VisibilityTests(app), IClassFixture<SqliteApp>;

public sealed class VisibilityTestsOnPostgres(PostgresApp app) : VisibilityTests(app), IClassFixture<PostgresApp>;
