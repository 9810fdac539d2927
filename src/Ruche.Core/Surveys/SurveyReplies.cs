using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Ruche.Core.Common;
using Ruche.Core.Data;
using Ruche.Core.Sealing;

namespace Ruche.Core.Surveys;

/// <summary>
/// Threads under anonymous comments. Those who read results reply, named; the comment's writer finds their comments
/// with the reply code shown once when they answered (each comment keeps only a hash of it and its question) and
/// answers without anything of them being stored. Only comments the results show have threads.
/// </summary>
public sealed class SurveyReplies(RucheDbContext db, Sealer sealer, TimeProvider time)
{
    public static string NewCode() => RandomNumberGenerator.GetString("ABCDEFGHJKMNPQRSTUVWXYZ23456789", 12);

    public static byte[] KeyHash(string code, long questionId) =>
        SHA256.HashData(Encoding.UTF8.GetBytes($"{code.Trim().ToUpperInvariant()}:{questionId}"));

    /// <summary>A reply by someone who reads the results, to a comment the results show.</summary>
    public async Task ReplyAsManagerAsync(Viewer viewer, long surveyId, Guid commentId, string? text, CancellationToken ct)
    {
        SurveyRights.RequireResultsReader(viewer);
        var body = Body(text);
        var comment = await ShownComments(surveyId).SingleOrDefaultAsync(c => c.Id == commentId, ct)
            ?? throw RucheException.NotFound("survey.comment-not-found", "No such comment among the results.");
        await AddAsync(comment.Id, viewer.PersonId, body, ct);
    }

    /// <summary>The comments of this survey written with <paramref name="code"/>, with their threads.</summary>
    public async Task<IReadOnlyList<CommentThread>> MineAsync(long surveyId, string? code, CancellationToken ct)
    {
        var hashes = await HashesAsync(surveyId, code, ct);
        var comments = await ShownComments(surveyId).Where(c => c.ReplyKeyHash != null).ToListAsync(ct);
        var mine = comments.Where(c => hashes.Any(h => h.AsSpan().SequenceEqual(c.ReplyKeyHash!))).ToList();
        if (mine.Count == 0)
        {
            throw RucheException.NotFound("survey.reply-code-unknown", "No comment shown in the results was written with this code.");
        }

        return await DescribeAsync(mine, ct);
    }

    /// <summary>The comment's writer answers in its thread; nothing of who they are is written.</summary>
    public async Task ReplyAsCommenterAsync(long surveyId, string? code, Guid commentId, string? text, CancellationToken ct)
    {
        var body = Body(text);
        var hashes = await HashesAsync(surveyId, code, ct);
        var comment = await ShownComments(surveyId).SingleOrDefaultAsync(c => c.Id == commentId, ct);
        if (comment?.ReplyKeyHash is not { } key || !hashes.Any(h => h.AsSpan().SequenceEqual(key)))
        {
            throw RucheException.NotFound("survey.reply-code-unknown", "No comment shown in the results was written with this code.");
        }

        await AddAsync(comment.Id, null, body, ct);
    }

    /// <summary>The threads of a round's comments for a question, in the random order of their keys.</summary>
    internal async Task<IReadOnlyList<CommentThread>> ThreadsAsync(long roundId, long questionId, CancellationToken ct) =>
        await DescribeAsync(await db.Set<SurveyComment>().AsNoTracking().Where(c => c.RoundId == roundId && c.QuestionId == questionId).OrderBy(c => c.Id).ToListAsync(ct), ct);

    private async Task<IReadOnlyList<CommentThread>> DescribeAsync(List<SurveyComment> comments, CancellationToken ct)
    {
        var ids = comments.Select(c => c.Id).ToList();
        var replies = await db.Set<SurveyCommentReply>().AsNoTracking().Where(r => ids.Contains(r.CommentId)).OrderBy(r => r.Position)
            .Select(r => new { r.CommentId, r.AuthorId, r.Text, r.PostedOn }).ToListAsync(ct);
        var authorIds = replies.Where(r => r.AuthorId != null).Select(r => r.AuthorId!.Value).Distinct().ToList();
        var authors = await db.People.AsNoTracking().Where(p => authorIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.DisplayName, ct);
        return comments.Select(c => new CommentThread(
            c.Id,
            sealer.OpenText(c.Text, SurveyBallotCounter.CommentPurpose(c.RoundId)),
            replies.Where(r => r.CommentId == c.Id)
                .Select(r => new CommentReply(r.AuthorId is { } a ? authors.GetValueOrDefault(a, "—") : null, sealer.OpenText(r.Text, ReplyPurpose(c.Id)), r.PostedOn))
                .ToList())).ToList();
    }

    /// <summary>Comments of published rounds with at least the comment threshold of respondents: those the results show.</summary>
    private IQueryable<SurveyComment> ShownComments(long surveyId) =>
        from comment in db.Set<SurveyComment>()
        join round in db.Set<SurveyRound>() on comment.RoundId equals round.Id
        join survey in db.Set<Survey>() on round.SurveyId equals survey.Id
        where survey.Id == surveyId && round.Counted
            && db.Set<SurveyResponse>().Count(r => r.RoundId == round.Id) >= survey.CommentThreshold
            && db.Set<SurveyResponse>().Count(r => r.RoundId == round.Id) >= survey.ScoreThreshold
        select comment;

    private async Task<List<byte[]>> HashesAsync(long surveyId, string? code, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(code) || code.Trim().Length > 32)
        {
            throw RucheException.Invalid("survey.reply-code-required", "Give the reply code shown when you answered.");
        }

        var questions = await db.Set<SurveyQuestion>().AsNoTracking()
            .Where(q => q.SurveyId == surveyId && q.Kind == SurveyQuestionKind.Text).Select(q => q.Id).ToListAsync(ct);
        return questions.Select(q => KeyHash(code, q)).ToList();
    }

    private async Task AddAsync(Guid commentId, long? authorId, string body, CancellationToken ct)
    {
        var position = await db.Set<SurveyCommentReply>().Where(r => r.CommentId == commentId).CountAsync(ct);
        db.Add(new SurveyCommentReply
        {
            Id = Guid.NewGuid(),
            CommentId = commentId,
            Position = position + 1,
            AuthorId = authorId,
            Text = sealer.SealText(body, ReplyPurpose(commentId)),
            PostedOn = DateOnly.FromDateTime(time.UtcNow()),
        });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            throw RucheException.Conflict("survey.reply-conflict", "Someone replied at the same time: send again.");
        }
    }

    private static string Body(string? text)
    {
        var body = (text ?? string.Empty).Trim();
        if (body.Length == 0 || body.Length > SurveyLimits.CommentMaxLength)
        {
            throw RucheException.Invalid("survey.reply-invalid", $"A reply has 1 to {SurveyLimits.CommentMaxLength} characters.");
        }

        return body;
    }

    internal static string ReplyPurpose(Guid commentId) => $"survey-reply:{commentId}";
}
