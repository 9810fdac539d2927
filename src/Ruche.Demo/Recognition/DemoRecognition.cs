using Microsoft.EntityFrameworkCore;
using Ruche.Core.Content;
using Ruche.Core.Data;
using Ruche.Core.Posts;
using Ruche.Core.Recognition;
using Ruche.Core.Spaces;
using Ruche.Demo.People;
using Ruche.Demo.Spaces;

namespace Ruche.Demo.Recognition;

/// <summary>
/// Recognition in the demo: the company's five values, three months of thanks across values, people and teams (some
/// recipients show theirs in feeds), a question with helpful answers and a best answer, and the badges these real
/// acts earn (the badge pass runs over them, as it does every hour). Draws from no shared random: it comes last.
/// </summary>
internal static class DemoRecognition
{
    private static readonly MarkdownContent Markdown = new();

    private static readonly (string Fr, string En)[] Values =
    [
        ("Bienveillance", "Kindness"),
        ("Audace", "Boldness"),
        ("Exigence", "High standards"),
        ("Esprit d'équipe", "Team spirit"),
        ("Sens du client", "Customer focus"),
    ];

    /// <summary>Giver, receiver (a handle, or "team:" and a department), value index, days ago, why.</summary>
    private static readonly (string From, string To, int Value, int DaysAgo, string Message)[] Thanks =
    [
        ("camille.martin", "nicolas.petit", 3, 1, "Merci d'avoir repris mon astreinte au pied levé ce week-end."),
        ("lea.dubois", "sarah.cohen", 2, 2, "La documentation du déploiement est claire et complète : un vrai gain pour tout le monde."),
        ("julien.roux", "farah.ismail", 0, 3, "Merci pour ton accueil chaleureux lors de ma première semaine à Singapour."),
        ("antoine.lefebvre", "camille.martin", 1, 4, "Proposer la journée sans réunion demandait du courage : elle change nos semaines."),
        ("thomas.bernard", "sarah.cohen", 4, 5, "Tu as pris le temps d'appeler le client pour lui expliquer l'incident, il nous l'a dit."),
        ("farah.ismail", "sarah.cohen", 0, 6, "Merci pour ta patience pendant ma formation sur les outils."),
        ("nicolas.petit", "julien.roux", 3, 7, "Le pilote de mentorat avance grâce à toi."),
        ("aurelie.faure", "thomas.bernard", 2, 8, "Ton audit des locaux est précis et utile."),
        ("chantal.fortin", "lea.dubois", 0, 9, "Merci d'avoir écouté chaque équipe de Montréal avant de décider."),
        ("sarah.cohen", "aurelie.faure", 1, 10, "L'idée du composteur, il fallait oser la proposer !"),
        ("camille.martin", "team:", 3, 11, "Merci à toute l'équipe pour la migration sans coupure."),
        ("lea.dubois", "chantal.fortin", 4, 16, "Les retours clients de Montréal n'ont jamais été aussi bons."),
        ("julien.roux", "nicolas.petit", 1, 20, "Tu as lancé les vélos de service : bravo."),
        ("thomas.bernard", "camille.martin", 3, 33, "Merci d'avoir relu toutes nos présentations avant le comité."),
        ("farah.ismail", "julien.roux", 0, 38, "Ton aide pour l'installation de ma famille a tout changé."),
        ("nicolas.petit", "farah.ismail", 2, 45, "La traduction des pages RH est impeccable."),
        ("antoine.lefebvre", "team:", 4, 50, "Bravo à l'équipe pour la démo client de lundi."),
        ("aurelie.faure", "lea.dubois", 3, 62, "Merci d'avoir organisé le séminaire de rentrée."),
    ];

    /// <summary>Recipients who chose to show the thanks they receive in feeds.</summary>
    private static readonly string[] ShownInFeeds = ["sarah.cohen", "nicolas.petit", "camille.martin"];

    public static async Task WriteAsync(RucheDbContext db, DemoStaff staff, IReadOnlyList<DemoSpace> spaces, DateTime now, CancellationToken cancellationToken)
    {
        var values = Values.Select((v, i) => new CompanyValue { LabelFr = v.Fr, LabelEn = v.En, Position = i + 1, CreatedAt = now.AddDays(-90) }).ToList();
        db.AddRange(values);
        await db.SaveChangesAsync(cancellationToken);

        var teams = spaces.Where(s => s.Space.Kind == SpaceKind.Team).ToList();
        foreach (var (from, to, value, daysAgo, message) in Thanks)
        {
            if (!staff.ByHandle.TryGetValue(from, out var giver))
            {
                continue;
            }

            var kudos = new Kudos { GiverId = giver.Id, ValueId = values[value].Id, Message = message, CreatedAt = now.AddDays(-daysAgo).AddHours(-3) };
            if (to == "team:")
            {
                // A team the giver does not belong to (nobody thanks themselves).
                var team = teams.FirstOrDefault(t => !t.Members.Contains(giver));
                if (team is null)
                {
                    continue;
                }

                kudos.SpaceId = team.Space.Id;
            }
            else if (staff.ByHandle.TryGetValue(to, out var receiver) && receiver.Id != giver.Id)
            {
                kudos.PersonId = receiver.Id;
            }
            else
            {
                continue;
            }

            db.Add(kudos);
        }

        foreach (var handle in ShownInFeeds.Where(staff.ByHandle.ContainsKey))
        {
            db.Add(new RecognitionPreference { PersonId = staff.ByHandle[handle].Id, ShowKudosInFeeds = true });
        }

        await db.SaveChangesAsync(cancellationToken);
        await QuestionAsync(db, staff, spaces, now, cancellationToken);
        await new BadgeAwarder(db, new FixedTime(now)).AwardAsync(null, cancellationToken);
    }

    /// <summary>A question in an open space, with answers: two marked helpful by its author, one of them the best.</summary>
    private static async Task QuestionAsync(RucheDbContext db, DemoStaff staff, IReadOnlyList<DemoSpace> spaces, DateTime now, CancellationToken cancellationToken)
    {
        var space = spaces.FirstOrDefault(s => s.Space.Kind == SpaceKind.Interest && s.Members.Count >= 4) ?? spaces.First(s => s.Members.Count >= 4);
        var asker = space.Members[0];
        var answerers = space.Members.Skip(1).Take(3).ToList();
        const string body = "Quelqu'un sait comment réserver une salle au siège pour un atelier de 20 personnes ? L'outil ne me propose que des salles de 8.";
        var asked = now.AddDays(-4).AddHours(-2);
        var post = new Post { AuthorId = asker.Id, SpaceId = space.Space.Id, Body = body, BodyHtml = Html(body), CreatedAt = asked };
        db.Add(post);
        await db.SaveChangesAsync(cancellationToken);
        string[] answers =
        [
            "Les grandes salles se réservent auprès de l'accueil, pas dans l'outil : écris à accueil@ruche.example avec la date.",
            "Tu peux aussi prendre l'auditorium du 1er étage, il est souvent libre le jeudi.",
            "Je crois que c'est pareil à Lyon.",
        ];
        var comments = answers.Select((text, i) => new Comment { PostId = post.Id, AuthorId = answerers[i % answerers.Count].Id, Body = text, BodyHtml = Html(text), CreatedAt = asked.AddHours(1 + i) }).ToList();
        db.AddRange(comments);
        await db.SaveChangesAsync(cancellationToken);
        db.Add(new Question { PostId = post.Id, AskedAt = asked, BestCommentId = comments[0].Id });
        db.Add(new HelpfulMark { CommentId = comments[0].Id, PostId = post.Id, MarkedAt = asked.AddHours(5) });
        db.Add(new HelpfulMark { CommentId = comments[1].Id, PostId = post.Id, MarkedAt = asked.AddHours(5) });
        await db.SaveChangesAsync(cancellationToken);
    }

    private static string Html(string text) => Markdown.RenderHtml(MarkdownContent.Parse(text), new Dictionary<string, string>(StringComparer.Ordinal));

    private sealed class FixedTime(DateTime now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => new(DateTime.SpecifyKind(now, DateTimeKind.Utc));
    }
}
