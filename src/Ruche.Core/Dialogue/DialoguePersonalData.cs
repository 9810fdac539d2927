using Microsoft.EntityFrameworkCore;
using Ruche.Core.Data;
using Ruche.Core.PersonalData;
using Ruche.Core.Sealing;

namespace Ruche.Core.Dialogue;

/// <summary>
/// For a person's own export: their answers to each union's broadcasts, and the questions they asked the unions with
/// the thread. Only their own: a delegate's export does not carry the people who wrote to the union.
/// </summary>
public sealed class DialoguePersonalData(RucheDbContext db, Sealer sealer) : IPersonalDataSource
{
    public async Task ExportAsync(long personId, PersonalDataSections sections, CancellationToken cancellationToken)
    {
        sections.Add("unionBroadcastChoices", await db.Set<BroadcastChoice>().AsNoTracking().Where(c => c.PersonId == personId)
            .Join(db.Set<Union>(), c => c.UnionId, u => u.Id, (c, u) => new { union = u.Name, channel = c.Channel.Name(), c.Accepts, c.ChangedAt })
            .ToListAsync(cancellationToken));
        var questions = await db.Set<UnionQuestion>().AsNoTracking().Where(q => q.AskerId == personId).OrderBy(q => q.Id)
            .Select(q => new { q.Id, union = q.Union!.Name, q.SealedBody, q.AskedAt, Replies = q.Replies.OrderBy(r => r.At).Select(r => new { r.SealedBody, r.At, Mine = r.AuthorId == personId }).ToList() })
            .ToListAsync(cancellationToken);
        sections.Add("unionQuestions", questions.Select(q => new
        {
            q.union,
            question = sealer.OpenText(q.SealedBody, "union-question"),
            q.AskedAt,
            replies = q.Replies.Select(r => new { text = sealer.OpenText(r.SealedBody, "union-question"), r.At, fromYou = r.Mine }).ToList(),
        }).ToList());
    }
}
