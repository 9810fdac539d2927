using Microsoft.EntityFrameworkCore;
using Ruche.Core.Common;
using Ruche.Core.Data;
using Ruche.Core.Files;
using Ruche.Core.People;

namespace Ruche.Core.Profiles;

/// <summary>The directory: reading profiles and keeping them up to date.</summary>
public sealed class ProfileService(RucheDbContext db, FileService files, TimeProvider time)
{
    /// <summary>The most people one directory answer lists.</summary>
    private const int DirectoryMax = 500;

    public async Task<Profile> GetAsync(long personId, CancellationToken cancellationToken) =>
        await Profiles(db.People.Where(p => p.Id == personId)).SingleOrDefaultAsync(cancellationToken) ?? throw NotFound();

    public async Task<Profile> GetByHandleAsync(string handle, CancellationToken cancellationToken)
    {
        var key = Content.Mentions.NormalizeHandle(handle) ?? throw NotFound();
        return await Profiles(db.People.Where(p => p.Handle == key)).SingleOrDefaultAsync(cancellationToken) ?? throw NotFound();
    }

    /// <summary>The people these handles name, by normalised handle, in one query; a handle nobody has is left out.</summary>
    public async Task<IReadOnlyDictionary<string, long>> IdsByHandleAsync(IEnumerable<string> handles, CancellationToken cancellationToken)
    {
        var keys = handles.Select(Content.Mentions.NormalizeHandle).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        return await db.People.Where(p => keys.Contains(p.Handle)).ToDictionaryAsync(p => p.Handle, p => p.Id, StringComparer.Ordinal, cancellationToken);
    }

    /// <summary>
    /// The active people each of <paramref name="names"/> names exactly (case aside), by name as given; a name nobody
    /// or more than one person has is left out, so a form never picks one of two namesakes.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, long>> IdsByNameAsync(IEnumerable<string> names, CancellationToken cancellationToken)
    {
        var wanted = names.Select(n => n.Trim()).Where(n => n.Length is > 0 and <= Limits.DisplayNameMaxLength).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (wanted.Count == 0)
        {
            return new Dictionary<string, long>();
        }

        var lowered = wanted.Select(n => n.ToLowerInvariant()).ToList();
#pragma warning disable CA1304, CA1311, CA1862 // translated to SQL LOWER(); these culture rules are about .NET string calls
        var found = await db.People.Where(p => p.IsActive && (wanted.Contains(p.DisplayName) || lowered.Contains(p.DisplayName.ToLower())))
            .Select(p => new { p.Id, p.DisplayName }).ToListAsync(cancellationToken);
#pragma warning restore CA1304, CA1311, CA1862
        return wanted
            .Select(name => (name, matches: found.Where(p => string.Equals(p.DisplayName, name, StringComparison.OrdinalIgnoreCase)).ToList()))
            .Where(x => x.matches.Count == 1)
            .ToDictionary(x => x.name, x => x.matches[0].Id, StringComparer.OrdinalIgnoreCase);
    }

    public Task<IReadOnlyList<DirectoryEntry>> DirectoryAsync(string? search, CancellationToken cancellationToken) =>
        DirectoryAsync(search, DirectoryMax, cancellationToken);

    /// <summary>Active people whose name, handle or job title holds <paramref name="search"/>, by name, at most <paramref name="limit"/>.</summary>
    public async Task<IReadOnlyList<DirectoryEntry>> DirectoryAsync(string? search, int limit, CancellationToken cancellationToken)
    {
        var people = db.People.Where(p => p.IsActive);
        if (!string.IsNullOrWhiteSpace(search))
        {
            var term = search.Trim().TrimStart('@').ToLowerInvariant();
#pragma warning disable CA1304, CA1311, CA1862 // translated to SQL LOWER(); these culture rules are about .NET string calls
            people = people.Where(p => p.DisplayName.ToLower().Contains(term) || p.Handle.Contains(term) || (p.JobTitle != null && p.JobTitle.ToLower().Contains(term)));
#pragma warning restore CA1304, CA1311, CA1862
        }

        var now = time.UtcNow();
        return await people.OrderBy(p => p.DisplayName)
            .Select(p => new DirectoryEntry(
                p.Id, p.DisplayName, p.Handle, p.JobTitle, p.Department!.Name, p.Site!.Name, p.TimeZone, p.PhotoFileId,
                PersonRefs.PresenceOf(p, now)))
            .Take(Math.Clamp(limit, 1, DirectoryMax))
            .ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<NamedRef>> DepartmentsAsync(CancellationToken cancellationToken) =>
        await db.Departments.OrderBy(d => d.Name).Select(d => new NamedRef(d.Id, d.Name)).ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<SiteRef>> SitesAsync(CancellationToken cancellationToken) =>
        await db.Sites.OrderBy(s => s.Name).Select(s => new SiteRef(s.Id, s.Name, s.TimeZone)).ToListAsync(cancellationToken);

    /// <summary>
    /// Updates a profile: one's own, or anyone's for HR and administrators. Empty text clears a field;
    /// an id of 0 clears a department, site or manager. Everything is checked before anything changes.
    /// </summary>
    public async Task<Profile> UpdateAsync(Viewer viewer, long personId, ProfileUpdate update, CancellationToken cancellationToken)
    {
        if (personId != viewer.PersonId && !viewer.IsAdministrator && !viewer.IsInRole(RoleNames.HumanResources))
        {
            throw RucheException.Forbidden("profile.not-yours", "You may only change your own profile.");
        }

        var person = await db.People.Include(p => p.Skills).SingleOrDefaultAsync(p => p.Id == personId, cancellationToken) ?? throw NotFound();

        if (update.DisplayName is not null)
        {
            var name = update.DisplayName.Trim();
            if (name.Length is 0 or > Limits.DisplayNameMaxLength)
            {
                throw RucheException.Invalid("profile.name-invalid", $"A name has 1 to {Limits.DisplayNameMaxLength} characters.");
            }

            person.DisplayName = name;
        }

        if (update.JobTitle is not null)
        {
            person.JobTitle = Optional(update.JobTitle, Limits.JobTitleMaxLength, "profile.job-title-too-long", "job title");
        }

        if (update.Bio is not null)
        {
            person.Bio = Optional(update.Bio, Limits.BioMaxLength, "profile.bio-too-long", "bio");
        }

        if (update.TimeZone is not null)
        {
            if (!TimeZones.IsValid(update.TimeZone))
            {
                throw RucheException.Invalid("profile.time-zone-invalid", $"'{update.TimeZone}' is not an IANA time zone such as Europe/Paris.");
            }

            person.TimeZone = update.TimeZone;
        }

        if (update.DepartmentId is { } departmentId)
        {
            if (departmentId != 0 && !await db.Departments.AnyAsync(d => d.Id == departmentId, cancellationToken))
            {
                throw RucheException.Invalid("profile.department-unknown", "No such department.");
            }

            person.DepartmentId = departmentId == 0 ? null : departmentId;
        }

        if (update.SiteId is { } siteId)
        {
            if (siteId != 0 && !await db.Sites.AnyAsync(s => s.Id == siteId, cancellationToken))
            {
                throw RucheException.Invalid("profile.site-unknown", "No such site.");
            }

            person.SiteId = siteId == 0 ? null : siteId;
        }

        if (update.ManagerId is { } managerId)
        {
            await ValidateManagerAsync(person.Id, managerId, cancellationToken);
            person.ManagerId = managerId == 0 ? null : managerId;
        }

        if (update.Skills is not null)
        {
            // JSON may hold null where a skill is expected ({"skills":[null]}): a refusal, not a crash.
            var skills = update.Skills.Where(s => s is not null).Select(s => s.Trim()).Where(s => s.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            if (update.Skills.Any(s => s is null) || skills.Count > Limits.SkillsPerPerson || skills.Any(s => s.Length > Limits.SkillMaxLength))
            {
                throw RucheException.Invalid("profile.skills-invalid", $"At most {Limits.SkillsPerPerson} skills of up to {Limits.SkillMaxLength} characters each.");
            }

            person.Skills.RemoveAll(s => !skills.Contains(s.Skill, StringComparer.Ordinal));
            person.Skills.AddRange(skills.Where(s => person.Skills.All(existing => existing.Skill != s)).Select(s => new PersonSkill { Skill = s }));
        }

        await db.SaveChangesAsync(cancellationToken);
        return await GetAsync(personId, cancellationToken);
    }

    public async Task<Profile> SetPhotoAsync(Viewer viewer, Stream content, string? fileName, CancellationToken cancellationToken)
    {
        var file = await files.UploadImageAsync(viewer, content, fileName, FilePurpose.ProfilePhoto, cancellationToken);
        var person = await db.People.SingleAsync(p => p.Id == viewer.PersonId, cancellationToken);
        person.PhotoFileId = file.Id;
        await db.SaveChangesAsync(cancellationToken);
        return await GetAsync(viewer.PersonId, cancellationToken);
    }

    public async Task SetLanguageAsync(Viewer viewer, string language, CancellationToken cancellationToken)
    {
        if (language is not ("fr" or "en"))
        {
            throw RucheException.Invalid("profile.language-invalid", "Language is 'fr' or 'en'.");
        }

        await db.People.Where(p => p.Id == viewer.PersonId).ExecuteUpdateAsync(s => s.SetProperty(p => p.Language, language), cancellationToken);
    }

    private async Task ValidateManagerAsync(long personId, long managerId, CancellationToken cancellationToken)
    {
        if (managerId == 0)
        {
            return;
        }

        if (managerId == personId)
        {
            throw RucheException.Invalid("profile.manager-self", "A person cannot be their own manager.");
        }

        if (!await db.People.AnyAsync(p => p.Id == managerId, cancellationToken))
        {
            throw RucheException.Invalid("profile.manager-unknown", "No such manager.");
        }

        // Walk up from the new manager, one indexed read per level: meeting this person again would make a loop.
        var seen = new HashSet<long>();
        for (long? current = managerId; current is { } id && seen.Add(id);)
        {
            if (id == personId)
            {
                throw RucheException.Invalid("profile.manager-cycle", "That would make a loop in the organisation chart.");
            }

            current = await db.People.Where(p => p.Id == id).Select(p => p.ManagerId).SingleOrDefaultAsync(cancellationToken);
        }
    }

    private static string? Optional(string value, int max, string code, string field)
    {
        var trimmed = value.Trim();
        if (trimmed.Length > max)
        {
            throw RucheException.Invalid(code, $"The {field} holds at most {max} characters.");
        }

        return trimmed.Length == 0 ? null : trimmed;
    }

    private IQueryable<Profile> Profiles(IQueryable<Person> people)
    {
        var now = time.UtcNow();
        return people.Select(p => new Profile(
            p.Id,
            p.DisplayName,
            p.Handle,
            p.Email ?? string.Empty,
            p.JobTitle,
            p.DepartmentId == null ? null : new NamedRef(p.Department!.Id, p.Department.Name),
            p.SiteId == null ? null : new SiteRef(p.Site!.Id, p.Site.Name, p.Site.TimeZone),
            p.ManagerId == null ? null : PersonRefs.Of(p.Manager!, now),
            p.TimeZone,
            p.Bio,
            p.Skills.OrderBy(s => s.Skill).Select(s => s.Skill).ToList(),
            p.PhotoFileId,
            db.PersonFollows.Count(f => f.FolloweeId == p.Id),
            db.PersonFollows.Count(f => f.FollowerId == p.Id),
            PersonRefs.PresenceOf(p, now)));
    }

    private static RucheException NotFound() => RucheException.NotFound("person.not-found", "No such person.");
}
