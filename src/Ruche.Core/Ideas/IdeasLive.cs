using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Ruche.Core.Data;
using Ruche.Core.Live;

namespace Ruche.Core.Ideas;

/// <summary>What the live channel says about ideas: ids and counts only (the reader's page updates its count and status badge).</summary>
public interface IIdeasLiveClient
{
    /// <summary>An idea the recipient may read got or lost a vote, or changed status.</summary>
    Task IdeaChanged(IdeaChangedEvent message);
}

/// <param name="Status">new, under-review, accepted, in-progress, done or declined.</param>
public sealed record IdeaChangedEvent(long IdeaId, int Votes, string Status);

/// <summary>Tells whoever may read an idea (<see cref="IdeaSubject"/>'s audience) that it changed, once the change is committed.</summary>
public sealed class IdeasLive(RucheDbContext db, ILiveChannel channel, ILogger<IdeasLive> logger)
{
    public Task IdeaChangedAsync(long ideaId) => LiveDelivery.TryAsync(logger, nameof(IdeaChangedAsync), ideaId, async cancellationToken =>
    {
        var audience = await IdeaSubject.Instance.AudienceAsync(db, ideaId, cancellationToken);
        var idea = await db.Set<Idea>().AsNoTracking().Where(i => i.Id == ideaId).Select(i => new { i.VoteCount, i.Status }).SingleOrDefaultAsync(cancellationToken);
        if (!audience.Exists || idea is null)
        {
            return;
        }

        var readers = audience.CompanyWide ? channel.Company<IIdeasLiveClient>() : channel.People<IIdeasLiveClient>(audience.People);
        await readers.IdeaChanged(new IdeaChangedEvent(ideaId, idea.VoteCount, IdeaInputs.Name(idea.Status)));
    });
}
