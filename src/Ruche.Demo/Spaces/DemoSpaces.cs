using Ruche.Core.Common;
using Ruche.Core.Data;
using Ruche.Core.Spaces;
using Ruche.Demo.People;

namespace Ruche.Demo.Spaces;

/// <summary>
/// The demo company's spaces: the Café everyone is in, the direction's announcements, one team space per department,
/// three projects (open, private with pending join requests, secret) and three interest groups.
/// </summary>
internal static class DemoSpaces
{
    public static List<DemoSpace> Create(RucheDbContext db, DemoStaff staff, Random random, DateTime createdAt, DateTime now)
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
            var head = team.Single(m => DemoPeople.IsHead(m, staff.ByHandle));
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
            members: DemoRandom.Shuffled(everyone, random).Take(24).ToList()));
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
}
