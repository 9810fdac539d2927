using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Ruche.Core.Common;
using Ruche.Core.Content;
using Ruche.Core.Data;
using Ruche.Core.Follows;
using Ruche.Core.People;
using Ruche.Core.Spaces;

namespace Ruche.Demo;

/// <summary>A fictional company of sixty people on three sites, with a month of activity, for demos and manual tests.</summary>
public static class DemoCompany
{
    public const string Password = "Ruche-Demo-2026!";
    public const string EmailDomain = "demo.ruche.local";

    // A fixed seed builds the same company every time, so demos and bug reports can be reproduced.
    private const int Seed = 2026;

    private static readonly string[] FollowedTags =
        ["télétravail", "atlas", "recrutement", "sécurité", "bienvenue", "3goalsaday", "café", "produit", "support", "kudos"];

    /// <summary>Seeds the demo company into an empty, migrated database, all or nothing.</summary>
    public static async Task SeedAsync(RucheDbContext db, IPasswordHasher<Person> hasher, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(hasher);
        ArgumentNullException.ThrowIfNull(time);
        if (await db.People.AnyAsync(cancellationToken))
        {
            throw new InvalidOperationException("The demo company is seeded into an empty database only.");
        }

        var now = time.UtcNow();
        var random = new Random(Seed);

        // The company adopted Ruche a few weeks before the month of activity, so every account predates its posts.
        var launch = now.Date.AddDays(-45).AddHours(7);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var staff = CreatePeople(db, hasher, random, now, launch);
        var roles = await EnsureRolesAsync(db, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);

        AssignRoles(db, staff, roles);
        var spaces = CreateSpaces(db, staff, random, launch.AddHours(4), now);
        await db.SaveChangesAsync(cancellationToken);

        await new DemoActivity(db, staff, spaces, random, now).WriteAsync(cancellationToken);
        await DemoNotifications.WriteAsync(db, now, cancellationToken);
        await DemoGoals.WriteAsync(db, staff, spaces, random, now, cancellationToken);

        AddFollows(db, staff, spaces, random, now);
        DemoEvents.Write(db, staff, spaces, random, now);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private static DemoStaff CreatePeople(RucheDbContext db, IPasswordHasher<Person> hasher, Random random, DateTime now, DateTime launch)
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
            var email = $"{spec.Handle}@{EmailDomain}";
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
                Bio = spec.Bio ?? DemoTexts.Bio(
                    spec.JobTitle,
                    spec.Site,
                    spec.JoinedDaysAgo > 0 ? null : now.Year - random.Next(1, 11),
                    spec.Department,
                    DemoTexts.Hobbies[random.Next(DemoTexts.Hobbies.Length)],
                    skills[0],
                    skills[1]),
                Language = "fr",
                CreatedAt = spec.JoinedDaysAgo > 0 ? ArrivalTime(now, spec.JoinedDaysAgo, zone) : launch.AddMinutes(index * 3),
                Skills = skills.Select(s => new PersonSkill { Skill = s }).ToList(),
            };
            passwordHash ??= hasher.HashPassword(person, Password);
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
        var skills = Shuffled(DemoRoster.SkillsByDepartment[spec.Department], random).Take(withLanguage ? count - 1 : count).ToList();
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

    private static bool IsHead(DemoMember member, IReadOnlyDictionary<string, DemoMember> byHandle) =>
        member.Spec.Manager is not { } manager || byHandle[manager].Spec.Department != member.Spec.Department;

    private static async Task<Dictionary<string, IdentityRole<long>>> EnsureRolesAsync(RucheDbContext db, CancellationToken cancellationToken)
    {
        var roles = (await db.Roles.ToListAsync(cancellationToken))
            .Where(r => r.Name is not null)
            .ToDictionary(r => r.Name!, StringComparer.Ordinal);
        foreach (var name in RoleNames.All.Where(n => !roles.ContainsKey(n)))
        {
            var role = new IdentityRole<long> { Name = name, NormalizedName = name.ToUpperInvariant(), ConcurrencyStamp = Guid.NewGuid().ToString() };
            db.Roles.Add(role);
            roles[name] = role;
        }

        return roles;
    }

    private static void AssignRoles(RucheDbContext db, DemoStaff staff, Dictionary<string, IdentityRole<long>> roles)
    {
        foreach (var member in staff.All)
        {
            db.UserRoles.Add(new IdentityUserRole<long> { UserId = member.Id, RoleId = roles[RoleNames.Employee].Id });
            if (member.Spec.Role is { } role && role != RoleNames.Employee)
            {
                db.UserRoles.Add(new IdentityUserRole<long> { UserId = member.Id, RoleId = roles[role].Id });
            }
        }
    }

    private static List<DemoSpace> CreateSpaces(RucheDbContext db, DemoStaff staff, Random random, DateTime createdAt, DateTime now)
    {
        List<DemoMember> People(params string[] handles) => handles.Select(h => staff.ByHandle[h]).ToList();
        var everyone = staff.All;
        var spaces = new List<DemoSpace>
        {
            DemoSpace.Create(
                "Café", "L'espace de tout le monde : pauses, bonnes nouvelles, questions du quotidien et bons plans.",
                SpaceKind.Interest, SpaceVisibility.Open, "cafe", 64, createdAt,
                owners: People("camille.martin"), moderators: People("isabelle.moreau"), members: everyone, isDefault: true),
            DemoSpace.Create(
                "Annonces de la direction", "Les annonces officielles de la direction et des fonctions support. Seuls les responsables y publient.",
                SpaceKind.Announcements, SpaceVisibility.Open, "announcements", 18, createdAt,
                owners: everyone.Where(m => m.Spec.Role == RoleNames.Direction).ToList(),
                moderators: People("camille.martin", "lea.dubois", "isabelle.moreau", "alexandre.morel"),
                members: everyone),
        };

        foreach (var department in DemoRoster.Departments)
        {
            var team = everyone.Where(m => m.Spec.Department == department).ToList();
            var head = team.Single(m => IsHead(m, staff.ByHandle));
            var leads = team.Where(m => m != head && team.Any(r => r.Spec.Manager == m.Handle)).ToList();
            spaces.Add(DemoSpace.Create(
                department == DemoRoster.Direction ? "Direction générale" : $"Équipe {department}",
                $"L'espace de l'équipe {department} : actualités, questions et entraide.",
                SpaceKind.Team, SpaceVisibility.Open, "team:" + department, 17, createdAt,
                owners: [head], moderators: leads, members: team));
        }

        var atlas = DemoSpace.Create(
            "Projet Atlas", "La nouvelle plateforme de données client : avancement, décisions et démos. Sur demande d'adhésion.",
            SpaceKind.Project, SpaceVisibility.Private, "atlas", 20, createdAt,
            owners: People("thomas.bernard"), moderators: People("emilie.laurent", "nicolas.petit"),
            members: People(
                "karim.benali", "julien.roux", "sarah.cohen", "pierre.blanc", "baptiste.simon", "chloe.michel", "weiling.tan", "junjie.lim",
                "darren.ong", "felix.ouellet", "marie-eve.bergeron", "camille.martin", "romain.girard", "guillaume.roussel"));

        // Two join requests waiting for an owner, so the approval screen has something to show.
        foreach (var (handle, daysAgo) in new[] { ("hugo.lambert", 3), ("annie.gauthier", 1) })
        {
            atlas.Space.Members.Add(new SpaceMembership
            {
                PersonId = staff.ByHandle[handle].Id,
                Role = SpaceRole.Member,
                Status = MembershipStatus.Pending,
                CreatedAt = now.AddDays(-daysAgo).AddMinutes(-random.Next(30, 300)),
            });
        }

        spaces.Add(atlas);
        spaces.Add(DemoSpace.Create(
            "Refonte du portail client", "Le nouveau portail de nos clients, de la recherche utilisateur à la mise en ligne.",
            SpaceKind.Project, SpaceVisibility.Open, "portal", 13, createdAt,
            owners: People("patrick.caron"), moderators: People("genevieve.bouchard"),
            members: People(
                "sophie.tremblay", "mathieu.roy", "gabriel.levesque", "marie-eve.bergeron", "hugo.lambert", "ines.garcia", "chloe.michel",
                "julie.leblanc", "vincent.andre", "siti.rahman", "catherine.pelletier")));
        spaces.Add(DemoSpace.Create(
            "Comité de rachat", "Étude d'une acquisition. Strictement confidentiel.",
            SpaceKind.Project, SpaceVisibility.Secret, "acquisition", 8, createdAt,
            owners: People("antoine.lefebvre"), moderators: [], members: People("nathalie.bonnet", "maxime.garnier", "camille.martin")));
        spaces.Add(DemoSpace.Create(
            "Course à pied", "Sorties du midi, courses solidaires et conseils d'entraînement, à Paris, Montréal et Singapour.",
            SpaceKind.Interest, SpaceVisibility.Open, "running", 11, createdAt,
            owners: People("sarah.cohen"), moderators: [],
            members: People(
                "julien.roux", "karim.benali", "sophie.tremblay", "mathieu.roy", "kelvin.ng", "junjie.lim", "lucie.perrin",
                "guillaume.roussel", "simon.lavoie", "manon.guerin", "vincent.andre", "baptiste.simon", "antoine.lefebvre")));
        spaces.Add(DemoSpace.Create(
            "Télétravail et outils", "Astuces, matériel et bonnes pratiques pour travailler à distance et entre fuseaux horaires.",
            SpaceKind.Interest, SpaceVisibility.Open, "remote", 14, createdAt,
            owners: People("camille.martin"), moderators: People("sarah.cohen"),
            members: Shuffled(everyone, random).Take(24).ToList()));
        spaces.Add(DemoSpace.Create(
            "Photo", "Vos plus belles photos, le concours du mois et des sorties photo entre collègues.",
            SpaceKind.Interest, SpaceVisibility.Open, "photo", 11, createdAt,
            owners: People("chloe.michel"), moderators: [],
            members: People(
                "alexandre.morel", "weiling.tan", "huimin.lee", "rachel.chua", "julie.leblanc", "gabriel.levesque", "isabelle.moreau",
                "pierre.blanc", "valerie.nadeau", "mehdi.haddad", "benjamin.teo")));

        db.Spaces.AddRange(spaces.Select(s => s.Space));
        return spaces;
    }

    private static void AddFollows(RucheDbContext db, DemoStaff staff, IReadOnlyList<DemoSpace> spaces, Random random, DateTime now)
    {
        foreach (var member in staff.All)
        {
            // People mostly follow their manager and teammates, then a few colleagues met elsewhere.
            var candidates = new List<DemoMember>();
            if (member.Spec.Manager is { } manager)
            {
                candidates.Add(staff.ByHandle[manager]);
            }

            candidates.AddRange(Shuffled(staff.All.Where(o => o.Spec.Department == member.Spec.Department), random).Take(3));
            candidates.AddRange(Shuffled(staff.All, random));
            var target = random.Next(3, 11);
            foreach (var followee in candidates.Where(c => c != member).Distinct().Take(target))
            {
                db.PersonFollows.Add(new PersonFollow
                {
                    FollowerId = member.Id,
                    FolloweeId = followee.Id,
                    CreatedAt = Between(Later(member.Person.CreatedAt, followee.Person.CreatedAt), now, random),
                });
            }

            if (random.NextDouble() < 0.5)
            {
                foreach (var tag in Shuffled(FollowedTags, random).Take(random.Next(1, 4)))
                {
                    db.TagFollows.Add(new TagFollow { PersonId = member.Id, Tag = Tags.Normalize(tag)!, CreatedAt = Between(member.Person.CreatedAt, now, random) });
                }
            }
        }

        // A few people keep an eye on an open space without joining it.
        var watched = spaces.Where(s => s.Space.Visibility == SpaceVisibility.Open && !s.Space.IsDefault && s.Space.Kind != SpaceKind.Announcements).ToList();
        var follows = new HashSet<(long PersonId, long SpaceId)>();
        while (follows.Count < 10)
        {
            var member = staff.All[random.Next(staff.All.Count)];
            var space = watched[random.Next(watched.Count)];
            if (!space.Members.Contains(member) && follows.Add((member.Id, space.Space.Id)))
            {
                db.SpaceFollows.Add(new SpaceFollow { PersonId = member.Id, SpaceId = space.Space.Id, CreatedAt = Between(member.Person.CreatedAt, now, random) });
            }
        }
    }

    internal static T[] Shuffled<T>(IEnumerable<T> items, Random random)
    {
        var array = items.ToArray();
        random.Shuffle(array);
        return array;
    }

    internal static DateTime Later(DateTime a, DateTime b) => a > b ? a : b;

    /// <summary>A whole-second instant between two others, so values survive any database's precision.</summary>
    internal static DateTime Between(DateTime from, DateTime to, Random random) =>
        to <= from ? from : from.AddSeconds(Math.Floor(random.NextDouble() * (to - from).TotalSeconds));
}
