using Microsoft.EntityFrameworkCore;
using Ruche.Core.Data;
using Ruche.Core.Subjects;

namespace Ruche.Core.Communication;

/// <summary>A company message: read by the people it was delivered to and by its sender, nobody else.</summary>
public sealed class CompanyMessageSubject() : SubjectKind<CompanyMessage>(
    Kind,
    m => m.Id,
    m => false,
    (m, personId) => m.AuthorId == personId || m.Deliveries.Any(d => d.PersonId == personId),
    readers: null)
{
    public const string Kind = "company-message";

    public static readonly CompanyMessageSubject Instance = new();

    public override async Task<IReadOnlyDictionary<long, SubjectLink>> DescribeAsync(RucheDbContext db, IReadOnlyCollection<long> ids, CancellationToken cancellationToken) =>
        await db.Set<CompanyMessage>().Where(m => ids.Contains(m.Id)).Select(m => new { m.Id, m.Title })
            .ToDictionaryAsync(m => m.Id, m => new SubjectLink($"/communication/{m.Id}", m.Title), cancellationToken);
}

public static class CommunicationQueries
{
    public static IQueryable<CompanyMessage> VisibleTo(this IQueryable<CompanyMessage> messages, long viewerId) =>
        messages.Where(Lambda.Bind(CompanyMessageSubject.Instance.Readable, viewerId));
}

/// <summary>What targeted communication tells people (registered by <c>AddCommunication()</c>).</summary>
public static class CommunicationNotifications
{
    /// <summary>A message delivered to its recipients (those of its audience who did not refuse its category).</summary>
    public static readonly Notifications.NotificationKind Message = new("company-message", CompanyMessageSubject.Instance);

    public static readonly IReadOnlyList<Notifications.NotificationKind> All = [Message];
}
