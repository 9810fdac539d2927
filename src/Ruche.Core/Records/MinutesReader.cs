using Microsoft.EntityFrameworkCore;
using Ruche.Core.Common;
using Ruche.Core.Data;
using Ruche.Core.People;

namespace Ruche.Core.Records;

/// <summary>One meeting with its minutes, as the viewer may read it: remarks for the CSE only, the employer's answers for every reader.</summary>
public sealed class MinutesReader(RucheDbContext db, TimeProvider time)
{
    public async Task<CseMeetingView> GetAsync(Viewer viewer, long meetingId, CancellationToken cancellationToken)
    {
        var me = viewer.PersonId;
        var now = time.UtcNow();
        var m = await db.Set<CseMeeting>().AsNoTracking().VisibleTo(me).Where(m => m.Id == meetingId).Select(m => new
        {
            Meeting = m,
            CseName = m.Cse!.Name,
            m.Cse.PresidentId,
            Secretary = new CsePerson(m.Cse.SecretaryId, m.Cse.Secretary!.DisplayName),
            SitsOn = m.Cse.SitsOn(me),
            AdoptedAt = db.Set<CseMeeting>().Where(a => a.Id == m.AdoptedAtMeetingId).Select(a => a.Title).FirstOrDefault(),
        }).SingleOrDefaultAsync(cancellationToken) ?? throw MinutesService.NotFound();

        var meeting = m.Meeting;
        var comments = await db.Set<CseComment>().Where(c => c.MeetingId == meetingId && (m.SitsOn || c.IsEmployerAnswer)).OrderBy(c => c.At).Take(500)
            .Select(c => new CseCommentView(c.Id, c.Author == null ? null : PersonRefs.Of(c.Author, now), c.Text, c.At, c.IsEmployerAnswer))
            .ToListAsync(cancellationToken);
        var later = m.SitsOn
            ? await db.Set<CseMeeting>().Where(l => l.CseId == meeting.CseId && l.HeldAt > meeting.HeldAt).OrderBy(l => l.HeldAt).Take(20)
                .Select(l => new CseMeetingSummary(l.Id, l.Title, l.HeldAt, l.Kind, l.DeadlineAt, l.Status, false, l.PublishedAt)).ToListAsync(cancellationToken)
            : [];
        var secretary = me == m.Secretary.Id;
        var adoption = meeting.AdoptedAtMeetingId is { } at && meeting.AdoptedAt is { } adoptedAt
            ? new MinutesAdoptionView(at, m.AdoptedAt ?? string.Empty, meeting.VotesFor ?? 0, meeting.VotesAgainst ?? 0, meeting.VotesAbstaining ?? 0, adoptedAt)
            : null;
        return new CseMeetingView(
            meeting.Id, meeting.CseId, m.CseName, meeting.Title, meeting.HeldAt, meeting.Kind, meeting.DeadlineAt,
            meeting.Status == MinutesStatus.Draft && meeting.DeadlineAt < now, meeting.Status,
            meeting.Minutes, meeting.MinutesHtml, meeting.MinutesSavedAt, adoption, meeting.PublishedAt, m.Secretary,
            [.. comments.Where(c => !c.IsEmployerAnswer)], [.. comments.Where(c => c.IsEmployerAnswer)], later,
            CanWrite: secretary && meeting.Status == MinutesStatus.Draft,
            CanComment: m.SitsOn && meeting.Status != MinutesStatus.Published,
            CanAdopt: secretary && meeting.Status == MinutesStatus.Draft && meeting.MinutesSavedAt != null,
            CanPublish: secretary && meeting.Status == MinutesStatus.Adopted,
            CanAnswer: me == m.PresidentId && meeting.Status == MinutesStatus.Published);
    }
}
