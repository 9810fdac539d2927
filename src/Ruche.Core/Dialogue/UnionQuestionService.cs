using Microsoft.EntityFrameworkCore;
using Ruche.Core.Common;
using Ruche.Core.Data;
using Ruche.Core.Notifications;
using Ruche.Core.People;
using Ruche.Core.Sealing;

namespace Ruche.Core.Dialogue;

/// <summary>
/// "Ask the union": an employee writes privately to a union's delegates, who answer in the same thread. Read through
/// <see cref="UnionQuestionSubject"/> only (the asker and the delegates); nothing about it goes to the audit log,
/// search or anyone's counts, and its words are sealed at rest.
/// </summary>
public sealed class UnionQuestionService(RucheDbContext db, UnionService unions, AgreementService agreements, Sealer sealer, Notifier notifier, TimeProvider time)
{
    private const string Purpose = "union-question";

    private const int ExcerptLength = 120;

    private const int ListMax = 100;

    public async Task<long> AskAsync(Viewer viewer, long unionId, string? body, CancellationToken cancellationToken)
    {
        var union = await unions.GetAsync(viewer, unionId, cancellationToken);
        var text = ValidText(body);
        if (await agreements.InForceAsync(cancellationToken) is not { AllowsQuestions: true })
        {
            throw RucheException.Forbidden("dialogue.questions-not-agreed", "No agreement in force opens direct questions to the unions.");
        }

        if (union.IsDelegate)
        {
            throw RucheException.Invalid("dialogue.question-own-union", "A delegate does not ask their own union.");
        }

        var now = time.UtcNow();
        var question = new UnionQuestion
        {
            UnionId = unionId,
            AskerId = viewer.PersonId,
            SealedBody = sealer.SealText(text, Purpose),
            AskedAt = now,
            LastMessageAt = now,
        };
        db.Add(question);
        await db.SaveChangesAsync(cancellationToken);
        await notifier.NotifyAsync(DialogueNotifications.Question, viewer.PersonId, union.Delegates.Select(d => d.Id), question.Id);
        return question.Id;
    }

    public async Task ReplyAsync(Viewer viewer, long questionId, string? body, CancellationToken cancellationToken)
    {
        var me = viewer.PersonId;
        var question = await db.Set<UnionQuestion>().VisibleTo(me).Where(q => q.Id == questionId)
            .Select(q => new { Question = q, Delegates = q.Union!.Delegates.Select(d => d.PersonId).ToList() })
            .SingleOrDefaultAsync(cancellationToken) ?? throw NotFound();
        var text = ValidText(body);
        var now = time.UtcNow();
        db.Add(new UnionQuestionReply { QuestionId = questionId, AuthorId = me, SealedBody = sealer.SealText(text, Purpose), At = now });
        question.Question.LastMessageAt = now;
        await db.SaveChangesAsync(cancellationToken);

        // The other side hears of it: the asker when a delegate answers, the delegates when the asker writes again.
        var others = question.Delegates.Contains(me) ? [question.Question.AskerId] : question.Delegates;
        await notifier.NotifyAsync(DialogueNotifications.Question, me, others, questionId, group: $"reply:{questionId}");
    }

    /// <summary>The union's questions for its delegates; for anyone else, the questions they asked it themself.</summary>
    public async Task<IReadOnlyList<QuestionSummary>> ListAsync(Viewer viewer, long unionId, CancellationToken cancellationToken)
    {
        await unions.GetAsync(viewer, unionId, cancellationToken);
        var now = time.UtcNow();
        var rows = await db.Set<UnionQuestion>().VisibleTo(viewer.PersonId).Where(q => q.UnionId == unionId)
            .OrderByDescending(q => q.LastMessageAt).ThenByDescending(q => q.Id).Take(ListMax)
            .Select(q => new { q.Id, q.UnionId, q.Union!.Name, Asker = PersonRefs.Of(q.Asker!, now), q.SealedBody, q.AskedAt, q.LastMessageAt, Replies = q.Replies.Count })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r => new QuestionSummary(r.Id, r.UnionId, r.Name, r.Asker, Excerpt(sealer.OpenText(r.SealedBody, Purpose)), r.AskedAt, r.LastMessageAt, r.Replies))];
    }

    public async Task<QuestionThread> GetAsync(Viewer viewer, long questionId, CancellationToken cancellationToken)
    {
        var me = viewer.PersonId;
        var now = time.UtcNow();
        var row = await db.Set<UnionQuestion>().VisibleTo(me).Where(q => q.Id == questionId)
            .Select(q => new
            {
                q.Id,
                q.UnionId,
                q.Union!.Name,
                Asker = PersonRefs.Of(q.Asker!, now),
                q.AskerId,
                q.SealedBody,
                q.AskedAt,
                IsDelegate = q.Union.IsRunBy(me),
                Replies = q.Replies.OrderBy(r => r.At).ThenBy(r => r.Id)
                    .Select(r => new { Author = r.Author == null ? null : PersonRefs.Of(r.Author, now), r.AuthorId, r.SealedBody, r.At })
                    .ToList(),
            })
            .SingleOrDefaultAsync(cancellationToken) ?? throw NotFound();
        var messages = new List<QuestionMessage> { new(row.Asker, sealer.OpenText(row.SealedBody, Purpose), row.AskedAt, false) };
        messages.AddRange(row.Replies.Select(r => new QuestionMessage(r.Author, sealer.OpenText(r.SealedBody, Purpose), r.At, r.AuthorId != row.AskerId)));
        return new QuestionThread(row.Id, row.UnionId, row.Name, row.Asker, messages, row.IsDelegate);
    }

    private static string ValidText(string? body)
    {
        var text = body?.Trim();
        return string.IsNullOrEmpty(text) || text.Length > DialogueLimits.QuestionMaxLength
            ? throw RucheException.Invalid("dialogue.question-invalid", $"A message to a union has 1 to {DialogueLimits.QuestionMaxLength} characters.")
            : text;
    }

    private static string Excerpt(string text) => text.Length <= ExcerptLength ? text : string.Concat(text.AsSpan(0, ExcerptLength), "…");

    private static RucheException NotFound() => RucheException.NotFound("dialogue.question-not-found", "No such question.");
}
