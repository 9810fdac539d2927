using Microsoft.EntityFrameworkCore;
using Ruche.Core.Common;
using Ruche.Core.Data;
using Ruche.Core.Notifications;
using Ruche.Core.People;

namespace Ruche.Core.Spaces;

/// <summary>Creating spaces and managing who is in them.</summary>
public sealed class SpaceService(RucheDbContext db, Notifier notifier, TimeProvider time)
{
    public async Task<IReadOnlyList<SpaceSummary>> ListAsync(Viewer viewer, CancellationToken cancellationToken) =>
        await Summaries(db.Spaces.ListedTo(viewer.PersonId).OrderByDescending(s => s.IsDefault).ThenBy(s => s.Name), viewer.PersonId)
            .ToListAsync(cancellationToken);

    /// <summary>The spaces the viewer is an active member of, the company-wide one first, for the navigation rail.</summary>
    public async Task<IReadOnlyList<SpaceLink>> MineAsync(Viewer viewer, int limit, CancellationToken cancellationToken) =>
        await db.Spaces.Where(s => s.HasActiveMember(viewer.PersonId))
            .OrderByDescending(s => s.IsDefault).ThenBy(s => s.Name)
            .Take(limit)
            .Select(s => new SpaceLink(s.Id, s.Name))
            .ToListAsync(cancellationToken);

    /// <summary>The space as this viewer may see it; a secret space is "not found" to a non-member.</summary>
    public async Task<SpaceSummary> GetAsync(Viewer viewer, long spaceId, CancellationToken cancellationToken) =>
        await Summaries(db.Spaces.ListedTo(viewer.PersonId).Where(s => s.Id == spaceId), viewer.PersonId)
            .SingleOrDefaultAsync(cancellationToken)
        ?? throw NotFound();

    /// <summary>
    /// The space, when the viewer may read what lives in it (<see cref="SpaceRules.IsReadableBy"/>, evaluated in the
    /// same query): a secret space is "not found" to a non-member, a private one is forbidden with <paramref name="refusal"/>.
    /// </summary>
    public async Task<SpaceSummary> GetReadableAsync(Viewer viewer, long spaceId, string refusal, CancellationToken cancellationToken)
    {
        var space = await GetAsync(viewer, spaceId, cancellationToken);
        return space.CanRead ? space : throw RucheException.Forbidden("space.members-only", refusal);
    }

    public async Task<SpaceSummary> CreateAsync(Viewer viewer, NewSpace request, CancellationToken cancellationToken)
    {
        var name = request.Name?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > Limits.SpaceNameMaxLength)
        {
            throw RucheException.Invalid("space.name-invalid", $"A space needs a name of 1 to {Limits.SpaceNameMaxLength} characters.");
        }

        var description = string.IsNullOrWhiteSpace(request.Description) ? null : request.Description.Trim();
        if (description?.Length > Limits.SpaceDescriptionMaxLength)
        {
            throw RucheException.Invalid("space.description-too-long", $"A space description holds at most {Limits.SpaceDescriptionMaxLength} characters.");
        }

        if (!Enum.IsDefined(request.Kind) || !Enum.IsDefined(request.Visibility))
        {
            throw RucheException.Invalid("space.kind-invalid", "Unknown space kind or visibility.");
        }

        if (SpaceKinds.KeepMembersPrivate(request.Kind))
        {
            // Whoever created it would own it: a union's space comes with the union an administrator records, owned by its delegates.
            throw RucheException.Forbidden("space.kind-reserved", "Union and staff-representation spaces come with the body they serve, owned by its delegates.");
        }

        var now = time.UtcNow();
        var space = new Space
        {
            Name = name,
            Description = description,
            Kind = request.Kind,
            Visibility = request.Visibility,
            CreatedAt = now,
            CreatedById = viewer.PersonId,
            Members = [new SpaceMembership { PersonId = viewer.PersonId, Role = SpaceRole.Owner, Status = MembershipStatus.Active, CreatedAt = now }],
        };
        db.Spaces.Add(space);
        await db.SaveChangesAsync(cancellationToken);
        return await GetAsync(viewer, space.Id, cancellationToken);
    }

    /// <summary>
    /// Adds a union or staff-representation space owned by <paramref name="ownerIds"/> (its delegates), to be saved with the
    /// caller's change: nobody else is in it, least of all the administrator who recorded the body it serves.
    /// </summary>
    public async Task<Space> AddRepresentationSpaceAsync(
        long createdById, SpaceKind kind, string name, string? description, IReadOnlyCollection<long> ownerIds, CancellationToken cancellationToken)
    {
        if (!SpaceKinds.KeepMembersPrivate(kind))
        {
            throw RucheException.Invalid("space.kind-invalid", "Only union and staff-representation spaces are owned by delegates.");
        }

        await RequireNoAdministratorAsync(ownerIds, cancellationToken);
        var now = time.UtcNow();
        var space = new Space
        {
            Name = name,
            Description = description,
            Kind = kind,
            Visibility = SpaceVisibility.Open,
            CreatedAt = now,
            CreatedById = createdById,
            Members = [.. ownerIds.Distinct().Select(id => new SpaceMembership { PersonId = id, Role = SpaceRole.Owner, Status = MembershipStatus.Active, CreatedAt = now })],
        };
        db.Spaces.Add(space);
        return space;
    }

    /// <summary>
    /// Makes <paramref name="ownerIds"/> the owners of a representation space (the union's delegates now), to be saved with the
    /// caller's change: former owners who are no longer delegates become plain members, members stay.
    /// </summary>
    public async Task SetRepresentationOwnersAsync(long spaceId, IReadOnlyCollection<long> ownerIds, CancellationToken cancellationToken)
    {
        await RequireNoAdministratorAsync(ownerIds, cancellationToken);
        var memberships = await db.SpaceMemberships.Where(m => m.SpaceId == spaceId).ToListAsync(cancellationToken);
        var now = time.UtcNow();
        foreach (var membership in memberships)
        {
            var owner = ownerIds.Contains(membership.PersonId);
            membership.Role = owner ? SpaceRole.Owner : membership.Role == SpaceRole.Owner ? SpaceRole.Member : membership.Role;
            membership.Status = owner ? MembershipStatus.Active : membership.Status;
        }

        db.SpaceMemberships.AddRange(ownerIds.Distinct().Where(id => memberships.All(m => m.PersonId != id)).Select(id => new SpaceMembership
        {
            SpaceId = spaceId,
            PersonId = id,
            Role = SpaceRole.Owner,
            Status = MembershipStatus.Active,
            CreatedAt = now,
        }));
    }

    /// <summary>Whether the person owns or moderates a space whose members are private (who may then not become an administrator).</summary>
    public Task<bool> ModeratesPrivateMembershipAsync(long personId, CancellationToken cancellationToken) =>
        db.SpaceMemberships.AnyAsync(m => m.PersonId == personId && m.IsModerating() && m.Space!.KeepsMembersPrivate(), cancellationToken);

    /// <summary>Joins an open space, or asks to join a private one. Joining twice changes nothing.</summary>
    public async Task<MembershipStatus> JoinAsync(Viewer viewer, long spaceId, CancellationToken cancellationToken)
    {
        var space = await GetAsync(viewer, spaceId, cancellationToken);
        if (space.MyStatus is { } status)
        {
            return status;
        }

        if (space.Visibility == SpaceVisibility.Secret)
        {
            // Reached only by someone already listed as pending: secret spaces are joined by invitation.
            throw NotFound();
        }

        var membership = new SpaceMembership
        {
            SpaceId = spaceId,
            PersonId = viewer.PersonId,
            Role = SpaceRole.Member,
            Status = space.JoinsDirectly ? MembershipStatus.Active : MembershipStatus.Pending,
            CreatedAt = time.UtcNow(),
        };
        db.SpaceMemberships.Add(membership);
        await db.SaveChangesAsync(cancellationToken);
        var kind = membership.Status == MembershipStatus.Active ? SpaceNotifications.NewMember : SpaceNotifications.JoinRequest;
        await notifier.NotifyAsync(kind, viewer.PersonId, await ModeratorIdsAsync(spaceId, cancellationToken), spaceId);
        return membership.Status;
    }

    public async Task LeaveAsync(Viewer viewer, long spaceId, CancellationToken cancellationToken)
    {
        var membership = await db.SpaceMemberships.SingleOrDefaultAsync(m => m.SpaceId == spaceId && m.PersonId == viewer.PersonId, cancellationToken);
        if (membership is null)
        {
            await GetAsync(viewer, spaceId, cancellationToken);
            return;
        }

        await RequireAnOwnerKeptAsync(membership, null, cancellationToken);
        db.SpaceMemberships.Remove(membership);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Adds a person directly (how secret spaces grow) or approves their pending request.</summary>
    public async Task AddMemberAsync(Viewer viewer, long spaceId, long personId, CancellationToken cancellationToken)
    {
        await RequireModeratorAsync(viewer, spaceId, cancellationToken);
        if (!await db.People.AnyAsync(p => p.Id == personId && p.IsActive, cancellationToken))
        {
            throw RucheException.NotFound("person.not-found", "No such person.");
        }

        var membership = await db.SpaceMemberships.SingleOrDefaultAsync(m => m.SpaceId == spaceId && m.PersonId == personId, cancellationToken);
        if (membership?.Status == MembershipStatus.Active)
        {
            return;
        }

        if (membership is null)
        {
            db.SpaceMemberships.Add(new SpaceMembership
            {
                SpaceId = spaceId,
                PersonId = personId,
                Role = SpaceRole.Member,
                Status = MembershipStatus.Active,
                CreatedAt = time.UtcNow(),
            });
        }
        else
        {
            membership.Status = MembershipStatus.Active;
        }

        await db.SaveChangesAsync(cancellationToken);

        // The newcomer is the actor; the moderator who let them in did it themselves and hears nothing.
        var others = (await ModeratorIdsAsync(spaceId, cancellationToken)).Where(id => id != viewer.PersonId);
        await notifier.NotifyAsync(SpaceNotifications.NewMember, personId, others, spaceId);
    }

    private Task<List<long>> ModeratorIdsAsync(long spaceId, CancellationToken cancellationToken) =>
        db.Spaces.Where(s => s.Id == spaceId).SelectMany(s => s.ModeratorIds()).ToListAsync(cancellationToken);

    /// <summary>Removes a member or declines a pending request.</summary>
    public async Task RemoveMemberAsync(Viewer viewer, long spaceId, long personId, CancellationToken cancellationToken)
    {
        var myRole = await RequireModeratorAsync(viewer, spaceId, cancellationToken);
        var membership = await db.SpaceMemberships.SingleOrDefaultAsync(m => m.SpaceId == spaceId && m.PersonId == personId, cancellationToken)
            ?? throw RucheException.NotFound("space.member-not-found", "This person is not in the space.");
        if (!SpaceRights.MayRemove(myRole, membership.Role))
        {
            throw RucheException.Forbidden("space.owner-protected", "Only an owner removes another owner.");
        }

        await RequireAnOwnerKeptAsync(membership, null, cancellationToken);
        db.SpaceMemberships.Remove(membership);
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task SetRoleAsync(Viewer viewer, long spaceId, long personId, SpaceRole role, CancellationToken cancellationToken)
    {
        if (!Enum.IsDefined(role))
        {
            throw RucheException.Invalid("space.role-invalid", "Unknown space role.");
        }

        if (!SpaceRights.MayChangeRoles(await RequireModeratorAsync(viewer, spaceId, cancellationToken)))
        {
            throw RucheException.Forbidden("space.owner-required", "Only an owner changes roles.");
        }

        var membership = await db.SpaceMemberships.SingleOrDefaultAsync(
                m => m.SpaceId == spaceId && m.PersonId == personId && m.IsActive(), cancellationToken)
            ?? throw RucheException.NotFound("space.member-not-found", "This person is not a member of the space.");
        if (role != SpaceRole.Member && await db.Spaces.AnyAsync(s => s.Id == spaceId && s.KeepsMembersPrivate(), cancellationToken))
        {
            await RequireNoAdministratorAsync([personId], cancellationToken);
        }

        await RequireAnOwnerKeptAsync(membership, role, cancellationToken);
        membership.Role = role;
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// The space, when the viewer may see who is in it (<see cref="SpaceRules.ListsMembersTo"/>): they read it, and in a union or
    /// staff-representation space they moderate it. Every page and route listing members goes through here.
    /// </summary>
    public async Task<SpaceSummary> GetMemberListableAsync(Viewer viewer, long spaceId, CancellationToken cancellationToken)
    {
        var space = await GetReadableAsync(viewer, spaceId, "Only members see who is in this space.", cancellationToken);
        return space.CanListMembers ? space : throw RucheException.Forbidden("space.members-private", "Only this space's delegates see who is in it.");
    }

    /// <summary>Members (and, for moderators, pending requests) of a space the viewer may list (<see cref="GetMemberListableAsync"/>).</summary>
    public async Task<IReadOnlyList<SpaceMemberView>> MembersAsync(Viewer viewer, long spaceId, CancellationToken cancellationToken)
    {
        var space = await GetMemberListableAsync(viewer, spaceId, cancellationToken);

        var query = db.SpaceMemberships.Where(m => m.SpaceId == spaceId);
        if (!space.CanModerate)
        {
            query = query.Where(m => m.IsActive());
        }

        return await query
            .OrderBy(m => m.Status).ThenByDescending(m => m.Role).ThenBy(m => m.Person!.DisplayName)
            .Select(m => new SpaceMemberView(m.PersonId, m.Person!.DisplayName, m.Person.Handle, m.Person.JobTitle, m.Person.TimeZone, m.Role, m.Status))
            .ToListAsync(cancellationToken);
    }

    internal async Task<SpaceRole> RequireModeratorAsync(Viewer viewer, long spaceId, CancellationToken cancellationToken)
    {
        var space = await GetAsync(viewer, spaceId, cancellationToken);
        if (!space.CanModerate)
        {
            throw RucheException.Forbidden("space.moderator-required", "Only the space's owners and moderators may do this.");
        }

        return space.MyRole!.Value;
    }

    /// <summary>An administrator never owns or moderates a space whose members are private, by any route (GDPR art. 9, L2141-5).</summary>
    private async Task RequireNoAdministratorAsync(IReadOnlyCollection<long> personIds, CancellationToken cancellationToken)
    {
        var administrators = db.Roles.Where(r => r.Name == RoleNames.Administrator).Select(r => r.Id);
        if (await db.UserRoles.AnyAsync(ur => personIds.Contains(ur.UserId) && administrators.Contains(ur.RoleId), cancellationToken))
        {
            throw RucheException.Forbidden("space.administrator-excluded", "An administrator never owns or moderates a union or staff-representation space.");
        }
    }

    private async Task RequireAnOwnerKeptAsync(SpaceMembership membership, SpaceRole? next, CancellationToken cancellationToken)
    {
        if (SpaceRights.NeedsAnotherOwner(membership.Role, next) && !await db.SpaceMemberships.AnyAsync(
                m => m.SpaceId == membership.SpaceId && m.PersonId != membership.PersonId && m.Role == SpaceRole.Owner && m.IsActive(),
                cancellationToken))
        {
            throw RucheException.Conflict("space.last-owner", "A space keeps at least one owner: make someone else owner first.");
        }
    }

    private static IQueryable<SpaceSummary> Summaries(IQueryable<Space> spaces, long viewerId) =>
        spaces.Select(s => new SpaceSummary(
            s.Id,
            s.Name,
            s.Description,
            s.Kind,
            s.Visibility,
            s.IsDefault,
            s.KeepsMembersPrivate() && !s.IsModeratedBy(viewerId) ? null : (int?)s.ActiveMemberIds().Count(),
            s.Members.Where(m => m.PersonId == viewerId).Select(m => (SpaceRole?)m.Role).FirstOrDefault(),
            s.Members.Where(m => m.PersonId == viewerId).Select(m => (MembershipStatus?)m.Status).FirstOrDefault(),
            s.IsReadableBy(viewerId),
            s.IsModeratedBy(viewerId),
            s.ListsMembersTo(viewerId)));

    private static RucheException NotFound() => RucheException.NotFound("space.not-found", "No such space.");
}
