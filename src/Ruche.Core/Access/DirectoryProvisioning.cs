using System.Globalization;
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

    public async Task<ProvisionedPerson?> FindPersonAsync(long id, CancellationToken cancellationToken) =>
        await Project(db.People.AsNoTracking().Where(p => p.Id == id && p.ErasedAt == null)).SingleOrDefaultAsync(cancellationToken);

    /// <summary>People in id order, optionally only the one whose user name (e-mail) is <paramref name="userName"/>.</summary>
    public async Task<(IReadOnlyList<ProvisionedPerson> Page, int Total)> ListPeopleAsync(string? userName, int startIndex, int count, CancellationToken cancellationToken)
    {
        var people = db.People.AsNoTracking().Where(p => p.ErasedAt == null);
        if (userName is not null)
        {
            var normalized = userName.Trim().ToUpperInvariant();
            people = people.Where(p => p.NormalizedEmail == normalized);
        }

        var total = await people.CountAsync(cancellationToken);
        var page = await Project(people.OrderBy(p => p.Id).Skip(Math.Max(0, startIndex - 1)).Take(Math.Clamp(count, 0, PageSizeMax))).ToListAsync(cancellationToken);
        return (page, total);
    }

    public async Task<ProvisionedPerson> CreatePersonAsync(string? email, string? displayName, bool active, CancellationToken cancellationToken)
    {
        var person = await accounts.CreateAsync(new NewAccount(email, displayName, null, null), cancellationToken);
        await audit.RecordAsync(null, "scim.person-created", $"person:{person.Id}", null, cancellationToken);
        if (!active)
        {
            await SetActiveAsync(person.Id, false, cancellationToken);
        }

        return (await FindPersonAsync(person.Id, cancellationToken))!;
    }

    /// <summary>Replaces what the directory owns: the e-mail (user name), the name and whether the person is active.</summary>
    public async Task<ProvisionedPerson> ReplacePersonAsync(long id, string? email, string? displayName, bool active, CancellationToken cancellationToken)
    {
        var person = await ProvisionableAsync(id);
        var name = displayName?.Trim() ?? string.Empty;
        if (name.Length is 0 or > Limits.DisplayNameMaxLength)
        {
            throw RucheException.Invalid("profile.name-invalid", $"A name has 1 to {Limits.DisplayNameMaxLength} characters.");
        }

        var normalized = AccountService.NormalizeEmail(email);
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
        Check(await users.UpdateAsync(person));
        await audit.RecordAsync(null, "scim.person-updated", $"person:{id}", null, cancellationToken);
        await SetActiveAsync(id, active, cancellationToken);
        return (await FindPersonAsync(id, cancellationToken))!;
    }

    /// <summary>Deactivating signs the person out everywhere (<see cref="Deactivation"/>).</summary>
    public async Task SetActiveAsync(long id, bool active, CancellationToken cancellationToken)
    {
        var person = await ProvisionableAsync(id);
        await Deactivation.SetActiveAsync(db, users, audit, time, person, active, null, active ? "scim.person-reactivated" : "scim.person-deactivated", cancellationToken);
    }

    public async Task<(IReadOnlyList<ProvisionedGroup> Page, int Total)> ListGroupsAsync(string? displayName, int startIndex, int count, CancellationToken cancellationToken)
    {
        var query = db.Departments.AsNoTracking();
        if (displayName is not null)
        {
            query = query.Where(d => d.Name == displayName);
        }

        var total = await query.CountAsync(cancellationToken);
        var departments = await query.OrderBy(d => d.Id).Skip(Math.Max(0, startIndex - 1)).Take(Math.Clamp(count, 0, PageSizeMax)).ToListAsync(cancellationToken);
        var ids = departments.Select(d => d.Id).ToList();
        var members = (await db.People.AsNoTracking().Where(p => p.DepartmentId != null && ids.Contains(p.DepartmentId.Value))
                .OrderBy(p => p.Id).Select(p => new { DepartmentId = p.DepartmentId!.Value, p.Id, p.DisplayName }).ToListAsync(cancellationToken))
            .ToLookup(m => m.DepartmentId, m => new GroupMember(m.Id, m.DisplayName));
        return ([.. departments.Select(d => new ProvisionedGroup(d.Id, d.Name, [.. members[d.Id]]))], total);
    }

    public async Task<ProvisionedGroup?> FindGroupAsync(long id, CancellationToken cancellationToken)
    {
        var name = await db.Departments.Where(d => d.Id == id).Select(d => d.Name).SingleOrDefaultAsync(cancellationToken);
        return name is null ? null : new ProvisionedGroup(id, name, await db.People.Where(p => p.DepartmentId == id).OrderBy(p => p.Id)
            .Select(p => new GroupMember(p.Id, p.DisplayName)).ToListAsync(cancellationToken));
    }

    public async Task<ProvisionedGroup> CreateGroupAsync(string? name, IReadOnlyCollection<long> members, CancellationToken cancellationToken)
    {
        // One transaction: an unknown member leaves no group behind for the directory's retry to collide with.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var department = new Department { Name = await UniqueGroupNameAsync(name, null, cancellationToken) };
        db.Departments.Add(department);
        await db.SaveChangesAsync(cancellationToken);
        await ChangeMembersAsync(department.Id, members, [], replace: true, cancellationToken);
        await audit.RecordAsync(null, "scim.group-created", $"department:{department.Id}", null, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (await FindGroupAsync(department.Id, cancellationToken))!;
    }

    /// <summary>Renames the group (when a name is given) and adds, removes or replaces its members.</summary>
    public async Task<ProvisionedGroup> UpdateGroupAsync(
        long id, string? name, IReadOnlyCollection<long> add, IReadOnlyCollection<long> remove, bool replaceMembers, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var department = await db.Departments.SingleOrDefaultAsync(d => d.Id == id, cancellationToken) ?? throw GroupNotFound();
        if (name is not null)
        {
            department.Name = await UniqueGroupNameAsync(name, id, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
        }

        await ChangeMembersAsync(id, add, remove, replaceMembers, cancellationToken);
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

    /// <summary>A person is in one department: joining a group moves them out of their previous one.</summary>
    private async Task ChangeMembersAsync(long departmentId, IReadOnlyCollection<long> add, IReadOnlyCollection<long> remove, bool replace, CancellationToken cancellationToken)
    {
        var known = await db.People.Where(p => add.Contains(p.Id) && p.ErasedAt == null).Select(p => p.Id).ToListAsync(cancellationToken);
        if (known.Count != add.Distinct().Count())
        {
            throw RucheException.Invalid("scim.member-unknown", "A member is not a person known to Ruche.");
        }

        if (replace)
        {
            await db.People.Where(p => p.DepartmentId == departmentId && !add.Contains(p.Id))
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

    private static IQueryable<ProvisionedPerson> Project(IQueryable<Person> people) =>
        people
            .Select(p => new ProvisionedPerson(p.Id, p.Email!, p.DisplayName, p.IsActive, p.DepartmentId, p.Department!.Name, p.CreatedAt));

    private async Task<Person> ProvisionableAsync(long id)
    {
        var person = await users.FindByIdAsync(id.ToString(CultureInfo.InvariantCulture));
        return person is null || person.ErasedAt is not null ? throw RucheException.NotFound("person.not-found", "No such person.") : person;
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

public sealed record ProvisionedPerson(long Id, string Email, string DisplayName, bool IsActive, long? DepartmentId, string? Department, DateTime CreatedAt);

public sealed record ProvisionedGroup(long Id, string Name, IReadOnlyList<GroupMember> Members);

public sealed record GroupMember(long Id, string DisplayName);
