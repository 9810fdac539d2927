using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Ruche.Core.Common;
using Ruche.Core.Data;
using Ruche.Core.People;

namespace Ruche.Core.Access;

/// <summary>
/// The administrators' list of people (search by name or e-mail; filters by role, department and status; pages by offset
/// up to a cap) and deactivation from a person's line. Role changes stay with <see cref="AccountService.SetRolesAsync"/>.
/// </summary>
public sealed class PeopleAdministration(RucheDbContext db, UserManager<Person> users, Audit.AuditLog audit, TimeProvider time)
{
    public const int SearchMaxLength = 100;

    public async Task<PeoplePage> ListAsync(Viewer viewer, PeopleFilter filter, CancellationToken cancellationToken)
    {
        Administrators.Require(viewer);
        var search = Input.Text(filter.Search);
        if (search.Length > SearchMaxLength)
        {
            throw RucheException.Invalid("people.search-too-long", $"A search holds at most {SearchMaxLength} characters.");
        }

        if (filter.Role is { } role && !RoleNames.IsKnown(role))
        {
            throw RucheException.Invalid("role.unknown", $"Unknown role: {role}.");
        }

        var page = filter.Page ?? 1;
        var skip = (long)(page - 1) * Limits.PeoplePageSize;
        if (page < 1 || skip > Limits.PeopleOffsetMax)
        {
            throw RucheException.Invalid("people.page-out-of-range", $"Pages run from 1 to {(Limits.PeopleOffsetMax / Limits.PeoplePageSize) + 1}: search to narrow the list.");
        }

        var people = db.People.AsNoTracking().Where(p => p.ErasedAt == null);
        if (search.Length > 0)
        {
            var lower = search.ToLowerInvariant();
            var upper = search.ToUpperInvariant();
#pragma warning disable CA1304, CA1311, CA1862 // translated to SQL LOWER(); these culture rules are about .NET string calls
            people = people.Where(p => p.DisplayName.ToLower().Contains(lower) || p.NormalizedEmail!.Contains(upper));
#pragma warning restore CA1304, CA1311, CA1862
        }

        if (filter.Role is { } wanted)
        {
            var roleIds = db.Roles.Where(r => r.Name == wanted).Select(r => r.Id);
            people = people.Where(p => db.UserRoles.Any(ur => ur.UserId == p.Id && roleIds.Contains(ur.RoleId)));
        }

        if (filter.DepartmentId is { } departmentId)
        {
            people = people.Where(p => p.DepartmentId == departmentId);
        }

        people = filter.Status switch
        {
            PersonStatus.Active => people.Where(p => p.IsActive),
            PersonStatus.Deactivated => people.Where(p => !p.IsActive),
            _ => people,
        };

        var rows = await people.OrderBy(p => p.DisplayName).ThenBy(p => p.Id).Skip((int)skip).Take(Limits.PeoplePageSize + 1)
            .Select(p => new { p.Id, p.DisplayName, p.Handle, p.Email, Department = p.Department!.Name, p.IsActive, p.JobCategory })
            .ToListAsync(cancellationToken);
        var hasMore = rows.Count > Limits.PeoplePageSize;
        var ids = rows.Take(Limits.PeoplePageSize).Select(r => r.Id).ToList();
        var roles = (await db.UserRoles.Where(ur => ids.Contains(ur.UserId))
                .Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name })
                .ToListAsync(cancellationToken))
            .ToLookup(r => r.UserId, r => r.Name!);
        var items = rows.Take(Limits.PeoplePageSize)
            .Select(r => new AdministeredPerson(r.Id, r.DisplayName, r.Handle, r.Email ?? string.Empty, r.Department, r.IsActive, [.. roles[r.Id].Order(StringComparer.Ordinal)], r.JobCategory))
            .ToList();
        return new PeoplePage(items, page, Limits.PeoplePageSize, hasMore);
    }

    /// <summary>The departments to filter by, by name.</summary>
    public async Task<IReadOnlyList<DepartmentChoice>> DepartmentsAsync(Viewer viewer, CancellationToken cancellationToken)
    {
        Administrators.Require(viewer);
        return await db.Departments.OrderBy(d => d.Name).Select(d => new DepartmentChoice(d.Id, d.Name)).ToListAsync(cancellationToken);
    }

    /// <summary>Sets a person's professional category (null: none), which targeted messages may address; audited.</summary>
    public async Task SetJobCategoryAsync(Viewer viewer, long personId, JobCategory? category, CancellationToken cancellationToken)
    {
        Administrators.Require(viewer);
        if (category is { } c && !Enum.IsDefined(c))
        {
            throw RucheException.Invalid("audience.category-unknown", "No such professional category.");
        }

        var person = await db.People.SingleOrDefaultAsync(p => p.Id == personId && p.ErasedAt == null, cancellationToken)
            ?? throw RucheException.NotFound("person.not-found", "No such person.");
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        person.JobCategory = category;
        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync(viewer.PersonId, "person.job-category-changed", $"person:{personId}", null, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Deactivates (signed out everywhere, cannot sign in) or reactivates a person; audited as the administrator's act.</summary>
    public async Task SetActiveAsync(Viewer viewer, long personId, bool? active, CancellationToken cancellationToken)
    {
        Administrators.Require(viewer);
        if (active is not { } wanted)
        {
            throw RucheException.Invalid("person.active-required", "Say whether the person is active (true) or deactivated (false).");
        }

        var person = await users.FindByIdAsync(personId.ToString(CultureInfo.InvariantCulture));
        if (person is null || person.ErasedAt is not null)
        {
            throw RucheException.NotFound("person.not-found", "No such person.");
        }

        if (!wanted && person.Id == viewer.PersonId)
        {
            throw RucheException.Conflict("person.deactivate-self", "Another administrator deactivates your account, not you.");
        }

        await Deactivation.SetActiveAsync(db, users, audit, time, person, wanted, viewer.PersonId, wanted ? "person.reactivated" : "person.deactivated", cancellationToken);
    }
}

/// <summary>Who the administrators' list shows (erased people never).</summary>
public enum PersonStatus
{
    All,
    Active,
    Deactivated,
}

/// <param name="Page">From 1; pages stop at <see cref="Limits.PeopleOffsetMax"/> rows in.</param>
public sealed record PeopleFilter(string? Search = null, string? Role = null, long? DepartmentId = null, PersonStatus Status = PersonStatus.All, int? Page = 1);

public sealed record AdministeredPerson(long Id, string DisplayName, string Handle, string Email, string? Department, bool IsActive, IReadOnlyList<string> Roles, JobCategory? JobCategory = null);

public sealed record PeoplePage(IReadOnlyList<AdministeredPerson> Items, int Page, int PageSize, bool HasMore);

public sealed record DepartmentChoice(long Id, string Name);
