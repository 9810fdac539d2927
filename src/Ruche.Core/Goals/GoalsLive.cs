using Microsoft.Extensions.Logging;
using Ruche.Core.Data;
using Ruche.Core.Live;
using Ruche.Core.Posts;

namespace Ruche.Core.Goals;

/// <summary>Tells the readers of a day's goals post that its list changed, once the change is committed.</summary>
public sealed class GoalsLive(RucheDbContext db, ILiveChannel channel, ILogger<GoalsLive> logger)
{
    /// <summary>A day's goals changed (checked off, suggested, answered): readers of its post reload the list.</summary>
    public Task GoalsChangedAsync(long postId) => LiveDelivery.TryAsync(logger, nameof(GoalsChangedAsync), postId, async cancellationToken =>
    {
        if (await LiveEvents.Readers<IGoalsLiveClient>(db, channel, postId, cancellationToken) is { } readers)
        {
            await readers.GoalsChanged(new GoalsChangedEvent(postId));
        }
    });
}
