using System.Globalization;
using System.Linq.Expressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Ruche.Core.Common;
using Ruche.Core.Data;
using Ruche.Core.People;

namespace Ruche.Core.Access;

/// <summary>
/// What a company directory does to Ruche through SCIM (ADR 0009): create, rename and deactivate people, and keep
/// departments (SCIM groups) and their members in step. Deactivation ends every session at once.
/// </summary>
public sealed class DirectoryProvisioning(RucheDbContext db, UserManager<Person> users, AccountService accounts, Audit.AuditLog audit, TimeProvider time)
{
    public const int PageSizeMax = 200;

    /// <summary>A person the directory still knows: neither erased nor deleted through SCIM.</summary>
    public async Task<ProvisionedPerson?> FindPersonAsync(long id, CancellationToken cancellationToken) =>
        await Project(Provisioned().Where(p => p.Id == id)).SingleOrDefaultAsync(cancellationToken);

    /// <summary>People in id order, optionally only those matching <paramref name="filter"/>; a count of 0 gives the total only.</summary>
    public async Task<(IReadOnlyList<ProvisionedPerson> Page, int Total)> ListPeopleAsync(
        Expression<Func<Person, bool>>? filter, int startIndex, int count, CancellationToken cancellationToken)
    {
        var people = Provisioned();
        if (filter is not null)
        {
            people = people.Where(filter);
        }

        var total = await people.CountAsync(cancellationToken);
        var size = Math.Clamp(count, 0, PageSizeMax);
        var page = size == 0 ? [] : await Project(people.OrderBy(p => p.Id).Skip(Math.Max(0, startIndex - 1)).Take(size)).ToListAsync(cancellationToken);
        return (page, total);
    }

    /// <summary>
    /// Creates the person, or, when the directory deleted a person with this user name before, brings that person
    /// back (same id, same content, reactivated as asked): a rehired employee finds their history again.
    /// </summary>
    public async Task<(ProvisionedPerson Person, bool Relinked)> CreatePersonAsync(DirectoryPerson fields, CancellationToken cancellationToken)
    {
        var normalized = AccountService.NormalizeEmail(fields.Email).ToUpperInvariant();
        var deleted = await db.People.Where(p => p.NormalizedEmail == normalized && p.ScimDeletedAt != null && p.ErasedAt == null)
            .Select(p => (long?)p.Id).SingleOrDefaultAsync(cancellationToken);
        if (deleted is { } id)
        {
            return (await ReplacePersonAsync(id, fields, cancellationToken, relink: true), true);
        }

        await EnsureExternalIdFreeAsync(fields.ExternalId, null, cancellationToken);
        CheckDisplayName(fields.DisplayName);

        // The externalId goes in with the person's row: a twin created meanwhile collides there, never half-way.
        var person = await ExternalIdRaceAsync(
            () => accounts.CreateAsync(new NewAccount(fields.Email, fields.DisplayName, null, null), cancellationToken, initialize: created =>
            {
                created.ScimExternalId = fields.ExternalId;
                created.ScimModifiedAt = created.CreatedAt;
            }),
            fields.ExternalId, group: false, cancellationToken);
        await audit.RecordAsync(null, "scim.person-created", $"person:{person.Id}", null, cancellationToken);
        if (!fields.Active)
        {
            await SetActiveAsync(person.Id, false, cancellationToken);
        }

        return ((await FindPersonAsync(person.Id, cancellationToken))!, false);
    }

    /// <summary>Replaces what the directory owns: the e-mail (user name), the name, its external id and whether the person is active.</summary>
    public async Task<ProvisionedPerson> ReplacePersonAsync(long id, DirectoryPerson fields, CancellationToken cancellationToken, bool relink = false)
    {
        var person = await ProvisionableAsync(id, relink);
        var name = CheckDisplayName(fields.DisplayName);
        await EnsureExternalIdFreeAsync(fields.ExternalId, id, cancellationToken);
        var normalized = AccountService.NormalizeEmail(fields.Email);
        if (!string.Equals(normalized, person.Email, StringComparison.OrdinalIgnoreCase))
        {
            if (await users.FindByEmailAsync(normalized) is not null)
            {
                throw RucheException.Conflict("account.email-taken", "Someone already has an account with this address.");
            }

            person.Email = person.UserName = normalized;
            person.NormalizedEmail = person.NormalizedUserName = normalized.ToUpperInvariant();
        }

        person.DisplayName = name;
        person.ScimExternalId = fields.ExternalId;
        person.ScimDeletedAt = null;
        person.ScimModifiedAt = time.UtcNow();
        Check(await ExternalIdRaceAsync(() => users.UpdateAsync(person), fields.ExternalId, group: false, cancellationToken));
        await audit.RecordAsync(null, relink ? "scim.person-relinked" : "scim.person-updated", $"person:{id}", null, cancellationToken);
        await SetActiveAsync(id, fields.Active, cancellationToken);
        return (await FindPersonAsync(id, cancellationToken))!;
    }

    /// <summary>
    /// The directory deletes the person: Ruche deactivates them and keeps what they wrote until an administrator
    /// erases them, but to the directory the resource is gone (404 from now on, absent from lists).
    /// </summary>
    public async Task DeletePersonAsync(long id, CancellationToken cancellationToken)
    {
        var person = await ProvisionableAsync(id, relink: false);
        person.ScimDeletedAt = person.ScimModifiedAt = time.UtcNow();

        // Gone to the directory, so its externalId is free for the directory's next object (a rehire sends it again).
        person.ScimExternalId = null;
        Check(await users.UpdateAsync(person));
        await SetActiveAsync(id, false, cancellationToken);
        await audit.RecordAsync(null, "scim.person-deleted", $"person:{id}", null, cancellationToken);
    }

    /// <summary>Deactivating signs the person out everywhere (<see cref="Deactivation"/>).</summary>
    public async Task SetActiveAsync(long id, bool active, CancellationToken cancellationToken)
    {
        var person = await ProvisionableAsync(id, relink: true);
        await Deactivation.SetActiveAsync(db, users, audit, time, person, active, null, active ? "scim.person-reactivated" : "scim.person-deactivated", cancellationToken);
    }

    public async Task<(IReadOnlyList<ProvisionedGroup> Page, int Total)> ListGroupsAsync(
        Expression<Func<Department, bool>>? filter, int startIndex, int count, CancellationToken cancellationToken)
    {
        var query = db.Departments.AsNoTracking();
        if (filter is not null)
        {
            query = query.Where(filter);
        }

        var total = await query.CountAsync(cancellationToken);
        var size = Math.Clamp(count, 0, PageSizeMax);
        var departments = size == 0 ? [] : await query.OrderBy(d => d.Id).Skip(Math.Max(0, startIndex - 1)).Take(size).ToListAsync(cancellationToken);
        var ids = departments.Select(d => d.Id).ToList();
        var members = (await Provisioned().Where(p => p.DepartmentId != null && ids.Contains(p.DepartmentId.Value))
                .OrderBy(p => p.Id).Select(p => new { DepartmentId = p.DepartmentId!.Value, p.Id, p.DisplayName }).ToListAsync(cancellationToken))
            .ToLookup(m => m.DepartmentId, m => new GroupMember(m.Id, m.DisplayName));
        return ([.. departments.Select(d => Group(d, [.. members[d.Id]]))], total);
    }

    public async Task<ProvisionedGroup?> FindGroupAsync(long id, CancellationToken cancellationToken)
    {
        var department = await db.Departments.AsNoTracking().SingleOrDefaultAsync(d => d.Id == id, cancellationToken);
        return department is null ? null : Group(department, await Provisioned().Where(p => p.DepartmentId == id).OrderBy(p => p.Id)
            .Select(p => new GroupMember(p.Id, p.DisplayName)).ToListAsync(cancellationToken));
    }

    public async Task<ProvisionedGroup> CreateGroupAsync(DirectoryGroup fields, CancellationToken cancellationToken)
    {
        // One transaction: an unknown member leaves no group behind for the directory's retry to collide with.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await EnsureGroupExternalIdFreeAsync(fields.ExternalId, null, cancellationToken);
        var now = time.UtcNow();
        var department = new Department
        {
            Name = await UniqueGroupNameAsync(fields.Name, null, cancellationToken), ScimExternalId = fields.ExternalId, ScimCreatedAt = now, ScimModifiedAt = now,
        };
        db.Departments.Add(department);
        await ExternalIdRaceAsync(() => db.SaveChangesAsync(cancellationToken), fields.ExternalId, group: true, cancellationToken);
        await ChangeMembersAsync(department.Id, fields.Members ?? [], [], replace: true, cancellationToken);
        await audit.RecordAsync(null, "scim.group-created", $"department:{department.Id}", null, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (await FindGroupAsync(department.Id, cancellationToken))!;
    }

    /// <summary>Replaces the group's name and external id, and its members when <see cref="DirectoryGroup.Members"/> is given.</summary>
    public async Task<ProvisionedGroup> ReplaceGroupAsync(long id, DirectoryGroup fields, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var department = await db.Departments.SingleOrDefaultAsync(d => d.Id == id, cancellationToken) ?? throw GroupNotFound();
        department.Name = await UniqueGroupNameAsync(fields.Name, id, cancellationToken);
        await EnsureGroupExternalIdFreeAsync(fields.ExternalId, id, cancellationToken);
        department.ScimExternalId = fields.ExternalId;
        department.ScimModifiedAt = time.UtcNow();
        await ExternalIdRaceAsync(() => db.SaveChangesAsync(cancellationToken), fields.ExternalId, group: true, cancellationToken);
        if (fields.Members is { } members)
        {
            await ChangeMembersAsync(id, members, [], replace: true, cancellationToken);
        }

        await audit.RecordAsync(null, "scim.group-updated", $"department:{id}", null, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (await FindGroupAsync(id, cancellationToken))!;
    }

    public async Task DeleteGroupAsync(long id, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.People.Where(p => p.DepartmentId == id).ExecuteUpdateAsync(s => s.SetProperty(p => p.DepartmentId, (long?)null), cancellationToken);
        if (await db.Departments.Where(d => d.Id == id).ExecuteDeleteAsync(cancellationToken) == 0)
        {
            throw GroupNotFound();
        }

        await audit.RecordAsync(null, "scim.group-deleted", $"department:{id}", null, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>
    /// A person is in one department: joining a group moves them out of their previous one. Replacing leaves the
    /// people the directory deleted where they were (it no longer sees them).
    /// </summary>
    private async Task ChangeMembersAsync(long departmentId, IReadOnlyCollection<long> add, IReadOnlyCollection<long> remove, bool replace, CancellationToken cancellationToken)
    {
        var known = await Provisioned().Where(p => add.Contains(p.Id)).Select(p => p.Id).ToListAsync(cancellationToken);
        if (known.Count != add.Distinct().Count())
        {
            throw RucheException.Invalid("scim.member-unknown", "A member is not a person known to Ruche.");
        }

        if (replace)
        {
            await Provisioned().Where(p => p.DepartmentId == departmentId && !add.Contains(p.Id))
                .ExecuteUpdateAsync(s => s.SetProperty(p => p.DepartmentId, (long?)null), cancellationToken);
        }

        await db.People.Where(p => remove.Contains(p.Id) && p.DepartmentId == departmentId)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.DepartmentId, (long?)null), cancellationToken);
        await db.People.Where(p => add.Contains(p.Id))
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.DepartmentId, departmentId), cancellationToken);
    }

    private async Task<string> UniqueGroupNameAsync(string? name, long? self, CancellationToken cancellationToken)
    {
        var trimmed = name?.Trim() ?? string.Empty;
        if (trimmed.Length is 0 or > 100)
        {
            throw RucheException.Invalid("scim.group-name-invalid", "A group's name has 1 to 100 characters.");
        }

        if (await db.Departments.AnyAsync(d => d.Name == trimmed && d.Id != self, cancellationToken))
        {
            throw RucheException.Conflict("scim.group-name-taken", "Another group has this name.");
        }

        return trimmed;
    }

    private async Task EnsureExternalIdFreeAsync(string? externalId, long? self, CancellationToken cancellationToken)
    {
        CheckExternalId(externalId);
        if (externalId is not null && await db.People.AnyAsync(p => p.ScimExternalId == externalId && p.Id != self, cancellationToken))
        {
            throw RucheException.Conflict("scim.external-id-taken", "Another user has this externalId.");
        }
    }

    private async Task EnsureGroupExternalIdFreeAsync(string? externalId, long? self, CancellationToken cancellationToken)
    {
        CheckExternalId(externalId);
        if (externalId is not null && await db.Departments.AnyAsync(d => d.ScimExternalId == externalId && d.Id != self, cancellationToken))
        {
            throw RucheException.Conflict("scim.external-id-taken", "Another group has this externalId.");
        }
    }

    /// <summary>
    /// Runs a save that writes <paramref name="externalId"/>. The check before it cannot see a twin the directory sends
    /// at the same moment; the unique index does, and its refusal becomes the same 409 as the check's, not a 500.
    /// </summary>
    private async Task<T> ExternalIdRaceAsync<T>(Func<Task<T>> save, string? externalId, bool group, CancellationToken cancellationToken)
    {
        try
        {
            return await save();
        }
        catch (DbUpdateException) when (externalId is not null)
        {
            // PostgreSQL refuses every statement of a failed transaction: it ends before the check.
            if (db.Database.CurrentTransaction is { } transaction)
            {
                await transaction.RollbackAsync(cancellationToken);
            }

            db.ChangeTracker.Clear();
            if (group ? await db.Departments.AnyAsync(d => d.ScimExternalId == externalId, cancellationToken)
                      : await db.People.AnyAsync(p => p.ScimExternalId == externalId, cancellationToken))
            {
                throw RucheException.Conflict("scim.external-id-taken", group ? "Another group has this externalId." : "Another user has this externalId.");
            }

            throw;
        }
    }

    private static void CheckExternalId(string? externalId)
    {
        if (externalId is not null && (externalId.Length is 0 or > Limits.ScimExternalIdMaxLength || externalId.Any(char.IsControl)))
        {
            throw RucheException.Invalid("scim.external-id-invalid", $"An externalId has 1 to {Limits.ScimExternalIdMaxLength} printable characters.");
        }
    }

    private static string CheckDisplayName(string? displayName)
    {
        var name = displayName?.Trim() ?? string.Empty;
        return name.Length is 0 or > Limits.DisplayNameMaxLength
            ? throw RucheException.Invalid("profile.name-invalid", $"A name has 1 to {Limits.DisplayNameMaxLength} characters.")
            : name;
    }

    /// <summary>The people the directory sees: neither erased nor deleted by the directory.</summary>
    private IQueryable<Person> Provisioned() => db.People.AsNoTracking().Where(p => p.ErasedAt == null && p.ScimDeletedAt == null);

    private static ProvisionedGroup Group(Department department, IReadOnlyList<GroupMember> members) =>
        new(department.Id, department.Name, department.ScimExternalId, department.ScimCreatedAt, department.ScimModifiedAt, members);

    private static IQueryable<ProvisionedPerson> Project(IQueryable<Person> people) =>
        people.Select(p => new ProvisionedPerson(
            p.Id, p.Email!, p.DisplayName, p.IsActive, p.DepartmentId, p.Department!.Name, p.ScimExternalId, p.CreatedAt, p.ScimModifiedAt));

    /// <summary>A person the directory may change; with <paramref name="relink"/>, also one it deleted.</summary>
    private async Task<Person> ProvisionableAsync(long id, bool relink)
    {
        var person = await users.FindByIdAsync(id.ToString(CultureInfo.InvariantCulture));
        return person is null || person.ErasedAt is not null || (person.ScimDeletedAt is not null && !relink)
            ? throw RucheException.NotFound("person.not-found", "No such person.")
            : person;
    }

    private static RucheException GroupNotFound() => RucheException.NotFound("scim.group-not-found", "No such group.");

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw RucheException.Invalid("account." + result.Errors.First().Code, string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }
}

/// <summary>What the directory owns of a person.</summary>
public sealed record DirectoryPerson(string? Email, string? DisplayName, string? ExternalId, bool Active);

/// <summary>What the directory owns of a group; null members leave the members as they are.</summary>
public sealed record DirectoryGroup(string? Name, string? ExternalId, IReadOnlyCollection<long>? Members);

public sealed record ProvisionedPerson(
    long Id, string Email, string DisplayName, bool IsActive, long? DepartmentId, string? Department, string? ExternalId, DateTime CreatedAt, DateTime? ModifiedAt);

public sealed record ProvisionedGroup(long Id, string Name, string? ExternalId, DateTime? CreatedAt, DateTime? ModifiedAt, IReadOnlyList<GroupMember> Members);

public sealed record GroupMember(long Id, string DisplayName);
