using System.Net;
using Ruche.Core.Common;
using Ruche.Core.Feeds;
using Ruche.Core.Recognition;
using Ruche.Tests.Infrastructure;

namespace Ruche.Tests.Recognition;

/// <summary>
/// Questions and helpful answers through HTTP: only the post's author marks, never their own comment; one best answer
/// per question; marks are reversible; whoever may not read the post sees none of its marks.
/// </summary>
public abstract class QuestionTests(RucheApp app) : ProviderTests(app)
{
    [Fact]
    public async Task Only_the_post_s_author_marks_helpful_and_best_the_best_answer_is_unique_and_marks_are_reversible()
    {
        var asker = await NewPersonAsync("Asker");
        var first = await NewPersonAsync("First");
        var second = await NewPersonAsync("Second");
        var question = await Actor.ReadAsync<PostCard>(await asker.TryAskAsync("Comment réserver la grande salle ?"), HttpStatusCode.Created);
        var a = await first.CommentAsync(question, "Par l'accueil.");
        var b = await second.CommentAsync(question, "Par l'outil, onglet « grandes salles ».");
        var own = await asker.CommentAsync(question, "Merci à tous !");

        await first.TryMarkAsync(b.Id, "helpful", true).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "question.author-only");
        await first.TryMarkAsync(b.Id, "best", true).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "question.author-only");
        await asker.TryMarkAsync(own.Id, "helpful", true).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "question.own-comment");
        var none = await first.MarksAsync(question.Id);
        Assert.Equal((question.Id, true, (long?)null, false), (none.PostId, none.IsQuestion, none.BestCommentId, none.CanMark));
        Assert.Empty(none.HelpfulCommentIds);

        await asker.MarkAsync(a.Id, "helpful");
        await asker.MarkAsync(b.Id, "helpful");
        await asker.MarkAsync(a.Id, "helpful");
        await asker.MarkAsync(a.Id, "best");
        await asker.MarkAsync(b.Id, "best");
        var marks = await first.MarksAsync(question.Id);
        Assert.Equal((true, (long?)b.Id, false), (marks.IsQuestion, marks.BestCommentId, marks.CanMark));
        Assert.Equal([a.Id, b.Id], marks.HelpfulCommentIds.Order());
        Assert.True((await asker.MarksAsync(question.Id)).CanMark);

        // Shown on the comments, with the author's buttons for the author only.
        var page = WebUtility.HtmlDecode(await (await App.SignInWithBrowserCookiesAsync(first)).PageAsync($"/posts/{question.Id}"));
        Assert.Contains("Meilleure réponse", page, StringComparison.Ordinal);
        Assert.DoesNotContain($"/ui/comments/{b.Id}/best", page, StringComparison.Ordinal);
        Assert.Contains($"/ui/comments/{b.Id}/best", await (await App.SignInWithBrowserCookiesAsync(asker)).PageAsync($"/posts/{question.Id}"), StringComparison.Ordinal);

        await asker.MarkAsync(b.Id, "best", on: false);
        await asker.MarkAsync(a.Id, "helpful", on: false);
        marks = await first.MarksAsync(question.Id);
        Assert.Null(marks.BestCommentId);
        Assert.Equal([b.Id], marks.HelpfulCommentIds);

        // The list: unanswered questions only, then all of them.
        Assert.Contains(await first.GetAsync<List<QuestionCard>>("/api/v1/questions?unanswered=true"), q => q.PostId == question.Id && !q.Answered);
        await asker.MarkAsync(a.Id, "best");
        Assert.DoesNotContain(await first.GetAsync<List<QuestionCard>>("/api/v1/questions?unanswered=true"), q => q.PostId == question.Id);
        Assert.Contains(await first.GetAsync<List<QuestionCard>>("/api/v1/questions"), q => q.PostId == question.Id && q.Answered && q.Comments == 3);

        // A plain post has helpful comments but no best answer.
        var plain = await asker.PostAsync("Une simple publication");
        var c = await first.CommentAsync(plain, "Bien vu");
        await asker.MarkAsync(c.Id, "helpful");
        await asker.TryMarkAsync(c.Id, "best", true).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "question.not-a-question");
        Assert.False((await first.MarksAsync(plain.Id)).IsQuestion);
    }

    [Fact]
    public async Task Whoever_may_not_read_a_post_sees_none_of_its_marks_and_cannot_mark()
    {
        var owner = await NewPersonAsync("Owner");
        var member = await NewPersonAsync("Member");
        var outsider = await NewPersonAsync("Outsider");
        var space = await owner.CreateSpaceAsync("Comité secret", SpaceVisibility.Secret);
        await owner.AddToSpaceAsync(space, member);
        var question = await Actor.ReadAsync<PostCard>(await owner.TryAskAsync("Quelle date pour le séminaire ?", space.Id), HttpStatusCode.Created);
        var answer = await member.CommentAsync(question, "Le 12.");
        await owner.MarkAsync(answer.Id, "best");

        await outsider.Http.GetAsync($"/api/v1/posts/{question.Id}/answers").ShouldBeProblemAsync(HttpStatusCode.NotFound, "post.not-found");
        await outsider.TryMarkAsync(answer.Id, "helpful", true).ShouldBeProblemAsync(HttpStatusCode.NotFound, "comment.not-found");
        Assert.DoesNotContain(await outsider.GetAsync<List<QuestionCard>>("/api/v1/questions"), q => q.PostId == question.Id);
        Assert.Contains(await member.GetAsync<List<QuestionCard>>($"/api/v1/questions?spaceId={space.Id}"), q => q.PostId == question.Id && q.Answered);
        await (await App.SignInWithBrowserCookiesAsync(outsider)).PageAsync($"/posts/{question.Id}", HttpStatusCode.NotFound);
        Assert.DoesNotContain($"/posts/{question.Id}", await (await App.SignInWithBrowserCookiesAsync(outsider)).PageAsync("/questions"), StringComparison.Ordinal);
        Assert.Contains($"/posts/{question.Id}", await (await App.SignInWithBrowserCookiesAsync(member)).PageAsync("/questions?unanswered=false"), StringComparison.Ordinal);
    }
}

public sealed class QuestionTestsOnSqlite(SqliteApp app) : QuestionTests(app), IClassFixture<SqliteApp>;

public sealed class QuestionTestsOnPostgres(PostgresApp app) : QuestionTests(app), IClassFixture<PostgresApp>;
