namespace Ruche.Core.Access;

/// <summary>
/// A feature that must know when a person's roles change (the reporting channel, whose referents are a role): told
/// inside the change's transaction, to record it with the change, then after the commit, to tell people.
/// </summary>
public interface IRoleChangeWatcher
{
    Task RecordAsync(RoleChange change, CancellationToken cancellationToken);

    Task AnnounceAsync(RoleChange change, CancellationToken cancellationToken);
}

/// <param name="ActorId">The administrator who changed them.</param>
public sealed record RoleChange(long ActorId, long PersonId, IReadOnlySet<string> Added, IReadOnlySet<string> Removed);
