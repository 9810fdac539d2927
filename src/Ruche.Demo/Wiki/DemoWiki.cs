using Ruche.Core.Content;
using Ruche.Core.Data;
using Ruche.Core.Posts;
using Ruche.Core.Wiki;
using Ruche.Demo.People;
using Ruche.Demo.Spaces;

namespace Ruche.Demo.Wiki;

/// <summary>
/// Co-written pages of the demo, with real history: the monthly objectives meeting's agenda of a team, Atlas's project
/// plan and a decision record under it, the portal's workshop notes and one of its own templates. Each page grows
/// revision by revision, by several members (one revision merged, one restored), with comments and its feed entry.
/// </summary>
internal static class DemoWiki
{
    private static readonly MarkdownContent Markdown = new();

    private sealed record Step(string Author, string? Summary, string Text, bool Merged = false);

    private sealed record Plan(string Pool, string Title, string? Parent, bool IsTemplate, Step[] Steps, string[] Comments);

    private const string Agenda1 = "## Réunion mensuelle des objectifs — décembre\n\n### 1. Ce que nous avions prévu en novembre\n\n- Livrer l'export comptable\n- Recruter un·e alternant·e\n\n### 2. Ce qui a avancé, ce qui a bloqué\n\n- \n\n### 3. Les objectifs de décembre\n\n1. \n\n### 4. Questions diverses\n\n- ";
    private const string Agenda2 = "## Réunion mensuelle des objectifs — décembre\n\n### 1. Ce que nous avions prévu en novembre\n\n- Livrer l'export comptable ✅\n- Recruter un·e alternant·e (entretiens en cours)\n\n### 2. Ce qui a avancé, ce qui a bloqué\n\n- L'export est en production depuis le 18\n- Bloqué : accès au nouvel entrepôt de données\n\n### 3. Les objectifs de décembre\n\n1. \n\n### 4. Questions diverses\n\n- ";
    private const string Agenda3 = "## Réunion mensuelle des objectifs — décembre\n\n### 1. Ce que nous avions prévu en novembre\n\n- Livrer l'export comptable ✅\n- Recruter un·e alternant·e (entretiens en cours)\n\n### 2. Ce qui a avancé, ce qui a bloqué\n\n- L'export est en production depuis le 18\n- Bloqué : accès au nouvel entrepôt de données\n\n### 3. Les objectifs de décembre\n\n1. Clôture annuelle sans ressaisie\n2. Former deux collègues à l'export\n3. Obtenir l'accès à l'entrepôt avant le 15\n\n### 4. Questions diverses\n\n- Congés de fin d'année : qui assure la permanence ?";
    private const string Agenda4 = "## Réunion mensuelle des objectifs — décembre\n\n*Jeudi 10 h, salle Vercors et en visio.*\n\n### 1. Ce que nous avions prévu en novembre\n\n- Livrer l'export comptable ✅\n- Recruter un·e alternant·e (entretiens en cours)\n\n### 2. Ce qui a avancé, ce qui a bloqué\n\n- L'export est en production depuis le 18\n- Bloqué : accès au nouvel entrepôt de données\n\n### 3. Les objectifs de décembre\n\n1. Clôture annuelle sans ressaisie\n2. Former deux collègues à l'export\n3. Obtenir l'accès à l'entrepôt avant le 15\n\n### 4. Questions diverses\n\n- Congés de fin d'année : qui assure la permanence ?\n- Budget formation 2027";

    private const string Atlas1 = "## Objectif\n\nUne seule plateforme de données client pour les équipes ventes, support et marketing.\n\n## Jalons\n\n| Jalon | Date | Responsable |\n|---|---|---|\n| Cadrage | octobre | Thomas |\n| Prototype | novembre | Émilie |\n| Pilote | janvier | Nicolas |\n\n## Risques\n\n- Qualité des données historiques";
    private const string Atlas2 = "## Objectif\n\nUne seule plateforme de données client pour les équipes ventes, support et marketing.\n\n## Périmètre\n\n- Dans le périmètre : comptes, contacts, tickets\n- Hors périmètre : facturation\n\n## Jalons\n\n| Jalon | Date | Responsable |\n|---|---|---|\n| Cadrage | octobre | Thomas |\n| Prototype | novembre | Émilie |\n| Pilote | janvier | Nicolas |\n\n## Risques\n\n- Qualité des données historiques";
    private const string Atlas3 = "## Objectif\n\nUne seule plateforme de données client pour les équipes ventes, support et marketing.\n\n## Périmètre\n\n- Dans le périmètre : comptes, contacts, tickets\n- Hors périmètre : facturation\n\n## Jalons\n\n| Jalon | Date | Responsable |\n|---|---|---|\n| Cadrage | octobre | Thomas |\n| Prototype | novembre | Émilie |\n| Pilote | février | Nicolas |\n\n## Risques\n\n- Qualité des données historiques\n- Disponibilité de l'équipe support pendant le pilote";

    private const string Decision1 = "## Contexte\n\nAtlas doit stocker 40 millions d'événements client par an.\n\n## Décision\n\nÀ prendre.\n\n## Options envisagées\n\n1. PostgreSQL avec partitionnement\n2. Un entrepôt en colonnes";
    private const string Decision2 = "## Contexte\n\nAtlas doit stocker 40 millions d'événements client par an.\n\n## Décision\n\nPostgreSQL avec partitionnement mensuel : l'équipe le connaît et l'hébergeur le fournit.\n\n## Options envisagées\n\n1. PostgreSQL avec partitionnement\n2. Un entrepôt en colonnes (écarté : coût et compétences)\n\n## Statut\n\nAcceptée — revue dans six mois.";

    private const string Workshop1 = "## Participants\n\n- Patrick, Geneviève, Sophie, Mathieu\n\n## Notes\n\n- Les clients cherchent d'abord leurs factures\n- La recherche actuelle ne trouve pas les numéros de commande";
    private const string Workshop2 = "## Participants\n\n- Patrick, Geneviève, Sophie, Mathieu, Hugo\n\n## Notes\n\n- Les clients cherchent d'abord leurs factures\n- La recherche actuelle ne trouve pas les numéros de commande\n\n## Actions\n\n- [ ] Sophie — maquette de la page factures — vendredi";
    private const string Workshop3 = "## Participants\n\n- Patrick, Geneviève, Sophie, Mathieu, Hugo\n\n## Notes\n\n- Les clients cherchent d'abord leurs factures\n- La recherche actuelle ne trouve pas les numéros de commande\n- Trois clients sur cinq consultent le portail sur téléphone\n\n## Actions\n\n- [ ] Sophie — maquette de la page factures — vendredi\n- [ ] Mathieu — recherche par numéro de commande — sprint 14";

    private const string Retro = "## Ce qui a bien marché\n\n- \n\n## Ce qui peut s'améliorer\n\n- \n\n## Ce que nous essayons au prochain sprint\n\n1. ";

    private static readonly Plan[] Plans =
    [
        new("team", "Réunion mensuelle des objectifs — décembre", null, false,
            [new("", "Ordre du jour à compléter", Agenda1), new("", "Bilan de novembre", Agenda2), new("", "Objectifs proposés", Agenda3, Merged: true), new("", "Lieu et budget formation", Agenda4)],
            ["J'ajoute le point sur l'entrepôt, on en parle jeudi.", "Merci, ordre du jour complet !"]),
        new("atlas", "Plan de projet Atlas", null, false,
            [new("thomas.bernard", "Premier jet", Atlas1), new("emilie.laurent", "Périmètre", Atlas2), new("nicolas.petit", "Pilote décalé en février", Atlas3)],
            ["Le décalage du pilote est validé avec le support."]),
        new("atlas", "Relevé de décision : base de données d'Atlas", "Plan de projet Atlas", false,
            [new("emilie.laurent", null, Decision1), new("thomas.bernard", "Décision prise en comité", Decision2)], []),
        new("portal", "Compte rendu — atelier utilisateurs", null, false,
            [new("genevieve.bouchard", "Notes de séance", Workshop1), new("sophie.tremblay", "Actions", Workshop2), new("mathieu.roy", "Usage mobile", Workshop3)],
            ["La recherche par numéro de commande est dans le sprint 14."]),
        new("portal", "Modèle : rétrospective de sprint", null, true, [new("patrick.caron", null, Retro)], []),
    ];

    public static async Task WriteAsync(RucheDbContext db, DemoStaff staff, IReadOnlyList<DemoSpace> spaces, DateTime now, CancellationToken cancellationToken)
    {
        var created = new Dictionary<string, WikiPage>(StringComparer.Ordinal);
        for (var n = 0; n < Plans.Length; n++)
        {
            var plan = Plans[n];
            var space = spaces.First(s => s.Pool == plan.Pool || (plan.Pool == "team" && s.Pool.StartsWith("team:", StringComparison.Ordinal)));
            var members = space.Posters.Count > 0 ? space.Posters : space.Members;
            var start = now.AddDays(-(12 - (n * 2))).AddHours(-3);
            var page = new WikiPage
            {
                SpaceId = space.Space.Id, ParentId = plan.Parent is { } parent ? created[parent].Id : null, Title = plan.Title, Slug = WikiInputs.SlugOf(plan.Title),
                Text = string.Empty, Html = string.Empty, IsTemplate = plan.IsTemplate, CreatedAt = start,
            };
            var revisions = new List<WikiRevision>();
            var previous = string.Empty;
            var at = start;
            for (var r = 0; r < plan.Steps.Length; r++)
            {
                var step = plan.Steps[r];
                var author = staff.ByHandle.TryGetValue(step.Author, out var named) && members.Contains(named) ? named : members[(n + r) % members.Count];
                var (added, removed) = TextMerge.LineChanges(previous, step.Text);
                at = at.AddHours(5 + (r * 7));
                revisions.Add(new WikiRevision
                {
                    Number = r + 1, Title = plan.Title, Text = step.Text, AuthorId = author.Id, CreatedAt = at, Summary = step.Summary,
                    BaseNumber = step.Merged ? r - 1 : r, Merged = step.Merged, LinesAdded = added, LinesRemoved = removed,
                });
                previous = step.Text;
            }

            page.CreatedById = revisions[0].AuthorId;
            page.UpdatedById = revisions[^1].AuthorId;
            page.UpdatedAt = revisions[^1].CreatedAt;
            page.Number = revisions.Count;
            page.Text = previous;
            page.Html = Render(previous);
            db.Add(page);
            await db.SaveChangesAsync(cancellationToken);
            created[plan.Title] = page;
            foreach (var revision in revisions)
            {
                revision.PageId = page.Id;
                db.Add(revision);
            }

            for (var c = 0; c < plan.Comments.Length; c++)
            {
                db.Add(new WikiComment
                {
                    PageId = page.Id, AuthorId = members[(n + c + 1) % members.Count].Id, Body = plan.Comments[c], BodyHtml = Render(plan.Comments[c]),
                    CreatedAt = page.UpdatedAt.AddHours(1 + c),
                });
            }

            page.CommentCount = plan.Comments.Length;
            if (!plan.IsTemplate)
            {
                // The last editing session's feed entry, as a save writes it (in French, the company's language).
                var last = revisions[^1];
                var from = revisions.Count > 1 ? revisions[^2] : null;
                var (added, removed) = TextMerge.LineChanges(from?.Text ?? string.Empty, last.Text);
                var link = $"[{MarkdownContent.Escape(plan.Title)}]({WikiPaths.Page(space.Space.Id, page.Slug)})";
                var body = $"📝 a mis à jour la page {link}\n\n+{added} / −{removed} lignes · révision {last.Number}\n" + (last.Summary is { } s ? $"\n> {MarkdownContent.Escape(s)}\n" : string.Empty);
                var post = new Post { AuthorId = last.AuthorId, SpaceId = space.Space.Id, Body = body, BodyHtml = Render(body), CreatedAt = last.CreatedAt, Origin = PostOrigin.PageUpdate };
                db.Add(post);
                await db.SaveChangesAsync(cancellationToken);
                page.SessionPostId = post.Id;
                page.SessionEditorId = last.AuthorId;
                page.SessionFromNumber = last.Number - 1;
            }

            await db.SaveChangesAsync(cancellationToken);
        }
    }

    private static string Render(string markdown) => Markdown.RenderHtml(MarkdownContent.Parse(markdown), new Dictionary<string, string>(StringComparer.Ordinal));
}
