using Microsoft.EntityFrameworkCore;
using Ruche.Core.Audit;
using Ruche.Core.Common;
using Ruche.Core.Data;
using Ruche.Core.Files;
using Ruche.Core.People;
using Ruche.Core.Spaces;

namespace Ruche.Core.Dialogue;

/// <summary>
/// The unions present in the company. An administrator records each one with its delegates; recording it creates its
/// space, owned by those delegates and by nobody else (the administrator is not in it and cannot become its owner).
/// </summary>
public sealed class UnionService(RucheDbContext db, SpaceService spaces, AgreementService agreements, UnattachedFiles unattached, AuditLog audit, TimeProvider time)
{
    public async Task<IReadOnlyList<UnionView>> ListAsync(Viewer viewer, CancellationToken cancellationToken)
    {
        var pushed = (await agreements.InForceAsync(cancellationToken))?.BroadcastsPushedByDefault ?? false;
        return await Views(db.Set<Union>().OrderBy(u => u.Name), viewer.PersonId, pushed).ToListAsync(cancellationToken);
    }

    public async Task<UnionView> GetAsync(Viewer viewer, long unionId, CancellationToken cancellationToken)
    {
        var pushed = (await agreements.InForceAsync(cancellationToken))?.BroadcastsPushedByDefault ?? false;
        return await Views(db.Set<Union>().Where(u => u.Id == unionId), viewer.PersonId, pushed).SingleOrDefaultAsync(cancellationToken)
            ?? throw NotFound();
    }

    public async Task<long> RecordAsync(Viewer viewer, NewUnion request, CancellationToken cancellationToken)
    {
        RequireAdministrator(viewer);
        var name = await ValidNameAsync(request.Name, null, cancellationToken);
        var delegates = await ValidDelegatesAsync(request.DelegateIds, cancellationToken);
        await RequireUsableLogoAsync(viewer, request.LogoFileId, cancellationToken);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var space = await spaces.AddRepresentationSpaceAsync(viewer.PersonId, SpaceKind.Union, name, null, delegates, cancellationToken);
        var union = new Union
        {
            Name = name,
            LogoFileId = request.LogoFileId,
            Space = space,
            CreatedAt = time.UtcNow(),
            Delegates = [.. delegates.Select(id => new UnionMandate { PersonId = id })],
        };
        db.Add(union);
        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync(viewer.PersonId, "dialogue.union-recorded", $"union:{union.Id}", new { delegates = delegates.Count }, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return union.Id;
    }

    /// <summary>The union's delegates now: they own its space; former delegates stay in it as members.</summary>
    public async Task SetDelegatesAsync(Viewer viewer, long unionId, IReadOnlyList<long>? delegateIds, CancellationToken cancellationToken)
    {
        RequireAdministrator(viewer);
        var union = await db.Set<Union>().Include(u => u.Delegates).SingleOrDefaultAsync(u => u.Id == unionId, cancellationToken) ?? throw NotFound();
        var delegates = await ValidDelegatesAsync(delegateIds, cancellationToken);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await spaces.SetRepresentationOwnersAsync(union.SpaceId, delegates, cancellationToken);
        union.Delegates.RemoveAll(d => !delegates.Contains(d.PersonId));
        union.Delegates.AddRange(delegates.Where(id => union.Delegates.All(d => d.PersonId != id)).Select(id => new UnionMandate { PersonId = id }));
        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync(viewer.PersonId, "dialogue.delegates-changed", $"union:{union.Id}", new { delegates = delegates.Count }, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>The union the viewer is a delegate of; anyone else is refused.</summary>
    internal async Task<Union> RequireDelegateAsync(Viewer viewer, long unionId, CancellationToken cancellationToken)
    {
        var me = viewer.PersonId;
        var union = await db.Set<Union>().Where(u => u.Id == unionId).Select(u => new { Union = u, Runs = u.IsRunBy(me) })
            .SingleOrDefaultAsync(cancellationToken) ?? throw NotFound();
        return union.Runs ? union.Union : throw RucheException.Forbidden("dialogue.delegates-only", "Only the union's delegates may do this.");
    }

    /// <summary>
    /// A logo is shown to the whole company with its union: only an image the administrator uploaded and nothing has
    /// taken yet, so that no file of a private space, post or page can be made readable by naming it as a logo.
    /// </summary>
    private async Task RequireUsableLogoAsync(Viewer viewer, Guid? logoFileId, CancellationToken cancellationToken)
    {
        if (logoFileId is not { } id)
        {
            return;
        }

        var usable = await db.Files.Where(f => f.Id == id && f.OwnerId == viewer.PersonId && f.Kind == FileKind.Image)
            .Where(unattached.Condition()).AnyAsync(cancellationToken);
        if (!usable)
        {
            throw RucheException.Invalid("dialogue.union-logo-invalid", "A union's logo is an image you uploaded that nothing else uses.");
        }
    }

    internal static RucheException NotFound() => RucheException.NotFound("dialogue.union-not-found", "No such union.");

    private static void RequireAdministrator(Viewer viewer)
    {
        if (!viewer.IsAdministrator)
        {
            throw RucheException.Forbidden("administrator-required", "Only administrators record unions and their agreement.");
        }
    }

    private async Task<string> ValidNameAsync(string? requested, long? unionId, CancellationToken cancellationToken)
    {
        var name = requested?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > DialogueLimits.UnionNameMaxLength)
        {
            throw RucheException.Invalid("dialogue.union-name-invalid", $"A union needs a name of 1 to {DialogueLimits.UnionNameMaxLength} characters.");
        }

        if (await db.Set<Union>().AnyAsync(u => u.Name == name && u.Id != unionId, cancellationToken))
        {
            throw RucheException.Conflict("dialogue.union-exists", "A union of this name is already recorded.");
        }

        return name;
    }

    private async Task<List<long>> ValidDelegatesAsync(IReadOnlyList<long>? requested, CancellationToken cancellationToken)
    {
        var ids = (requested ?? []).Distinct().ToList();
        if (ids.Count is 0 or > DialogueLimits.DelegatesMax)
        {
            throw RucheException.Invalid("dialogue.delegates-invalid", $"A union has 1 to {DialogueLimits.DelegatesMax} delegates.");
        }

        if (await db.People.CountAsync(p => ids.Contains(p.Id) && p.IsActive, cancellationToken) != ids.Count)
        {
            throw RucheException.NotFound("person.not-found", "No such person.");
        }

        return ids;
    }

    private IQueryable<UnionView> Views(IQueryable<Union> unions, long me, bool pushedByDefault)
    {
        var now = time.UtcNow();
        return unions.Select(u => new UnionView(
            u.Id,
            u.Name,
            u.LogoFileId,
            u.SpaceId,
            u.Delegates.OrderBy(d => d.Person!.DisplayName).Select(d => PersonRefs.Of(d.Person!, now)).ToList(),
            u.IsRunBy(me),
            u.IsPushedTo(me, UnionChannel.Broadcasts, pushedByDefault),
            u.IsChosenBy(me, UnionChannel.Broadcasts),
            u.IsPushedTo(me, UnionChannel.Polls, pushedByDefault),
            u.IsChosenBy(me, UnionChannel.Polls)));
    }
}
