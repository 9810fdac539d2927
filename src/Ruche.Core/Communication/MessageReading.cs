using Microsoft.EntityFrameworkCore;
using Ruche.Core.Common;
using Ruche.Core.Data;
using Ruche.Core.People;

namespace Ruche.Core.Communication;

/// <summary>
/// Reading company messages: a recipient opens one (the first opening sets their own flag and adds one to the
/// message's counter, both without a time), lists theirs; nobody else reads them but the sender.
/// </summary>
public sealed class MessageReading(RucheDbContext db, TimeProvider time)
{
    public async Task<MessageView> OpenAsync(Viewer viewer, long messageId, CancellationToken cancellationToken)
    {
        var me = viewer.PersonId;
        var now = time.UtcNow();
        var view = await db.Set<CompanyMessage>().VisibleTo(me).Where(m => m.Id == messageId)
            .Select(m => new MessageView(
                m.Id,
                m.Title,
                m.BodyHtml,
                m.Category.ToString(),
                m.SentAt,
                m.Author == null ? null : PersonRefs.Of(m.Author, now),
                m.AuthorId == me,
                m.Category != MessageCategory.Essential,
                db.Set<MessageOptOut>().Any(o => o.PersonId == me && o.Category == m.Category)))
            .SingleOrDefaultAsync(cancellationToken) ?? throw NotFound();

        // Counted once: the flag flips in the same statement that finds it unset, so two tabs count one reading.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var flipped = await db.Set<MessageDelivery>().Where(d => d.MessageId == messageId && d.PersonId == me && !d.IsRead)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.IsRead, true), cancellationToken);
        if (flipped == 1)
        {
            await db.Set<CompanyMessage>().Where(m => m.Id == messageId).ExecuteUpdateAsync(s => s.SetProperty(m => m.Reads, m => m.Reads + 1), cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return view with { Category = Enum.Parse<MessageCategory>(view.Category).Name() };
    }

    /// <summary>The messages delivered to the viewer, newest first, with their own read flag.</summary>
    public async Task<IReadOnlyList<InboxItem>> InboxAsync(Viewer viewer, CancellationToken cancellationToken)
    {
        var me = viewer.PersonId;
        var rows = await db.Set<MessageDelivery>().Where(d => d.PersonId == me)
            .Join(db.Set<CompanyMessage>(), d => d.MessageId, m => m.Id, (d, m) => new { m.Id, m.Title, m.Category, m.SentAt, d.IsRead })
            .OrderByDescending(r => r.SentAt).ThenByDescending(r => r.Id).Take(CommunicationLimits.ListMax)
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r => new InboxItem(r.Id, r.Title, r.Category.Name(), r.SentAt, r.IsRead))];
    }

    internal static RucheException NotFound() => RucheException.NotFound("communication.message-not-found", "No such message.");
}
