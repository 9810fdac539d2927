using System.Net;
using System.Net.Http.Json;
using Ruche.Core.Dialogue;
using Ruche.Tests.Infrastructure;
using Ruche.Tests.Notifications;

namespace Ruche.Tests.Dialogue;

/// <summary>"Ask the union": an employee's private exchange with a union's delegates, which nobody else can learn exists.</summary>
public abstract class UnionQuestionTests(RucheApp app) : ProviderTests(app)
{
    [Fact]
    public async Task A_question_to_the_union_is_read_by_the_asker_and_the_delegates_only()
    {
        var admin = await NewPersonAsync("Admin", roles: "administrator");
        var hr = await NewPersonAsync("Rh", roles: "hr");
        await admin.RecordAgreementAsync();
        var delegateActor = await NewPersonAsync("Délégué");
        var otherDelegate = await NewPersonAsync("Délégué ailleurs");
        var asker = await NewPersonAsync("Salariée inquiète");
        var colleague = await NewPersonAsync("Collègue");
        var union = await admin.RecordUnionAsync("Ruche Écoute " + Guid.NewGuid().ToString("N")[..6], delegateActor);
        await admin.RecordUnionAsync("Ruche Ailleurs " + Guid.NewGuid().ToString("N")[..6], otherDelegate);
        var key = "zq" + Guid.NewGuid().ToString("N")[..10];
        var words = $"Mon manager me refuse mes RTT {key}";

        var id = await asker.AskAsync(union, words);

        Assert.Contains(await delegateActor.NotificationsAsync(), n => n.Kind == DialogueNotifications.Question.Name && n.SubjectId == id);
        var inbox = await delegateActor.GetAsync<List<QuestionSummary>>($"/api/v1/unions/{union.Id}/questions");
        Assert.Equal(asker.Id, inbox.Single(q => q.Id == id).Asker.Id);
        Assert.Equal(words, (await asker.GetAsync<QuestionThread>($"/api/v1/unions/questions/{id}")).Messages[0].Body);

        await Actor.ExpectAsync(await delegateActor.Http.PostAsJsonAsync($"/api/v1/unions/questions/{id}/replies", new { body = "Nous vous rappelons demain." }, Actor.Json), HttpStatusCode.NoContent);
        Assert.Contains(await asker.NotificationsAsync(), n => n.Kind == DialogueNotifications.Question.Name && n.SubjectId == id);
        Assert.Equal(2, (await asker.GetAsync<QuestionThread>($"/api/v1/unions/questions/{id}")).Messages.Count);

        foreach (var other in new[] { admin, hr, otherDelegate, colleague })
        {
            await other.Http.GetAsync($"/api/v1/unions/questions/{id}").ShouldBeProblemAsync(HttpStatusCode.NotFound, "dialogue.question-not-found");
            await other.Http.PostAsJsonAsync($"/api/v1/unions/questions/{id}/replies", new { body = "Intrusion" }, Actor.Json)
                .ShouldBeProblemAsync(HttpStatusCode.NotFound, "dialogue.question-not-found");
            Assert.Empty(await other.GetAsync<List<QuestionSummary>>($"/api/v1/unions/{union.Id}/questions"));
            Assert.DoesNotContain(await other.NotificationsAsync(), n => n.Kind == DialogueNotifications.Question.Name);
            Assert.DoesNotContain(key, await other.Http.GetStringAsync($"/api/v1/search?q={key}"), StringComparison.Ordinal);
        }

        // The company's audit log keeps no trace of the exchange: no entry names the asker's act or the question.
        var audit = await admin.Http.GetStringAsync("/api/v1/admin/audit?pageSize=100");
        Assert.DoesNotContain("question", audit, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain($"union-question", await (await App.SignInWithBrowserCookiesAsync(admin)).GetStringAsync("/admin/audit"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_questions_are_refused_and_change_nothing()
    {
        var admin = await NewPersonAsync("Admin", roles: "administrator");
        await admin.RecordAgreementAsync();
        var delegateActor = await NewPersonAsync("Délégué");
        var asker = await NewPersonAsync("Salarié");
        var union = await admin.RecordUnionAsync("Ruche Questions " + Guid.NewGuid().ToString("N")[..6], delegateActor);

        await asker.Http.PostAsJsonAsync($"/api/v1/unions/{union.Id}/questions", new { body = " " }, Actor.Json).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "dialogue.question-invalid");
        await asker.Http.PostAsJsonAsync($"/api/v1/unions/{union.Id}/questions", new { body = new string('q', DialogueLimits.QuestionMaxLength + 1) }, Actor.Json)
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "dialogue.question-invalid");
        await asker.Http.PostAsJsonAsync("/api/v1/unions/987654321/questions", new { body = "Bonjour" }, Actor.Json).ShouldBeProblemAsync(HttpStatusCode.NotFound, "dialogue.union-not-found");
        await delegateActor.Http.PostAsJsonAsync($"/api/v1/unions/{union.Id}/questions", new { body = "Moi-même" }, Actor.Json).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "dialogue.question-own-union");
        Assert.Empty(await delegateActor.GetAsync<List<QuestionSummary>>($"/api/v1/unions/{union.Id}/questions"));
    }
}

public sealed class UnionQuestionTestsOnSqlite(SqliteApp app) : UnionQuestionTests(app), IClassFixture<SqliteApp>;

public sealed class UnionQuestionTestsOnPostgres(PostgresApp app) : UnionQuestionTests(app), IClassFixture<PostgresApp>;
