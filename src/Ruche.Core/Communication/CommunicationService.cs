using Microsoft.EntityFrameworkCore;
using Ruche.Core.Audit;
using Ruche.Core.Common;
using Ruche.Core.Content;
using Ruche.Core.Data;
using Ruche.Core.Notifications;
using Ruche.Core.Targeting;

namespace Ruche.Core.Communication;

/// <summary>
/// Sending a targeted message: HR or the *community manager social* only; the audience is narrowed to the active people
/// it names, less those who refused the message's category (held at this very send), less the sender. Each recipient
/// gets a delivery and a notification; the message keeps a count of them.
/// </summary>
public sealed class CommunicationService(RucheDbContext db, AudienceFilter audiences, ContentRenderer renderer, Notifier notifier, AuditLog audit, TimeProvider time)
{
    public static bool MaySend(Viewer viewer) => viewer.IsInRole(RoleNames.Communication) || viewer.IsInRole(RoleNames.HumanResources);

    public async Task<long> SendAsync(Viewer viewer, NewMessage request, CancellationToken cancellationToken)
    {
        RequireSender(viewer);
        var title = request.Title?.Trim();
        if (string.IsNullOrEmpty(title) || title.Length > CommunicationLimits.TitleMaxLength)
        {
            throw RucheException.Invalid("communication.title-invalid", $"A message needs a title of 1 to {CommunicationLimits.TitleMaxLength} characters.");
        }

        var text = request.Body?.Trim();
        if (string.IsNullOrEmpty(text) || text.Length > CommunicationLimits.BodyMaxLength)
        {
            throw RucheException.Invalid("communication.body-invalid", $"A message needs a text of 1 to {CommunicationLimits.BodyMaxLength} characters.");
        }

        var category = MessageCategories.Parse(request.Category);
        var audience = await audiences.ValidateAsync(request.Audience, cancellationToken);
        var rendered = await renderer.RenderAsync(text, cancellationToken);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var me = viewer.PersonId;
        var recipients = await audiences.PeopleOf(audience)
            .Where(p => p.Id != me && !db.Set<MessageOptOut>().Any(o => o.PersonId == p.Id && o.Category == category))
            .Select(p => p.Id)
            .ToListAsync(cancellationToken);
        var message = new CompanyMessage
        {
            AuthorId = me,
            Title = title,
            Body = text,
            BodyHtml = rendered.Html,
            Category = category,
            AudienceSiteId = audience.SiteId,
            AudienceDepartmentId = audience.DepartmentId,
            AudienceJobCategory = audience.JobCategory,
            AudienceTopic = audience.Topic,
            SentAt = time.UtcNow(),
            Recipients = recipients.Count,
            Deliveries = [.. recipients.Select(id => new MessageDelivery { PersonId = id })],
        };
        db.Add(message);
        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync(me, "communication.message-sent", $"company-message:{message.Id}", new { recipients = ReachCounts.Counted(recipients.Count) }, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        await notifier.NotifyAsync(CommunicationNotifications.Message, me, recipients, message.Id);
        return message.Id;
    }

    internal static void RequireSender(Viewer viewer)
    {
        if (!MaySend(viewer))
        {
            throw RucheException.Forbidden("communication.senders-only", "Only HR and the company's communication send targeted messages.");
        }
    }
}
