using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Ruche.Core.Common;
using Ruche.Core.Data;
using Ruche.Core.People;
using Ruche.Core.PersonalData;

namespace Ruche.Core.Profiles;

/// <summary>A person's profile, account settings and roles, for their export.</summary>
public sealed class ProfilePersonalData(RucheDbContext db, UserManager<Person> users) : IPersonalDataSource
{
    public async Task ExportAsync(long personId, PersonalDataSections sections, CancellationToken cancellationToken)
    {
        var person = await db.People.AsNoTracking().Include(p => p.Skills).Include(p => p.Department).Include(p => p.Site)
            .SingleOrDefaultAsync(p => p.Id == personId, cancellationToken) ?? throw RucheException.NotFound("person.not-found", "No such person.");
        sections.Add("profile", new
        {
            person.Id, person.Email, person.DisplayName, person.Handle, person.JobTitle, department = person.Department?.Name,
            site = person.Site?.Name, person.ManagerId, person.TimeZone, person.Bio, skills = person.Skills.Select(s => s.Skill),
            person.Language, person.CreatedAt, person.PhotoFileId, twoFactorEnabled = person.TwoFactorEnabled,
            roles = await users.GetRolesAsync(person),
        });
    }
}
