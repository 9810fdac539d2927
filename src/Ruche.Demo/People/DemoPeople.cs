using Microsoft.AspNetCore.Identity;
using Ruche.Core.Data;
using Ruche.Core.People;

namespace Ruche.Demo.People;

/// <summary>The demo company's accounts, built from the roster: sites, departments, people, their managers and skills.</summary>
internal static class DemoPeople
{
    /// <summary>The newcomer (arrived five days ago) the demo shows the welcome path to.</summary>
    public const string NotYetOnboarded = "rachel.chua";

    public static DemoStaff Create(RucheDbContext db, IPasswordHasher<Person> hasher, Random random, DateTime now, DateTime launch)
    {
        var sites = DemoRoster.Sites.ToDictionary(
            s => s.Name, s => new Site { Name = s.Name, TimeZone = s.TimeZone, CountryCode = s.CountryCode, Region = s.CountryCode == "CA" ? "QC" : null }, StringComparer.Ordinal);
        var departments = DemoRoster.Departments.ToDictionary(d => d, d => new Department { Name = d }, StringComparer.Ordinal);
        db.Sites.AddRange(sites.Values);
        db.Departments.AddRange(departments.Values);

        // Hashing is deliberately slow; one hash embeds its own salt, so sharing it across demo accounts is valid.
        string? passwordHash = null;
        var members = new List<DemoMember>();
        for (var index = 0; index < DemoRoster.People.Count; index++)
        {
            var spec = DemoRoster.People[index];
            var site = DemoRoster.Sites.Single(s => s.Name == spec.Site);
            var zone = TimeZoneInfo.TryFindSystemTimeZoneById(site.TimeZone, out var found) ? found : TimeZoneInfo.Utc;
            var email = $"{spec.Handle}@{DemoCompany.EmailDomain}";
            var skills = spec.Skills ?? PickSkills(spec, random);
            var person = new Person
            {
                UserName = email,
                NormalizedUserName = email.ToUpperInvariant(),
                Email = email,
                NormalizedEmail = email.ToUpperInvariant(),
                EmailConfirmed = true,
                SecurityStamp = Guid.NewGuid().ToString(),
                LockoutEnabled = true,
                DisplayName = $"{spec.FirstName} {spec.LastName}",
                Handle = spec.Handle,
                JobTitle = spec.JobTitle,
                Department = departments[spec.Department],
                Site = sites[spec.Site],
                TimeZone = site.TimeZone,
                Bio = spec.Bio ?? DemoBios.Bio(
                    spec.JobTitle,
                    spec.Site,
                    spec.JoinedDaysAgo > 0 ? null : now.Year - random.Next(1, 11),
                    spec.Department,
                    DemoBios.Hobbies[random.Next(DemoBios.Hobbies.Length)],
                    skills[0],
                    skills[1]),
                Language = "fr",
                CreatedAt = spec.JoinedDaysAgo > 0 ? ArrivalTime(now, spec.JoinedDaysAgo, zone) : launch.AddMinutes(index * 3),
                Skills = skills.Select(s => new PersonSkill { Skill = s }).ToList(),
            };
            // Everyone is settled in but the newest arrival, who has not been through the welcome path yet (Onboarding).
            person.OnboardedAt = spec.Handle == NotYetOnboarded ? null : person.CreatedAt;
            passwordHash ??= hasher.HashPassword(person, DemoCompany.Password);
            person.PasswordHash = passwordHash;
            members.Add(new DemoMember(person, spec, site, zone, skills));
        }

        // ToDictionary throws on a duplicate, which keeps handles unique as the roster grows.
        var byHandle = members.ToDictionary(m => m.Handle, StringComparer.Ordinal);
        foreach (var member in members)
        {
            if (member.Spec.Manager is { } manager)
            {
                member.Person.Manager = byHandle[manager].Person;
            }
        }

        // The accounts a demo signs in with, and the managers, write more than the average colleague.
        foreach (var member in members)
        {
            member.Weight = member.Spec.Bio is not null ? 2.5 : IsHead(member, byHandle) ? 1.6 : 0.4 + (random.NextDouble() * 1.6);
        }

        db.People.AddRange(members.Select(m => m.Person));
        return new DemoStaff(members, byHandle);
    }

    private static string[] PickSkills(DemoPersonSpec spec, Random random)
    {
        var count = random.Next(2, 6);
        var withLanguage = count >= 3 && random.NextDouble() < 0.4;
        var skills = DemoRandom.Shuffled(DemoRoster.SkillsByDepartment[spec.Department], random).Take(withLanguage ? count - 1 : count).ToList();
        if (withLanguage)
        {
            var languages = DemoRoster.LanguagesBySite[spec.Site];
            skills.Add(languages[random.Next(languages.Length)]);
        }

        return [.. skills];
    }

    /// <summary>Newcomers start on the Monday of their arrival week, at nine in the morning on their site.</summary>
    private static DateTime ArrivalTime(DateTime now, int daysAgo, TimeZoneInfo zone)
    {
        var day = DateOnly.FromDateTime(now).AddDays(-daysAgo);
        while (day.DayOfWeek != DayOfWeek.Monday)
        {
            day = day.AddDays(-1);
        }

        return TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(new TimeOnly(9, 0)), zone);
    }

    /// <summary>Heads a department: nobody above them in it (the chief executive, or a manager reporting outside).</summary>
    public static bool IsHead(DemoMember member, IReadOnlyDictionary<string, DemoMember> byHandle) =>
        member.Spec.Manager is not { } manager || byHandle[manager].Spec.Department != member.Spec.Department;
}
