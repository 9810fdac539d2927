using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Ruche.Core.Data;
using Ruche.Core.Live;

namespace Ruche.Core.Wiki;

/// <summary>What the live channel says about pages, to whoever may read the page.</summary>
public interface IWikiLiveClient
{
    /// <summary>Someone has a page open in its editor ("X modifie cette page"): their id and the name the page shows anyway.</summary>
    Task PageEditing(PageEditingEvent message);

    /// <summary>A page got a new revision.</summary>
    Task PageSaved(PageSavedEvent message);
}

public sealed record PageEditingEvent(long PageId, long PersonId, string DisplayName);

public sealed record PageSavedEvent(long PageId, int Number, long PersonId);

/// <summary>Tells whoever may read a page (<see cref="WikiPageSubject"/>'s audience), after the commit.</summary>
public sealed class WikiLive(RucheDbContext db, ILiveChannel channel, ILogger<WikiLive> logger)
{
    public Task EditingAsync(long pageId, long personId) => LiveDelivery.TryAsync(logger, nameof(EditingAsync), pageId, async cancellationToken =>
    {
        var name = await db.People.AsNoTracking().Where(p => p.Id == personId).Select(p => p.DisplayName).SingleOrDefaultAsync(cancellationToken);
        var readers = await ReadersAsync(pageId, personId, cancellationToken);
        if (name is not null && readers is not null)
        {
            await readers.PageEditing(new PageEditingEvent(pageId, personId, name));
        }
    });

    public Task SavedAsync(long pageId, int number, long personId) => LiveDelivery.TryAsync(logger, nameof(SavedAsync), pageId, async cancellationToken =>
    {
        var readers = await ReadersAsync(pageId, personId, cancellationToken);
        if (readers is not null)
        {
            await readers.PageSaved(new PageSavedEvent(pageId, number, personId));
        }
    });

    /// <summary>The page's readers but the person acting (their own page knows already).</summary>
    private async Task<IWikiLiveClient?> ReadersAsync(long pageId, long actorId, CancellationToken cancellationToken)
    {
        var audience = await WikiPageSubject.Instance.AudienceAsync(db, pageId, cancellationToken);
        if (!audience.Exists)
        {
            return null;
        }

        if (audience.CompanyWide)
        {
            return channel.Company<IWikiLiveClient>();
        }

        var people = audience.People.Where(p => p != actorId).ToList();
        return people.Count == 0 ? null : channel.People<IWikiLiveClient>(people);
    }
}
