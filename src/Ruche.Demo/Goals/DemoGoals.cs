using Ruche.Core.Access;
using Ruche.Core.Content;
using Ruche.Core.Data;
using Ruche.Core.Goals;
using Ruche.Core.Posts;
using Ruche.Core.WorkTime;
using Ruche.Demo.People;
using Ruche.Demo.Spaces;

namespace Ruche.Demo.Goals;

/// <summary>
/// Three weeks of daily goals for the engineering team, spread over Paris, Montréal and Singapore: each member's working
/// days on their own calendar (public holidays and weekends skipped), most goals done, a few dropped or carried over,
/// some redirected by a colleague's suggestion, and today's lists still open where the day has begun.
/// </summary>
internal static class DemoGoals
{
    private const int Days = 21;

    private static readonly string[] Texts =
    [
        "Relire la PR sur l'export des contacts", "Corriger le bug de pagination du flux", "Préparer la démo Atlas de jeudi",
        "Écrire les tests du nouvel import", "Mettre à jour la doc de l'API", "Point d'équipe avec le support",
        "Migrer le service de notifications", "Analyser les lenteurs de la recherche", "Finaliser la spec du tableau de bord",
        "Revoir les index de la base", "Accompagner la nouvelle recrue", "Répondre aux retours du client pilote",
        "Automatiser le déploiement de recette", "Nettoyer les tickets en attente", "Mesurer le temps de réponse du portail",
        "Documenter la reprise sur incident", "Préparer la rétrospective", "Corriger l'affichage mobile du profil",
        "Valider le plan de charge avec Montréal", "Synchroniser les traductions anglaises",
    ];

    private static readonly string[] Suggestions =
    [
        "Regarder d'abord l'incident du portail client", "Aider Singapour sur la mise en production", "Relire la spec Atlas avant jeudi",
    ];

    public static async Task WriteAsync(RucheDbContext db, DemoStaff staff, IReadOnlyList<DemoSpace> spaces, Random random, DateTime now, CancellationToken cancellationToken)
    {
        var team = spaces.FirstOrDefault(s => s.Pool == "team:" + DemoRoster.Engineering);
        if (team is null)
        {
            return;
        }

        var markdown = new MarkdownContent();
        var tag = CompanySettings.DefaultGoalsTag;
        var body = $"#{tag}";
        var html = markdown.RenderHtml(MarkdownContent.Parse(body), new Dictionary<string, string>(StringComparer.Ordinal));
        var holidays = new Holidays([]);
        var members = team.Members;
        var lists = new List<(DemoMember Member, GoalList List)>();
        foreach (var member in members)
        {
            var profile = WorkCalendar.Profile(member.Id, member.Person.TimeZone, member.Site.CountryCode, member.Site.CountryCode == "CA" ? "QC" : null, null, null, null, []);
            var today = profile.LocalDate(now);
            for (var date = today.PlusDays(-Days); date <= today; date = date.PlusDays(1))
            {
                var postedAt = profile.At(date, (9 * 60) + random.Next(0, 50));
                if (!profile.IsWorkingDay(date, holidays) || postedAt > now || postedAt < member.JoinedAt || random.NextDouble() < 0.08)
                {
                    continue;
                }

                var closesAt = profile.EndOfDay(date);
                var isToday = date == today;
                var goals = DemoRandom.Shuffled(Texts, random).Take(random.Next(2, 4)).Select((text, i) => new Goal
                {
                    Text = text,
                    Position = i,
                    Status = isToday && random.NextDouble() < 0.7 ? GoalStatus.Open : Status(random),
                }).ToList();
                var list = new GoalList
                {
                    PersonId = member.Id,
                    LocalDate = date.ToDateOnly(),
                    ClosesAt = closesAt,
                    CreatedAt = postedAt,
                    Goals = goals,
                    Post = new Post
                    {
                        AuthorId = member.Id,
                        SpaceId = team.Space.Id,
                        Body = body,
                        BodyHtml = html,
                        CreatedAt = postedAt,
                        Tags = [new PostTag { Tag = tag }],
                    },
                };
                db.GoalLists.Add(list);
                lists.Add((member, list));
            }
        }

        await db.SaveChangesAsync(cancellationToken);

        // Colleagues redirect a few goals; most suggestions are accepted in place of the goal, some declined.
        var others = members.ToList();
        foreach (var (member, list) in lists.Where(_ => random.NextDouble() < 0.12))
        {
            var goal = list.Goals.FirstOrDefault(g => g.Status == GoalStatus.Open) ?? list.Goals[0];
            var author = others[random.Next(others.Count)];
            if (author.Id == member.Id)
            {
                continue;
            }

            var accepted = random.NextDouble() < 0.7 && list.ClosesAt < now;
            var suggestion = new GoalSuggestion
            {
                GoalId = goal.Id,
                AuthorId = author.Id,
                Text = Suggestions[random.Next(Suggestions.Length)],
                Note = "Plus urgent aujourd'hui",
                Status = accepted ? SuggestionStatus.Replaced : list.ClosesAt < now ? SuggestionStatus.Declined : SuggestionStatus.Pending,
                CreatedAt = list.CreatedAt.AddMinutes(40),
                AnsweredAt = list.ClosesAt < now ? list.CreatedAt.AddMinutes(70) : null,
            };
            db.GoalSuggestions.Add(suggestion);
            await db.SaveChangesAsync(cancellationToken);
            if (accepted)
            {
                goal.Status = GoalStatus.Replaced;
                db.Goals.Add(new Goal { ListId = list.Id, Position = list.Goals.Count, Text = suggestion.Text, FromSuggestionId = suggestion.Id, Status = GoalStatus.Done });
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private static GoalStatus Status(Random random) => random.NextDouble() switch
    {
        < 0.72 => GoalStatus.Done,
        < 0.84 => GoalStatus.Dropped,
        _ => GoalStatus.Open,
    };
}
