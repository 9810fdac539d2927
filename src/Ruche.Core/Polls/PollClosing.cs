using Microsoft.EntityFrameworkCore;
using Ruche.Core.Ballots;
using Ruche.Core.Data;
using Ruche.Core.Notifications;

namespace Ruche.Core.Polls;

/// <summary>
/// Closing a poll: marks it closed once (whoever wins the update tells the author), then counts the anonymous ballots
/// still waiting for a batch, however few. Run when the author or a moderator closes it, when a reader opens a poll
/// whose deadline passed, and by the closing pass every minute.
/// </summary>
public sealed class PollClosing(RucheDbContext db, BallotBox box, Notifier notifier, PollsLive live, TimeProvider time)
{
    /// <summary>Closes the poll at <paramref name="closedAt"/> if still open; counts what waits either way.</summary>
    public async Task CloseAsync(long pollId, DateTime closedAt, long? closedBy, CancellationToken ct)
    {
        var closedNow = await db.Set<Poll>().Where(p => p.Id == pollId && p.ClosedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.ClosedAt, closedAt), ct) == 1;
        var poll = await db.Set<Poll>().AsNoTracking().Where(p => p.Id == pollId)
            .Select(p => new { p.Anonymous, p.PostId, p.Post!.AuthorId }).SingleAsync(ct);
        if (poll.Anonymous)
        {
            await box.CloseAsync(PollCounter.Kind, pollId, ct);
        }

        if (closedNow && poll.AuthorId is { } author)
        {
            await notifier.NotifyAsync(PollNotifications.Closed, closedBy, [author], poll.PostId);
        }

        if (closedNow || poll.Anonymous)
        {
            await live.PollChangedAsync(pollId);
        }
    }

    /// <summary>
    /// Polls among <paramref name="pollIds"/> (all when null) whose deadline passed while open, or closed with anonymous
    /// ballots still waiting: closes and counts them. Returns how many it settled.
    /// </summary>
    public async Task<int> SettleAsync(IReadOnlyCollection<long>? pollIds, CancellationToken ct)
    {
        var now = time.UtcNow();
        var polls = db.Set<Poll>().AsQueryable();
        if (pollIds is not null)
        {
            polls = polls.Where(p => pollIds.Contains(p.Id));
        }

        var due = await polls
            .Where(p => (p.ClosedAt == null && p.ClosesAt <= now)
                || (p.ClosedAt != null && p.Anonymous && db.Set<SealedBallot>().Any(b => b.BoxKind == PollCounter.Kind && b.BoxId == p.Id)))
            .Select(p => new { p.Id, p.ClosesAt })
            .ToListAsync(ct);
        foreach (var poll in due)
        {
            await CloseAsync(poll.Id, poll.ClosesAt is { } deadline && deadline <= now ? deadline : now, null, ct);
        }

        return due.Count;
    }
}
