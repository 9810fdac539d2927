using System.Net;
using System.Net.Http.Json;
using Ruche.Core.Common;
using Ruche.Core.Feeds;
using Ruche.Core.Posts;
using Ruche.Core.Spaces;
using Ruche.Tests.Infrastructure;

namespace Ruche.Tests.Posts;

public abstract class PostTests(RucheApp app) : ProviderTests(app)
{
    [Theory]
    [InlineData("")]
    [InlineData("   \n\t ")]
    [InlineData(null)]
    public async Task An_empty_post_is_refused_and_nothing_is_created(string? body)
    {
        var author = await NewPersonAsync("Author");

        await author.Http.PostAsJsonAsync("/api/v1/posts", new { body }, Actor.Json)
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "post.empty");

        Assert.Empty((await author.ProfileFeedAsync(author)).Items);
        Assert.Empty((await author.HomeAsync()).Items);
    }

    [Fact]
    public async Task A_post_holds_at_most_the_documented_number_of_characters()
    {
        var author = await NewPersonAsync("Author");

        await author.Http.PostAsJsonAsync("/api/v1/posts", new { body = new string('a', Limits.PostBodyMaxLength + 1) }, Actor.Json)
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "post.too-long");
        Assert.Empty((await author.ProfileFeedAsync(author)).Items);

        var longest = await author.PostAsync(new string('b', Limits.PostBodyMaxLength));
        Assert.Equal(Limits.PostBodyMaxLength, (await author.GetPostAsync(longest.Id)).Body.Length);
    }

    [Fact]
    public async Task Posting_in_a_space_needs_an_active_membership()
    {
        var owner = await NewPersonAsync("Owner");
        var outsider = await NewPersonAsync("Outsider");
        var open = await owner.CreateSpaceAsync("Ouvert");
        var closed = await owner.CreateSpaceAsync("Privé", SpaceVisibility.Private);
        var secret = await owner.CreateSpaceAsync("Secret", SpaceVisibility.Secret);
        Assert.Equal(MembershipStatus.Pending, await outsider.JoinAsync(closed));

        await outsider.Http.PostAsJsonAsync("/api/v1/posts", new { body = "Intrusion", spaceId = open.Id }, Actor.Json)
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden, "space.members-only");
        await outsider.Http.PostAsJsonAsync("/api/v1/posts", new { body = "Intrusion", spaceId = closed.Id }, Actor.Json)
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden, "space.members-only");
        await outsider.Http.PostAsJsonAsync("/api/v1/posts", new { body = "Intrusion", spaceId = secret.Id }, Actor.Json)
            .ShouldBeProblemAsync(HttpStatusCode.NotFound, "space.not-found");
        await outsider.Http.PostAsJsonAsync("/api/v1/posts", new { body = "Intrusion", spaceId = 987654321 }, Actor.Json)
            .ShouldBeProblemAsync(HttpStatusCode.NotFound, "space.not-found");

        Assert.Empty((await owner.ProfileFeedAsync(outsider)).Items);

        // Once a member, the same request works.
        await outsider.JoinAsync(open);
        var post = await outsider.PostAsync("Bonjour", open);
        Assert.Equal(open.Id, post.Space!.Id);
    }

    [Fact]
    public async Task Only_owners_and_moderators_post_in_an_announcements_space()
    {
        var owner = await NewPersonAsync("Owner");
        var member = await NewPersonAsync("Member");
        var moderator = await NewPersonAsync("Moderator");
        var news = await owner.CreateSpaceAsync("Annonces", SpaceVisibility.Open, SpaceKind.Announcements);
        await member.JoinAsync(news);
        await moderator.JoinAsync(news);
        await SetRoleAsync(owner, news, moderator, SpaceRole.Moderator);

        await member.Http.PostAsJsonAsync("/api/v1/posts", new { body = "Moi aussi", spaceId = news.Id }, Actor.Json)
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden, "space.announcers-only");

        var byOwner = await owner.PostAsync("Nouvelle organisation", news);
        var byModerator = await moderator.PostAsync("Rappel", news);
        var feed = await member.SpaceFeedAsync(news);
        Assert.Equal([byModerator.Id, byOwner.Id], feed.Items.Select(p => p.Id));

        // Members still comment on announcements.
        await member.CommentAsync(byOwner, "Merci");
    }

    [Fact]
    public async Task An_unknown_post_is_a_not_found_problem()
    {
        var reader = await NewPersonAsync("Reader");

        await reader.Http.GetAsync("/api/v1/posts/987654321").ShouldBeProblemAsync(HttpStatusCode.NotFound, "post.not-found");
        await reader.Http.PatchAsJsonAsync("/api/v1/posts/987654321", new { body = "x" }, Actor.Json).ShouldBeProblemAsync(HttpStatusCode.NotFound, "post.not-found");
        await reader.Http.DeleteAsync("/api/v1/posts/987654321").ShouldBeProblemAsync(HttpStatusCode.NotFound, "post.not-found");
        await reader.Http.GetAsync("/api/v1/posts/987654321/revisions").ShouldBeProblemAsync(HttpStatusCode.NotFound, "post.not-found");
        await reader.Http.PostAsJsonAsync("/api/v1/posts", new { body = "x", sharePostId = 987654321 }, Actor.Json)
            .ShouldBeProblemAsync(HttpStatusCode.NotFound, "post.not-found");
    }

    [Fact]
    public async Task Only_the_author_edits_a_post()
    {
        var author = await NewPersonAsync("Author");
        var colleague = await NewPersonAsync("Colleague");
        var admin = await NewPersonAsync("Admin", roles: "administrator");
        var space = await author.CreateSpaceAsync("Équipe");
        await colleague.JoinAsync(space);
        var post = await colleague.PostAsync("Texte d'origine", space);

        await author.Http.PatchAsJsonAsync($"/api/v1/posts/{post.Id}", new { body = "Réécrit par l'owner" }, Actor.Json)
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden, "post.author-only");
        await admin.Http.PatchAsJsonAsync($"/api/v1/posts/{post.Id}", new { body = "Réécrit par l'admin" }, Actor.Json)
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden, "post.author-only");

        var unchanged = await colleague.GetPostAsync(post.Id);
        Assert.Equal("Texte d'origine", unchanged.Body);
        Assert.Null(unchanged.EditedAt);
        Assert.Empty(await colleague.GetAsync<List<PostRevisionView>>($"/api/v1/posts/{post.Id}/revisions"));
        Assert.False((await author.GetPostAsync(post.Id)).Can.Edit);
        Assert.True(unchanged.Can.Edit);
    }

    [Fact]
    public async Task Editing_keeps_the_earlier_versions_and_moves_the_post_between_tags()
    {
        var author = await NewPersonAsync("Author");
        var reader = await NewPersonAsync("Reader");
        var post = await author.PostAsync("Premier jet sur le #budget");

        var edited = await EditAsync(author, post, "Version corrigée sur le #planning");
        var again = await EditAsync(author, post, "Version finale sur le #planning et le #recrutement");

        Assert.NotNull(edited.EditedAt);
        Assert.True(edited.EditedAt >= post.CreatedAt);
        Assert.Equal("Version finale sur le #planning et le #recrutement", (await reader.GetPostAsync(post.Id)).Body);
        Assert.Contains("/tags/recrutement", again.BodyHtml, StringComparison.Ordinal);
        Assert.Equal(["planning", "recrutement"], again.Tags);

        var revisions = await reader.GetAsync<List<PostRevisionView>>($"/api/v1/posts/{post.Id}/revisions");
        Assert.Equal(["Version corrigée sur le #planning", "Premier jet sur le #budget"], revisions.Select(r => r.Body));

        Assert.DoesNotContain((await reader.TagFeedAsync("budget")).Items, p => p.Id == post.Id);
        Assert.Contains((await reader.TagFeedAsync("planning")).Items, p => p.Id == post.Id);
        Assert.Contains((await reader.TagFeedAsync("recrutement")).Items, p => p.Id == post.Id);
    }

    [Fact]
    public async Task Saving_the_same_text_makes_no_revision_and_an_empty_edit_is_refused()
    {
        var author = await NewPersonAsync("Author");
        var post = await author.PostAsync("Stable");

        var same = await EditAsync(author, post, "  Stable  ");
        Assert.Null(same.EditedAt);

        await author.Http.PatchAsJsonAsync($"/api/v1/posts/{post.Id}", new { body = " " }, Actor.Json)
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "post.empty");
        await author.Http.PatchAsJsonAsync($"/api/v1/posts/{post.Id}", new { body = new string('x', Limits.PostBodyMaxLength + 1) }, Actor.Json)
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "post.too-long");

        Assert.Equal("Stable", (await author.GetPostAsync(post.Id)).Body);
        Assert.Empty(await author.GetAsync<List<PostRevisionView>>($"/api/v1/posts/{post.Id}/revisions"));
    }

    [Fact]
    public async Task The_author_deletes_a_post_with_its_comments_and_history()
    {
        var author = await NewPersonAsync("Author");
        var reader = await NewPersonAsync("Reader");
        var post = await author.PostAsync("À supprimer #ephemere");
        await EditAsync(author, post, "À supprimer vite #ephemere");
        await reader.CommentAsync(post, "Vu");
        await reader.ReactAsync(post, "like");

        Assert.Equal(HttpStatusCode.NoContent, (await author.Http.DeleteAsync($"/api/v1/posts/{post.Id}")).StatusCode);

        await author.Http.GetAsync($"/api/v1/posts/{post.Id}").ShouldBeProblemAsync(HttpStatusCode.NotFound, "post.not-found");
        await reader.Http.GetAsync($"/api/v1/posts/{post.Id}/comments").ShouldBeProblemAsync(HttpStatusCode.NotFound, "post.not-found");
        await author.Http.GetAsync($"/api/v1/posts/{post.Id}/revisions").ShouldBeProblemAsync(HttpStatusCode.NotFound, "post.not-found");
        await author.Http.DeleteAsync($"/api/v1/posts/{post.Id}").ShouldBeProblemAsync(HttpStatusCode.NotFound, "post.not-found");
        Assert.Empty((await reader.TagFeedAsync("ephemere")).Items);
        Assert.Empty((await reader.ProfileFeedAsync(author)).Items);
    }

    [Fact]
    public async Task A_stranger_or_a_plain_member_cannot_delete_a_post()
    {
        var author = await NewPersonAsync("Author");
        var stranger = await NewPersonAsync("Stranger");
        var member = await NewPersonAsync("Member");
        var space = await author.CreateSpaceAsync("Équipe");
        await member.JoinAsync(space);
        var onProfile = await author.PostAsync("Sur mon profil");
        var inSpace = await author.PostAsync("Dans l'espace", space);

        await stranger.Http.DeleteAsync($"/api/v1/posts/{onProfile.Id}").ShouldBeProblemAsync(HttpStatusCode.Forbidden, "post.delete-forbidden");
        await member.Http.DeleteAsync($"/api/v1/posts/{inSpace.Id}").ShouldBeProblemAsync(HttpStatusCode.Forbidden, "post.delete-forbidden");

        Assert.Equal("Sur mon profil", (await stranger.GetPostAsync(onProfile.Id)).Body);
        Assert.Equal("Dans l'espace", (await member.GetPostAsync(inSpace.Id)).Body);
        Assert.False((await stranger.GetPostAsync(onProfile.Id)).Can.Delete);
    }

    [Fact]
    public async Task Space_owners_and_moderators_delete_posts_in_their_space_only()
    {
        var owner = await NewPersonAsync("Owner");
        var moderator = await NewPersonAsync("Moderator");
        var author = await NewPersonAsync("Author");
        var space = await owner.CreateSpaceAsync("Équipe");
        await moderator.JoinAsync(space);
        await author.JoinAsync(space);
        await SetRoleAsync(owner, space, moderator, SpaceRole.Moderator);
        var first = await author.PostAsync("Hors charte", space);
        var second = await author.PostAsync("Hors charte encore", space);
        var elsewhere = await author.PostAsync("Sur mon profil");

        Assert.True((await moderator.GetPostAsync(first.Id)).Can.Delete);
        Assert.Equal(HttpStatusCode.NoContent, (await moderator.Http.DeleteAsync($"/api/v1/posts/{first.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await owner.Http.DeleteAsync($"/api/v1/posts/{second.Id}")).StatusCode);
        await moderator.Http.DeleteAsync($"/api/v1/posts/{elsewhere.Id}").ShouldBeProblemAsync(HttpStatusCode.Forbidden, "post.delete-forbidden");

        Assert.Empty((await author.SpaceFeedAsync(space)).Items);
        Assert.Equal([elsewhere.Id], (await author.ProfileFeedAsync(author)).Items.Select(p => p.Id));
    }

    [Fact]
    public async Task An_administrator_deletes_any_post_they_can_read()
    {
        var admin = await NewPersonAsync("Admin", roles: "administrator");
        var author = await NewPersonAsync("Author");
        var post = await author.PostAsync("Propos déplacés");

        Assert.True((await admin.GetPostAsync(post.Id)).Can.Delete);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.Http.DeleteAsync($"/api/v1/posts/{post.Id}")).StatusCode);
        await author.Http.GetAsync($"/api/v1/posts/{post.Id}").ShouldBeProblemAsync(HttpStatusCode.NotFound, "post.not-found");
    }

    [Fact]
    public async Task An_administrator_cannot_reach_a_secret_space_post()
    {
        var admin = await NewPersonAsync("Admin", roles: "administrator");
        var owner = await NewPersonAsync("Owner");
        var secret = await owner.CreateSpaceAsync("Secret", SpaceVisibility.Secret);
        var post = await owner.PostAsync("Confidentiel", secret);

        await admin.Http.DeleteAsync($"/api/v1/posts/{post.Id}").ShouldBeProblemAsync(HttpStatusCode.NotFound, "post.not-found");
        Assert.Equal("Confidentiel", (await owner.GetPostAsync(post.Id)).Body);
    }

    [Fact]
    public async Task Space_owners_pin_posts_and_the_feed_shows_them_first()
    {
        var owner = await NewPersonAsync("Owner");
        var member = await NewPersonAsync("Member");
        var space = await owner.CreateSpaceAsync("Équipe");
        await member.JoinAsync(space);
        var rules = await member.PostAsync("Règles de l'espace", space);
        var later = await member.PostAsync("Autre chose", space);

        var pinned = await owner.Http.PutAsync($"/api/v1/posts/{rules.Id}/pin", null);
        var card = await Actor.ReadAsync<PostCard>(pinned, HttpStatusCode.OK);
        Assert.NotNull(card.PinnedAt);

        var feed = await member.SpaceFeedAsync(space);
        Assert.Equal([rules.Id], feed.Pinned.Select(p => p.Id));
        Assert.Equal([later.Id, rules.Id], feed.Items.Select(p => p.Id));

        var unpinned = await Actor.ReadAsync<PostCard>(await owner.Http.DeleteAsync($"/api/v1/posts/{rules.Id}/pin"), HttpStatusCode.OK);
        Assert.Null(unpinned.PinnedAt);
        Assert.Empty((await member.SpaceFeedAsync(space)).Pinned);
    }

    [Fact]
    public async Task A_plain_member_cannot_pin_and_profile_posts_cannot_be_pinned()
    {
        var owner = await NewPersonAsync("Owner");
        var member = await NewPersonAsync("Member");
        var space = await owner.CreateSpaceAsync("Équipe");
        await member.JoinAsync(space);
        var post = await owner.PostAsync("Important", space);
        var onProfile = await owner.PostAsync("Sur mon profil");

        Assert.False((await member.GetPostAsync(post.Id)).Can.Pin);
        await member.Http.PutAsync($"/api/v1/posts/{post.Id}/pin", null).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "post.pin-forbidden");
        await owner.Http.PutAsync($"/api/v1/posts/{onProfile.Id}/pin", null).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "post.pin-profile");

        Assert.Empty((await member.SpaceFeedAsync(space)).Pinned);
        Assert.Null((await owner.GetPostAsync(onProfile.Id)).PinnedAt);

        // Unpinning is moderation too.
        await owner.Http.PutAsync($"/api/v1/posts/{post.Id}/pin", null);
        await member.Http.DeleteAsync($"/api/v1/posts/{post.Id}/pin").ShouldBeProblemAsync(HttpStatusCode.Forbidden, "post.pin-forbidden");
        Assert.Single((await member.SpaceFeedAsync(space)).Pinned);
    }

    [Fact]
    public async Task Sharing_a_share_shares_its_original()
    {
        var author = await NewPersonAsync("Author");
        var sharer = await NewPersonAsync("Sharer");
        var resharer = await NewPersonAsync("Resharer");
        var original = await author.PostAsync("Notre rapport annuel");

        var share = await sharer.ShareAsync(original, "À lire absolument");
        var reshare = await resharer.ShareAsync(share, "");

        Assert.Equal("À lire absolument", share.Body);
        Assert.NotNull(share.Shared);
        Assert.True(share.Shared.Available);
        Assert.Equal(original.Id, share.Shared.Id);
        Assert.Equal(author.Id, share.Shared.Author!.Id);
        Assert.Contains("Notre rapport annuel", share.Shared.BodyHtml, StringComparison.Ordinal);

        Assert.Equal(original.Id, reshare.Shared!.Id);
        Assert.Equal(author.Id, reshare.Shared.Author!.Id);
        Assert.Equal(string.Empty, reshare.Body);
    }

    [Fact]
    public async Task A_share_outlives_its_deleted_original_without_revealing_it()
    {
        var author = await NewPersonAsync("Author");
        var sharer = await NewPersonAsync("Sharer");
        var original = await author.PostAsync("Bientôt supprimé");
        var share = await sharer.ShareAsync(original, "Intéressant");

        await author.Http.DeleteAsync($"/api/v1/posts/{original.Id}");

        var seen = await sharer.GetPostAsync(share.Id);
        Assert.NotNull(seen.Shared);
        Assert.False(seen.Shared.Available);
        Assert.Null(seen.Shared.Id);
        Assert.Null(seen.Shared.BodyHtml);

        // Sharing the dangling share finds no original to point to.
        await sharer.Http.PostAsJsonAsync("/api/v1/posts", new { body = "Encore", sharePostId = share.Id }, Actor.Json)
            .ShouldBeProblemAsync(HttpStatusCode.NotFound, "post.not-found");
    }

    [Fact]
    public async Task A_post_one_cannot_read_cannot_be_shared()
    {
        var insider = await NewPersonAsync("Insider");
        var outsider = await NewPersonAsync("Outsider");
        var secret = await insider.CreateSpaceAsync("Secret", SpaceVisibility.Secret);
        var post = await insider.PostAsync("Confidentiel", secret);

        await outsider.Http.PostAsJsonAsync("/api/v1/posts", new { body = "Regardez", sharePostId = post.Id }, Actor.Json)
            .ShouldBeProblemAsync(HttpStatusCode.NotFound, "post.not-found");
        Assert.Empty((await outsider.ProfileFeedAsync(outsider)).Items);
    }

    [Fact]
    public async Task Markup_in_a_post_is_stripped_from_its_html()
    {
        var author = await NewPersonAsync("Author");
        var reader = await NewPersonAsync("Reader");

        var post = await author.PostAsync("Salut <script>alert('xss')</script> <img src=x onerror=alert(1)> [lien](javascript:alert(2)) **fin**");

        var seen = await reader.GetPostAsync(post.Id);
        Assert.DoesNotContain("<script", seen.BodyHtml, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("alert(", seen.BodyHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("<img", seen.BodyHtml, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("onerror", seen.BodyHtml, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("javascript:", seen.BodyHtml, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("<strong>fin</strong>", seen.BodyHtml, StringComparison.Ordinal);
        Assert.Contains("Salut", seen.BodyHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", (await reader.CompanyAsync()).Items.Single(p => p.Id == post.Id).BodyHtml, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Mentions_link_to_real_people_only()
    {
        var author = await NewPersonAsync("Author");
        var colleague = await NewPersonAsync("Colleague");

        var post = await author.PostAsync($"Merci @{colleague.Handle} et @personne.inconnue");

        Assert.Contains($"href=\"/people/{colleague.Handle}\"", post.BodyHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("/people/personne.inconnue", post.BodyHtml, StringComparison.Ordinal);
        Assert.Contains("@personne.inconnue", post.BodyHtml, StringComparison.Ordinal);
    }

    private static async Task<PostCard> EditAsync(Actor author, PostCard post, string body) =>
        await Actor.ReadAsync<PostCard>(await author.Http.PatchAsJsonAsync($"/api/v1/posts/{post.Id}", new { body }, Actor.Json), HttpStatusCode.OK);

    internal static async Task SetRoleAsync(Actor owner, SpaceSummary space, Actor person, SpaceRole role) =>
        await Actor.ExpectAsync(
            await owner.Http.PutAsJsonAsync($"/api/v1/spaces/{space.Id}/members/{person.Id}/role", new { role }, Actor.Json),
            HttpStatusCode.NoContent);
}

public sealed class PostTestsOnSqlite(SqliteApp app) : PostTests(app), IClassFixture<SqliteApp>;

public sealed class PostTestsOnPostgres(PostgresApp app) : PostTests(app), IClassFixture<PostgresApp>;
