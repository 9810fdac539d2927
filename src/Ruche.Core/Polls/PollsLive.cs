using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Ruche.Core.Data;
using Ruche.Core.Live;
using Ruche.Core.Posts;

namespace Ruche.Core.Polls;

/// <summary>
/// What the live channel says about polls: ids only, never counts, since whether a reader may see the results yet
/// depends on the poll and on them (the page reads them again through the normal, authorised read).
/// </summary>
public interface IPollsLiveClient
{
    /// <summary>A poll the recipient may read has new counts (a named vote, a batch of anonymous ballots counted) or closed.</summary>
    Task PollChanged(PollChangedEvent message);
}

public sealed record PollChangedEvent(long PollId, long PostId, bool Closed);

/// <summary>
/// Tells whoever may read a poll's post (<see cref="PostSubject"/>'s audience) that its counts moved or it closed, once
/// committed. An anonymous ballot waiting for its batch says nothing: only a counted batch moves the counts, so the
/// message's time never points at one voter.
/// </summary>
public sealed class PollsLive(RucheDbContext db, ILiveChannel channel, ILogger<PollsLive> logger)
{
    public Task PollChangedAsync(long pollId) => LiveDelivery.TryAsync(logger, nameof(PollChangedAsync), pollId, async cancellationToken =>
    {
        var poll = await db.Set<Poll>().AsNoTracking().Where(p => p.Id == pollId).Select(p => new { p.PostId, p.ClosedAt }).SingleOrDefaultAsync(cancellationToken);
        if (poll is not null && await LiveEvents.Readers<IPollsLiveClient>(db, channel, poll.PostId, cancellationToken) is { } readers)
        {
            await readers.PollChanged(new PollChangedEvent(pollId, poll.PostId, poll.ClosedAt is not null));
        }
    });
}
