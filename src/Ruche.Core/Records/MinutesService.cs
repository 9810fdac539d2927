using Microsoft.EntityFrameworkCore;
using Ruche.Core.Audit;
using Ruche.Core.Common;
using Ruche.Core.Content;
using Ruche.Core.Data;

namespace Ruche.Core.Records;

/// <summary>
/// A meeting's minutes: only the elected secretary writes them (the employer never co-writes: that would obstruct the
/// CSE; administrators do not either); the president and members remark; adoption is recorded at a later meeting, then
/// the secretary publishes; the president attaches the employer's reasoned answers to the published minutes.
/// </summary>
public sealed class MinutesService(RucheDbContext db, ContentRenderer renderer, AuditLog audit, TimeProvider time)
{
    public async Task WriteAsync(Viewer viewer, long meetingId, MinutesText request, CancellationToken cancellationToken)
    {
        var (meeting, cse) = await ReadableAsync(viewer, meetingId, cancellationToken);
        RequireSecretary(viewer, cse);
        if (meeting.Status != MinutesStatus.Draft)
        {
            throw RucheException.Conflict("records.minutes-adopted", "Adopted minutes are no longer edited.");
        }

        var text = Input.Text(request.Text);
        if (text.Length == 0 || text.Length > RecordsLimits.TextMaxLength)
        {
            throw RucheException.Invalid("records.text-invalid", $"The text has 1 to {RecordsLimits.TextMaxLength} characters.");
        }

        meeting.Minutes = text;
        meeting.MinutesHtml = (await renderer.RenderAsync(text, cancellationToken)).Html;
        meeting.MinutesSavedAt = time.UtcNow();
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>A remark by the president, the secretary or a member, while the minutes are not yet published.</summary>
    public async Task<long> RemarkAsync(Viewer viewer, long meetingId, CseRemark request, CancellationToken cancellationToken)
    {
        var (meeting, cse) = await ReadableAsync(viewer, meetingId, cancellationToken);
        if (!Sits(viewer, cse))
        {
            throw RucheException.Forbidden("records.cse-only", "Only the CSE's president and members remark on its minutes.");
        }

        if (meeting.Status == MinutesStatus.Published)
        {
            throw RucheException.Conflict("records.minutes-published", "The minutes are published.");
        }

        return await AddCommentAsync(viewer, meeting, request.Text, false, cancellationToken);
    }

    /// <summary>The employer's reasoned answer, by the president, attached to the published minutes.</summary>
    public async Task<long> AnswerAsync(Viewer viewer, long meetingId, CseRemark request, CancellationToken cancellationToken)
    {
        var (meeting, cse) = await ReadableAsync(viewer, meetingId, cancellationToken);
        if (viewer.PersonId != cse.PresidentId)
        {
            throw RucheException.Forbidden("records.president-only", "Only the CSE's president answers for the employer.");
        }

        if (meeting.Status != MinutesStatus.Published)
        {
            throw RucheException.Conflict("records.minutes-not-published", "The employer answers published minutes.");
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var id = await AddCommentAsync(viewer, meeting, request.Text, true, cancellationToken);
        await audit.RecordAsync(viewer.PersonId, "records.employer-answered", $"cse-meeting:{meeting.Id}", null, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return id;
    }

    /// <summary>The secretary records the adoption voted at a later meeting of the same CSE.</summary>
    public async Task AdoptAsync(Viewer viewer, long meetingId, MinutesAdoption request, CancellationToken cancellationToken)
    {
        var (meeting, cse) = await ReadableAsync(viewer, meetingId, cancellationToken);
        RequireSecretary(viewer, cse);
        if (meeting.Status != MinutesStatus.Draft || meeting.MinutesSavedAt is null)
        {
            throw RucheException.Conflict("records.minutes-not-draft", "Only written minutes in draft are adopted.");
        }

        var now = time.UtcNow();
        if (request.VotesFor < 0 || request.VotesAgainst < 0 || request.VotesAbstaining < 0 || request.VotesFor <= request.VotesAgainst
            || !await db.Set<CseMeeting>().AnyAsync(
                m => m.Id == request.AtMeetingId && m.CseId == meeting.CseId && m.HeldAt > meeting.HeldAt && m.HeldAt <= now, cancellationToken))
        {
            throw RucheException.Invalid("records.adoption-invalid", "Adoption is a majority vote at a later meeting of the same CSE, once it has been held.");
        }

        meeting.Status = MinutesStatus.Adopted;
        meeting.AdoptedAtMeetingId = request.AtMeetingId;
        meeting.VotesFor = request.VotesFor;
        meeting.VotesAgainst = request.VotesAgainst;
        meeting.VotesAbstaining = request.VotesAbstaining;
        meeting.AdoptedAt = now;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync(null, "records.minutes-adopted", $"cse-meeting:{meeting.Id}",
            new { at = request.AtMeetingId, votesFor = request.VotesFor, votesAgainst = request.VotesAgainst, abstaining = request.VotesAbstaining }, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task PublishAsync(Viewer viewer, long meetingId, CancellationToken cancellationToken)
    {
        var (meeting, cse) = await ReadableAsync(viewer, meetingId, cancellationToken);
        RequireSecretary(viewer, cse);
        if (meeting.Status != MinutesStatus.Adopted)
        {
            throw RucheException.Conflict("records.minutes-not-adopted", "Minutes are published once adopted.");
        }

        meeting.Status = MinutesStatus.Published;
        meeting.PublishedAt = time.UtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync(null, "records.minutes-published", $"cse-meeting:{meeting.Id}", null, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    internal async Task<(CseMeeting Meeting, CseBody Cse)> ReadableAsync(Viewer viewer, long meetingId, CancellationToken cancellationToken)
    {
        var meeting = await db.Set<CseMeeting>().VisibleTo(viewer.PersonId).Include(m => m.Cse).ThenInclude(c => c!.Members)
            .SingleOrDefaultAsync(m => m.Id == meetingId, cancellationToken) ?? throw NotFound();
        return (meeting, meeting.Cse!);
    }

    internal static bool Sits(Viewer viewer, CseBody cse) =>
        viewer.PersonId == cse.PresidentId || viewer.PersonId == cse.SecretaryId || cse.Members.Any(m => m.PersonId == viewer.PersonId);

    internal static RucheException NotFound() => RucheException.NotFound("records.meeting-not-found", "No such meeting.");

    private static void RequireSecretary(Viewer viewer, CseBody cse)
    {
        if (viewer.PersonId != cse.SecretaryId)
        {
            throw RucheException.Forbidden("records.secretary-only", "Only the CSE's elected secretary writes, adopts and publishes its minutes.");
        }
    }

    private async Task<long> AddCommentAsync(Viewer viewer, CseMeeting meeting, string? text, bool employerAnswer, CancellationToken cancellationToken)
    {
        var value = Input.Text(text);
        if (value.Length == 0 || value.Length > RecordsLimits.CommentMaxLength)
        {
            throw RucheException.Invalid("records.comment-invalid", $"A remark has 1 to {RecordsLimits.CommentMaxLength} characters.");
        }

        var comment = new CseComment { MeetingId = meeting.Id, AuthorId = viewer.PersonId, IsEmployerAnswer = employerAnswer, Text = value, At = time.UtcNow() };
        db.Add(comment);
        await db.SaveChangesAsync(cancellationToken);
        return comment.Id;
    }
}
