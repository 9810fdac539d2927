using Ruche.Core.Content;
using Ruche.Core.Data;
using Ruche.Core.Ideas;
using Ruche.Demo.People;
using Ruche.Demo.Spaces;

namespace Ruche.Demo.Ideas;

/// <summary>
/// The idea box of the demo: ideas of the last weeks in every status, with votes spread over time (so the trend
/// differs from the all-time order), comments, followers, and HR's decisions with their owners and reasons.
/// </summary>
internal static class DemoIdeas
{
    private static readonly MarkdownContent Markdown = new();

    private sealed record Plan(string Author, string Title, string Description, string[] Tags, string? Space, int Votes, IdeaStatus[] Path, string? Owner, string[] Reasons);

    private static readonly Plan[] Plans =
    [
        new("nicolas.petit", "Des vélos de service pour les trajets entre sites", "Deux ou trois **vélos à assistance électrique** en libre-service au siège pour aller chez les clients du centre-ville.\n\n- moins de taxis\n- plus de sport", ["mobilite", "rse"], null, 24,
            [IdeaStatus.UnderReview, IdeaStatus.Accepted, IdeaStatus.InProgress], "lea.dubois", ["Nous chiffrons l'achat et l'assurance.", "Budget validé en comité de direction.", "Commande passée : livraison prévue le mois prochain."]),
        new("camille.martin", "Une journée sans réunion par semaine", "Le mercredi sans réunion interne, pour se concentrer. Les réunions clients restent possibles.", ["reunions", "qvt"], null, 31,
            [IdeaStatus.UnderReview, IdeaStatus.Accepted, IdeaStatus.InProgress, IdeaStatus.Done], "antoine.lefebvre", ["Test sur un mois avec deux équipes.", "Le test est concluant.", "Généralisation en cours.", "En place pour toute l'entreprise depuis lundi."]),
        new("thomas.bernard", "Un espace de sieste au deuxième étage", "Une petite pièce calme avec un fauteuil inclinable, réservable par créneaux de 20 minutes.", ["qvt", "locaux"], null, 12,
            [IdeaStatus.UnderReview, IdeaStatus.Declined], "lea.dubois", ["Nous regardons les surfaces disponibles.", "Pas de pièce libre avant le réaménagement de 2027 : nous la reprendrons alors."]),
        new("julien.roux", "Des sessions de mentorat entre sites", "Associer des collègues de Paris, Montréal et Singapour pour un échange mensuel d'une heure.", ["formation", "international"], null, 17,
            [IdeaStatus.UnderReview], "farah.ismail", ["Farah prépare un pilote avec dix binômes."]),
        new("sarah.cohen", "Partager les scripts de déploiement dans un dépôt commun", "Chaque équipe a ses scripts ; un dépôt commun éviterait de refaire les mêmes erreurs.", ["outils"], "Télétravail et outils", 9,
            [IdeaStatus.Accepted], "sarah.cohen", ["Les modérateurs de l'espace retiennent l'idée ; Sarah ouvre le dépôt."]),
        new("chantal.fortin", "Horaires d'été flexibles à Montréal", "Commencer plus tôt l'été pour finir à 15 h le vendredi.", ["horaires"], null, 14, [], null, []),
        new("aurelie.faure", "Un composteur pour la cafétéria", "Nous jetons beaucoup de marc de café et d'épluchures : un composteur partagé avec le jardin voisin ?", ["rse"], null, 6, [], null, []),
        new("farah.ismail", "Traduire l'intranet en anglais", "Nos collègues de Singapour lisent mal les pages RH en français.", ["international"], null, 3, [], null, []),
    ];

    private static readonly string[] Comments =
    [
        "Excellente idée, je soutiens !",
        "On l'a fait dans mon ancienne entreprise, ça marchait très bien.",
        "Attention au coût, mais ça vaut le coup d'essayer.",
        "Je peux aider à organiser un test.",
        "Et pour les sites de Montréal et Singapour ?",
    ];

    public static async Task WriteAsync(RucheDbContext db, DemoStaff staff, IReadOnlyList<DemoSpace> spaces, Random random, DateTime now, CancellationToken cancellationToken)
    {
        var everyone = staff.All.ToList();
        for (var n = 0; n < Plans.Length; n++)
        {
            var plan = Plans[n];
            var space = plan.Space is { } name ? spaces.Single(s => s.Space.Name == name) : null;
            var author = staff.ByHandle.TryGetValue(plan.Author, out var a) && (space is null || space.Members.Contains(a)) ? a : space?.Members[0] ?? everyone[n];
            var created = now.AddDays(-(6 + (n * 4) + random.Next(3))).AddHours(-random.Next(8));
            var idea = new Idea
            {
                SpaceId = space?.Space.Id,
                AuthorId = author.Id,
                Title = plan.Title,
                Description = plan.Description,
                DescriptionHtml = Markdown.RenderHtml(MarkdownContent.Parse(plan.Description), new Dictionary<string, string>(StringComparer.Ordinal)),
                CreatedAt = created,
                Tags = [.. plan.Tags.Select(t => new IdeaTag { Tag = t })],
            };

            // Votes from colleagues who read it, spread between its creation and now: the newest ideas trend.
            var readers = space is null ? everyone : space.Members.ToList();
            var voters = DemoRandom.Shuffled(readers.Where(p => p.Id != author.Id).ToList(), random).Take(plan.Votes).ToList();
            foreach (var voter in voters)
            {
                var at = created.AddMinutes(random.Next(Math.Max(1, (int)(now - created).TotalMinutes)));
                idea.Votes.Add(new IdeaVote { PersonId = voter.Id, CreatedAt = at });
            }

            idea.VoteCount = idea.Votes.Count;
            db.Add(idea);
            await db.SaveChangesAsync(cancellationToken);
            db.Add(new IdeaFollow { IdeaId = idea.Id, PersonId = author.Id });
            foreach (var follower in voters.Take(3))
            {
                db.Add(new IdeaFollow { IdeaId = idea.Id, PersonId = follower.Id });
            }

            var commenters = voters.Take(random.Next(1, 4)).ToList();
            foreach (var commenter in commenters)
            {
                var body = Comments[random.Next(Comments.Length)];
                db.Add(new IdeaComment
                {
                    IdeaId = idea.Id,
                    AuthorId = commenter.Id,
                    Body = body,
                    BodyHtml = Markdown.RenderHtml(MarkdownContent.Parse(body), new Dictionary<string, string>(StringComparer.Ordinal)),
                    CreatedAt = created.AddHours(2 + random.Next(20)),
                });
            }

            idea.CommentCount = commenters.Count;
            var decider = space is null
                ? staff.ByHandle["lea.dubois"]
                : space.Members.First(m => space.Space.Members.Any(x => x.PersonId == m.Id && x.IsActiveOwner));
            var owner = plan.Owner is { } o && staff.ByHandle.TryGetValue(o, out var carrier) ? carrier : decider;
            var from = IdeaStatus.New;
            for (var step = 0; step < plan.Path.Length; step++)
            {
                var at = created.AddDays(1 + (step * 2)).AddHours(3);
                db.Add(new IdeaStatusChange { IdeaId = idea.Id, From = from, To = plan.Path[step], OwnerId = owner.Id, DecidedById = decider.Id, Reason = plan.Reasons[step], At = at < now ? at : now });
                from = plan.Path[step];
                idea.Status = from;
                idea.OwnerId = owner.Id;
                idea.StatusChangedAt = at < now ? at : now;
            }
        }
    }
}
