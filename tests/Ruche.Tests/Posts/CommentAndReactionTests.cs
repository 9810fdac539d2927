using System.Net;
using System.Net.Http.Json;
using Ruche.Core.Common;
using Ruche.Core.Posts;
using Ruche.Tests.Infrastructure;

namespace Ruche.Tests.Posts;

public abstract class CommentAndReactionTests(RucheApp app) : ProviderTests(app)
{
    [Fact]
    public async Task Replies_stay_one_level_deep_under_their_top_level_comment()
    {
        var author = await NewPersonAsync("Author");
        var first = await NewPersonAsync("First");
        var second = await NewPersonAsync("Second");
        var post = await author.PostAsync("Des idées pour le séminaire ?");

        var comment = await first.CommentAsync(post, "Un escape game");
        var reply = await second.CommentAsync(post, "Bonne idée", replyTo: comment.Id);
        var replyToReply = await author.CommentAsync(post, "Validé", replyTo: reply.Id);

        Assert.Null(comment.ParentCommentId);
        Assert.Equal(comment.Id, reply.ParentCommentId);
        Assert.Equal(comment.Id, replyToReply.ParentCommentId);
        Assert.Equal(first.Id, comment.Author.Id);

        var comments = await second.GetAsync<List<CommentView>>($"/api/v1/posts/{post.Id}/comments");
        Assert.Equal([comment.Id, reply.Id, replyToReply.Id], comments.Select(c => c.Id));
        Assert.Equal("<p>Un escape game</p>", comments[0].BodyHtml.Trim());
        Assert.Equal(3, (await second.GetPostAsync(post.Id)).CommentCount);
        Assert.Equal(3, (await second.ProfileFeedAsync(author)).Items.Single().CommentCount);
    }

    [Fact]
    public async Task A_reply_must_answer_a_comment_of_the_same_post()
    {
        var author = await NewPersonAsync("Author");
        var post = await author.PostAsync("Un");
        var other = await author.PostAsync("Deux");
        var elsewhere = await author.CommentAsync(other, "Ailleurs");

        await author.Http.PostAsJsonAsync($"/api/v1/posts/{post.Id}/comments", new { body = "Réponse", replyTo = elsewhere.Id }, Actor.Json)
            .ShouldBeProblemAsync(HttpStatusCode.NotFound, "comment.not-found");
        await author.Http.PostAsJsonAsync($"/api/v1/posts/{post.Id}/comments", new { body = "Réponse", replyTo = 987654321 }, Actor.Json)
            .ShouldBeProblemAsync(HttpStatusCode.NotFound, "comment.not-found");

        Assert.Equal(0, (await author.GetPostAsync(post.Id)).CommentCount);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  \n ")]
    [InlineData(null)]
    public async Task An_empty_comment_is_refused(string? body)
    {
        var author = await NewPersonAsync("Author");
        var post = await author.PostAsync("Vos avis ?");

        await author.Http.PostAsJsonAsync($"/api/v1/posts/{post.Id}/comments", new { body }, Actor.Json)
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "comment.empty");

        Assert.Empty(await author.GetAsync<List<CommentView>>($"/api/v1/posts/{post.Id}/comments"));
        Assert.Equal(0, (await author.GetPostAsync(post.Id)).CommentCount);
    }

    [Fact]
    public async Task A_comment_holds_at_most_the_documented_number_of_characters()
    {
        var author = await NewPersonAsync("Author");
        var post = await author.PostAsync("Vos avis ?");

        await author.Http.PostAsJsonAsync($"/api/v1/posts/{post.Id}/comments", new { body = new string('a', Limits.CommentBodyMaxLength + 1) }, Actor.Json)
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "comment.too-long");
        await author.CommentAsync(post, new string('a', Limits.CommentBodyMaxLength));

        Assert.Equal(1, (await author.GetPostAsync(post.Id)).CommentCount);
    }

    [Fact]
    public async Task Comment_html_is_sanitised()
    {
        var author = await NewPersonAsync("Author");
        var post = await author.PostAsync("Vos avis ?");

        var comment = await author.CommentAsync(post, "*ok* <script>alert(1)</script><iframe src=https://evil.example></iframe>");

        Assert.DoesNotContain("<script", comment.BodyHtml, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<iframe", comment.BodyHtml, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("<em>ok</em>", comment.BodyHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_the_comment_author_or_a_moderator_deletes_a_comment_and_its_replies_go_with_it()
    {
        var owner = await NewPersonAsync("Owner");
        var commenter = await NewPersonAsync("Commenter");
        var stranger = await NewPersonAsync("Stranger");
        var space = await owner.CreateSpaceAsync("Équipe");
        await commenter.JoinAsync(space);
        await stranger.JoinAsync(space);
        var post = await commenter.PostAsync("Sujet", space);
        var comment = await commenter.CommentAsync(post, "Premier");
        await stranger.CommentAsync(post, "Réponse", replyTo: comment.Id);
        var other = await stranger.CommentAsync(post, "Autre");

        await stranger.Http.DeleteAsync($"/api/v1/posts/{post.Id}/comments/{comment.Id}")
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden, "comment.delete-forbidden");
        Assert.Equal(3, (await stranger.GetPostAsync(post.Id)).CommentCount);

        Assert.Equal(HttpStatusCode.NoContent, (await commenter.Http.DeleteAsync($"/api/v1/posts/{post.Id}/comments/{comment.Id}")).StatusCode);
        var left = await stranger.GetAsync<List<CommentView>>($"/api/v1/posts/{post.Id}/comments");
        Assert.Equal([other.Id], left.Select(c => c.Id));

        // The space's owner moderates comments too.
        Assert.Equal(HttpStatusCode.NoContent, (await owner.Http.DeleteAsync($"/api/v1/posts/{post.Id}/comments/{other.Id}")).StatusCode);
        Assert.Equal(0, (await stranger.GetPostAsync(post.Id)).CommentCount);
        await owner.Http.DeleteAsync($"/api/v1/posts/{post.Id}/comments/{other.Id}").ShouldBeProblemAsync(HttpStatusCode.NotFound, "comment.not-found");
    }

    [Fact]
    public async Task A_comment_cannot_be_deleted_through_another_post()
    {
        var author = await NewPersonAsync("Author");
        var commenter = await NewPersonAsync("Commenter");
        var mine = await commenter.PostAsync("Mon post");
        var theirs = await author.PostAsync("Leur post");
        var comment = await author.CommentAsync(theirs, "Commentaire");

        // The commenter may delete comments on their own post, not on someone else's.
        await commenter.Http.DeleteAsync($"/api/v1/posts/{mine.Id}/comments/{comment.Id}").ShouldBeProblemAsync(HttpStatusCode.NotFound, "comment.not-found");
        Assert.Equal(1, (await author.GetPostAsync(theirs.Id)).CommentCount);
    }

    [Fact]
    public async Task Nobody_comments_a_post_they_cannot_read()
    {
        var insider = await NewPersonAsync("Insider");
        var outsider = await NewPersonAsync("Outsider");
        var secret = await insider.CreateSpaceAsync("Secret", SpaceVisibility.Private);
        var post = await insider.PostAsync("Entre nous", secret);

        await outsider.Http.PostAsJsonAsync($"/api/v1/posts/{post.Id}/comments", new { body = "Coucou" }, Actor.Json)
            .ShouldBeProblemAsync(HttpStatusCode.NotFound, "post.not-found");
        await outsider.Http.PutAsync($"/api/v1/posts/{post.Id}/reactions/like", null).ShouldBeProblemAsync(HttpStatusCode.NotFound, "post.not-found");

        var seen = await insider.GetPostAsync(post.Id);
        Assert.Equal(0, seen.CommentCount);
        Assert.Empty(seen.Reactions);
    }

    [Fact]
    public async Task Reacting_twice_counts_once_and_removing_is_idempotent()
    {
        var author = await NewPersonAsync("Author");
        var fan = await NewPersonAsync("Fan");
        var post = await author.PostAsync("Nous avons signé !");

        await fan.ReactAsync(post, "celebrate");
        await fan.ReactAsync(post, "celebrate");

        var mine = Assert.Single((await fan.GetPostAsync(post.Id)).Reactions);
        Assert.Equal(ReactionKind.Celebrate, mine.Kind);
        Assert.Equal(1, mine.Count);
        Assert.True(mine.Mine);
        var theirs = Assert.Single((await author.GetPostAsync(post.Id)).Reactions);
        Assert.Equal(1, theirs.Count);
        Assert.False(theirs.Mine);

        await author.ReactAsync(post, "celebrate");
        await author.ReactAsync(post, "like");
        var both = (await fan.GetPostAsync(post.Id)).Reactions;
        Assert.Equal([(ReactionKind.Like, 1, false), (ReactionKind.Celebrate, 2, true)], both.Select(r => (r.Kind, r.Count, r.Mine)));

        Assert.Equal(HttpStatusCode.NoContent, (await fan.Http.DeleteAsync($"/api/v1/posts/{post.Id}/reactions/celebrate")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await fan.Http.DeleteAsync($"/api/v1/posts/{post.Id}/reactions/celebrate")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await fan.Http.DeleteAsync($"/api/v1/posts/{post.Id}/reactions/love")).StatusCode);

        var after = (await fan.GetPostAsync(post.Id)).Reactions;
        Assert.Equal([(ReactionKind.Like, 1, false), (ReactionKind.Celebrate, 1, false)], after.Select(r => (r.Kind, r.Count, r.Mine)));
    }

    [Theory]
    [InlineData("dislike")]
    [InlineData("Like2")]
    [InlineData("0")]
    public async Task An_unknown_reaction_is_refused(string kind)
    {
        var author = await NewPersonAsync("Author");
        var post = await author.PostAsync("Réagissez");

        await author.Http.PutAsync($"/api/v1/posts/{post.Id}/reactions/{kind}", null).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "reaction.unknown");
        await author.Http.DeleteAsync($"/api/v1/posts/{post.Id}/reactions/{kind}").ShouldBeProblemAsync(HttpStatusCode.BadRequest, "reaction.unknown");

        Assert.Empty((await author.GetPostAsync(post.Id)).Reactions);
    }

    [Fact]
    public async Task Reacting_to_an_unknown_post_is_not_found()
    {
        var reader = await NewPersonAsync("Reader");

        await reader.Http.PutAsync("/api/v1/posts/987654321/reactions/like", null).ShouldBeProblemAsync(HttpStatusCode.NotFound, "post.not-found");
        await reader.Http.PostAsJsonAsync("/api/v1/posts/987654321/comments", new { body = "?" }, Actor.Json)
            .ShouldBeProblemAsync(HttpStatusCode.NotFound, "post.not-found");
    }
}

public sealed class CommentAndReactionTestsOnSqlite(SqliteApp app) : CommentAndReactionTests(app), IClassFixture<SqliteApp>;

public sealed class CommentAndReactionTestsOnPostgres(PostgresApp app) : CommentAndReactionTests(app), IClassFixture<PostgresApp>;
