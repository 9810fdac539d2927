using Microsoft.EntityFrameworkCore;
using Ruche.Core.Common;
using Ruche.Core.Content;
using Ruche.Core.Data;
using Ruche.Core.Spaces;

namespace Ruche.Core.Follows;

/// <summary>Following people, tags and spaces. Every call is idempotent.</summary>
public sealed class FollowService(RucheDbContext db, SpaceService spaces, TimeProvider time)
{
    public async Task FollowPersonAsync(Viewer viewer, long personId, CancellationToken cancellationToken)
    {
        if (personId == viewer.PersonId)
        {
            throw RucheException.Invalid("follow.self", "You cannot follow yourself.");
        }

        await RequirePersonAsync(personId, cancellationToken);
        if (!await db.PersonFollows.AnyAsync(f => f.FollowerId == viewer.PersonId && f.FolloweeId == personId, cancellationToken))
        {
            db.PersonFollows.Add(new PersonFollow { FollowerId = viewer.PersonId, FolloweeId = personId, CreatedAt = time.UtcNow() });
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    public async Task UnfollowPersonAsync(Viewer viewer, long personId, CancellationToken cancellationToken)
    {
        await RequirePersonAsync(personId, cancellationToken);
        await db.PersonFollows.Where(f => f.FollowerId == viewer.PersonId && f.FolloweeId == personId).ExecuteDeleteAsync(cancellationToken);
    }

    public async Task FollowTagAsync(Viewer viewer, string tag, CancellationToken cancellationToken)
    {
        var key = TagKey(tag);
        if (!await db.TagFollows.AnyAsync(f => f.PersonId == viewer.PersonId && f.Tag == key, cancellationToken))
        {
            db.TagFollows.Add(new TagFollow { PersonId = viewer.PersonId, Tag = key, CreatedAt = time.UtcNow() });
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    public async Task UnfollowTagAsync(Viewer viewer, string tag, CancellationToken cancellationToken)
    {
        var key = TagKey(tag);
        await db.TagFollows.Where(f => f.PersonId == viewer.PersonId && f.Tag == key).ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>Follows a space the viewer may read, bringing its posts home without joining it.</summary>
    public async Task FollowSpaceAsync(Viewer viewer, long spaceId, CancellationToken cancellationToken)
    {
        var space = await spaces.GetReadableAsync(viewer, spaceId, "Only members follow this space.", cancellationToken);

        if (!await db.SpaceFollows.AnyAsync(f => f.PersonId == viewer.PersonId && f.SpaceId == spaceId, cancellationToken))
        {
            db.SpaceFollows.Add(new SpaceFollow { PersonId = viewer.PersonId, SpaceId = spaceId, CreatedAt = time.UtcNow() });
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    public async Task UnfollowSpaceAsync(Viewer viewer, long spaceId, CancellationToken cancellationToken)
    {
        await spaces.GetAsync(viewer, spaceId, cancellationToken);
        await db.SpaceFollows.Where(f => f.PersonId == viewer.PersonId && f.SpaceId == spaceId).ExecuteDeleteAsync(cancellationToken);
    }

    public async Task<Following> FollowingAsync(Viewer viewer, CancellationToken cancellationToken)
    {
        var me = viewer.PersonId;
        var people = await db.PersonFollows.Where(f => f.FollowerId == me).Select(f => f.FolloweeId).ToListAsync(cancellationToken);
        var tags = await db.TagFollows.Where(f => f.PersonId == me).OrderBy(f => f.Tag).Select(f => f.Tag).ToListAsync(cancellationToken);
        var followedSpaces = await db.SpaceFollows.Where(f => f.PersonId == me).Select(f => f.SpaceId).ToListAsync(cancellationToken);
        return new Following(people, tags, followedSpaces);
    }

    public Task<bool> IsFollowingPersonAsync(Viewer viewer, long personId, CancellationToken cancellationToken) =>
        db.PersonFollows.AnyAsync(f => f.FollowerId == viewer.PersonId && f.FolloweeId == personId, cancellationToken);

    public Task<bool> IsFollowingTagAsync(Viewer viewer, string tag, CancellationToken cancellationToken)
    {
        var key = TagKey(tag);
        return db.TagFollows.AnyAsync(f => f.PersonId == viewer.PersonId && f.Tag == key, cancellationToken);
    }

    public Task<bool> IsFollowingSpaceAsync(Viewer viewer, long spaceId, CancellationToken cancellationToken) =>
        db.SpaceFollows.AnyAsync(f => f.PersonId == viewer.PersonId && f.SpaceId == spaceId, cancellationToken);

    private async Task RequirePersonAsync(long personId, CancellationToken cancellationToken)
    {
        if (!await db.People.AnyAsync(p => p.Id == personId, cancellationToken))
        {
            throw RucheException.NotFound("person.not-found", "No such person.");
        }
    }

    private static string TagKey(string tag) => Tags.Normalize(tag) ?? throw RucheException.Invalid("tag.invalid", "Not a valid tag.");
}

public sealed record Following(IReadOnlyList<long> PersonIds, IReadOnlyList<string> Tags, IReadOnlyList<long> SpaceIds);
