using Microsoft.EntityFrameworkCore;
using Ruche.Core.Common;
using Ruche.Core.Data;
using Ruche.Core.PersonalData;

namespace Ruche.Core.Communication;

/// <summary>For a person's own export: the categories they refused and the messages delivered to them, with their own read flag.</summary>
public sealed class CommunicationPersonalData(RucheDbContext db) : IPersonalDataSource
{
    public async Task ExportAsync(long personId, PersonalDataSections sections, CancellationToken cancellationToken)
    {
        var refused = await db.Set<MessageOptOut>().AsNoTracking().Where(o => o.PersonId == personId).Select(o => new { o.Category, o.ChangedAt }).ToListAsync(cancellationToken);
        sections.Add("companyMessageRefusals", refused.Select(o => new { category = o.Category.Name(), o.ChangedAt }).ToList());
        sections.Add("companyMessagesReceived", await db.Set<MessageDelivery>().AsNoTracking().Where(d => d.PersonId == personId)
            .Join(db.Set<CompanyMessage>(), d => d.MessageId, m => m.Id, (d, m) => new { m.Title, m.SentAt, read = d.IsRead })
            .OrderBy(m => m.SentAt).ToListAsync(cancellationToken));
        sections.Add("companyMessagesSent", await db.Set<CompanyMessage>().AsNoTracking().Where(m => m.AuthorId == personId)
            .OrderBy(m => m.SentAt).Select(m => new { m.Title, m.SentAt }).ToListAsync(cancellationToken));
    }
}

/// <summary>Who sees a person's relation with company messages: their refusals and read flags, nobody but them (senders see counts of k or more).</summary>
public sealed class CommunicationDisclosure(RucheDbContext db) : IDisclosureSource
{
    public async Task<IReadOnlyList<Disclosure>> DescribeAsync(Viewer viewer, CancellationToken cancellationToken)
    {
        var me = viewer.PersonId;
        var refusals = await db.Set<MessageOptOut>().CountAsync(o => o.PersonId == me, cancellationToken);
        var reads = await db.Set<MessageDelivery>().CountAsync(d => d.PersonId == me && d.IsRead, cancellationToken);
        return [new Disclosure("communication-refusals", refusals, Audiences.OnlyYou), new Disclosure("communication-reads", reads, Audiences.OnlyYou)];
    }
}
