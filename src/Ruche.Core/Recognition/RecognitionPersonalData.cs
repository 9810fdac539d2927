using Microsoft.EntityFrameworkCore;
using Ruche.Core.Data;
using Ruche.Core.PersonalData;

namespace Ruche.Core.Recognition;

/// <summary>A person's kudos given and received, badges, helpful marks on their comments, questions and their choice about feeds, for their export.</summary>
public sealed class RecognitionPersonalData(RucheDbContext db) : IPersonalDataSource
{
    public async Task ExportAsync(long personId, PersonalDataSections sections, CancellationToken cancellationToken) =>
        sections.Add("recognition", new
        {
            kudosGiven = await db.Set<Kudos>().AsNoTracking().Where(k => k.GiverId == personId).OrderBy(k => k.Id)
                .Select(k => new { k.Id, toPersonId = k.PersonId, toSpaceId = k.SpaceId, value = k.Value!.LabelFr, k.Message, k.CreatedAt }).ToListAsync(cancellationToken),
            kudosReceived = await db.Set<Kudos>().AsNoTracking().Where(k => k.PersonId == personId).OrderBy(k => k.Id)
                .Select(k => new { k.Id, fromPersonId = k.GiverId, value = k.Value!.LabelFr, k.Message, k.CreatedAt }).ToListAsync(cancellationToken),
            badges = await db.Set<EarnedBadge>().AsNoTracking().Where(b => b.PersonId == personId).OrderBy(b => b.EarnedAt)
                .Select(b => new { b.Badge, b.EarnedAt }).ToListAsync(cancellationToken),
            commentsMarkedHelpful = await db.Set<HelpfulMark>().AsNoTracking().Where(m => db.Comments.Any(c => c.Id == m.CommentId && c.AuthorId == personId))
                .OrderBy(m => m.CommentId).Select(m => new { m.CommentId, m.PostId, m.MarkedAt }).ToListAsync(cancellationToken),
            questionsAsked = await db.Set<Question>().AsNoTracking().Where(q => q.Post!.AuthorId == personId).OrderBy(q => q.PostId)
                .Select(q => new { q.PostId, q.AskedAt, q.BestCommentId }).ToListAsync(cancellationToken),
            showKudosInFeeds = await db.Set<RecognitionPreference>().Where(p => p.PersonId == personId).Select(p => (bool?)p.ShowKudosInFeeds).SingleOrDefaultAsync(cancellationToken) ?? false,
        });
}
