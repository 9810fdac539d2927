using Microsoft.EntityFrameworkCore;
using Ruche.Core.Common;
using Ruche.Core.Data;
using Ruche.Core.Targeting;

namespace Ruche.Core.Communication;

/// <summary>
/// What a sender learns of their messages: counts of at least k people (recipients, readers, per site and per
/// department, suppressed by <see cref="ReachCounts"/>), never who read one.
/// </summary>
public sealed class MessageReachService(RucheDbContext db, AudienceFilter audiences)
{
    public async Task<IReadOnlyList<SentMessage>> SentAsync(Viewer viewer, CancellationToken cancellationToken)
    {
        CommunicationService.RequireSender(viewer);
        var rows = await db.Set<CompanyMessage>().Where(m => m.AuthorId == viewer.PersonId)
            .OrderByDescending(m => m.SentAt).ThenByDescending(m => m.Id).Take(CommunicationLimits.ListMax)
            .Select(m => new
            {
                m.Id, m.Title, m.Category, m.SentAt, m.Recipients, m.Reads,
                Site = m.AudienceSiteId == null ? null : db.Sites.Where(s => s.Id == m.AudienceSiteId).Select(s => s.Name).FirstOrDefault(),
                Department = m.AudienceDepartmentId == null ? null : db.Departments.Where(d => d.Id == m.AudienceDepartmentId).Select(d => d.Name).FirstOrDefault(),
                m.AudienceSiteId, m.AudienceDepartmentId, m.AudienceJobCategory, m.AudienceTopic,
            })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r => new SentMessage(
            r.Id, r.Title, r.Category.Name(), r.SentAt,
            new AudienceView(r.AudienceSiteId, r.Site, r.AudienceDepartmentId, r.Department, r.AudienceJobCategory, r.AudienceTopic),
            ReachCounts.Counted(r.Recipients),
            ReachCounts.Reads(r.Recipients, r.Reads)))];
    }

    /// <summary>One message's reach, for its sender only (anyone else: not found, as if it did not exist).</summary>
    public async Task<MessageReach> ReachAsync(Viewer viewer, long messageId, CancellationToken cancellationToken)
    {
        CommunicationService.RequireSender(viewer);
        var message = await db.Set<CompanyMessage>().Where(m => m.Id == messageId && m.AuthorId == viewer.PersonId)
            .Select(m => new { m.Recipients, m.Reads }).SingleOrDefaultAsync(cancellationToken) ?? throw MessageReading.NotFound();
        var deliveries = db.Set<MessageDelivery>().Where(d => d.MessageId == messageId);
        var bySite = await deliveries.GroupBy(d => d.Person!.Site!.Name)
            .Select(g => new GroupReach(g.Key ?? string.Empty, g.Count(), g.Count(d => d.IsRead))).ToListAsync(cancellationToken);
        var byDepartment = await deliveries.GroupBy(d => d.Person!.Department!.Name)
            .Select(g => new GroupReach(g.Key ?? string.Empty, g.Count(), g.Count(d => d.IsRead))).ToListAsync(cancellationToken);
        var sites = ReachCounts.Suppress(bySite);
        var departments = ReachCounts.Suppress(byDepartment);
        return new MessageReach(messageId, ReachCounts.Counted(message.Recipients), ReachCounts.Reads(message.Recipients, message.Reads), sites.Shown, sites.Others, departments.Shown, departments.Others);
    }

    /// <summary>Names of an audience, for the sender's form (the sites and departments to choose from are public).</summary>
    public Task<AudienceView> DescribeAsync(Audience audience, CancellationToken cancellationToken) => audiences.DescribeAsync(audience, cancellationToken);
}
