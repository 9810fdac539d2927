using Microsoft.EntityFrameworkCore;
using Ruche.Core.Ballots;
using Ruche.Core.Common;
using Ruche.Core.Data;
using Ruche.Core.Surveys;

namespace Ruche.Demo.Surveys;

/// <summary>
/// The demo's monthly pulse survey by HR: four rounds closed over the last four months, answered by most of the company
/// through the ballot box (so the rows are what real answers leave), broken down by site, and a fifth round open now,
/// still waiting for a few people — the first of the roster and the demo's usual accounts among them — to answer.
/// </summary>
internal static class DemoSurveys
{
    private const int PastRounds = 4;
    private const int IntervalDays = 28;
    private const int LengthDays = 14;

    /// <summary>Demo accounts that have not answered the open round yet, so a demo can answer it.</summary>
    private static readonly HashSet<string> NotYetAnswered = new(StringComparer.Ordinal)
    {
        "antoine.lefebvre", "camille.martin", "isabelle.moreau", "lea.dubois", "mathilde.chevalier", "olivier.mercier", "julien.roux", "karim.benali",
    };

    private static readonly string[] Comments =
    [
        "Moins de réunions le vendredi après-midi, s'il vous plaît.",
        "La nouvelle machine à café a changé ma vie.",
        "Des objectifs plus clairs en début de trimestre.",
        "Plus de souplesse sur le télétravail pendant les grèves.",
        "Les réunions inter-sites tombent toujours tard pour Singapour.",
        "Merci pour les formations, on en veut plus !",
        "Un vrai point d'équipe hebdo, court, serait utile.",
        "Les outils de note de frais sont trop lents.",
        "Reconnaître davantage le travail du support.",
        "La salle calme au 3e est une excellente idée.",
        "Mieux partager les décisions de la direction.",
        "Des écrans supplémentaires pour les nouveaux arrivants.",
    ];

    public static async Task WriteAsync(RucheDbContext db, BallotBox box, Random random, DateTime now, CancellationToken ct)
    {
        var hr = await (from role in db.Roles
                        join link in db.UserRoles on role.Id equals link.RoleId
                        where role.Name == RoleNames.HumanResources
                        orderby link.UserId
                        select link.UserId).FirstAsync(ct);
        var people = await db.People.Where(p => p.IsActive).OrderBy(p => p.Id).Select(p => new { p.Id, p.SiteId, p.Handle }).ToListAsync(ct);
        var opened = now.AddDays(-(PastRounds * IntervalDays) - 3);
        var survey = new Survey
        {
            Title = "Baromètre mensuel",
            Intro = "Cinq minutes par mois pour dire comment vous allez. Les réponses sont anonymes ; les résultats sont partagés à chaque tour en réunion d'équipe.",
            CreatedById = hr,
            CreatedAt = opened.AddDays(-5),
            OpenedAt = opened,
            FirstOpensAt = opened,
            Cut = SurveyCut.Site,
            RoundCount = PastRounds + 2,
            RoundLengthDays = LengthDays,
            IntervalDays = IntervalDays,
            Questions =
            [
                new() { Position = 0, Kind = SurveyQuestionKind.Likert, Text = "Je me sens reconnu·e dans mon travail." },
                new() { Position = 1, Kind = SurveyQuestionKind.Likert, Text = "Ma charge de travail est soutenable." },
                new() { Position = 2, Kind = SurveyQuestionKind.Enps, Text = "Recommanderiez-vous l'entreprise à un ami comme lieu de travail ?" },
                new() { Position = 3, Kind = SurveyQuestionKind.SingleChoice, Text = "Comment vous sentez-vous ce mois-ci ?", Options = "En forme\nÇa va\nFatigué·e\nÉpuisé·e" },
                new() { Position = 4, Kind = SurveyQuestionKind.MultipleChoice, Text = "Qu'est-ce qui vous aiderait le plus ?", Options = "Moins de réunions\nPlus de télétravail\nDes outils plus simples\nPlus de reconnaissance" },
                new() { Position = 5, Kind = SurveyQuestionKind.Text, Text = "Une chose qui améliorerait votre quotidien ?" },
            ],
        };
        for (var i = 0; i < survey.RoundCount; i++)
        {
            var opens = opened.AddDays(i * IntervalDays);
            survey.Rounds.Add(new SurveyRound { Number = i + 1, OpensAt = opens, ClosesAt = opens.AddDays(LengthDays) });
        }

        db.Add(survey);
        await db.SaveChangesAsync(ct);

        var questions = survey.Questions.ToDictionary(q => q.Position, q => q.Id);
        foreach (var round in survey.Rounds.OrderBy(r => r.Number).Where(r => r.Number <= PastRounds + 1))
        {
            var open = round.Number == PastRounds + 1;
            // The mood improves a little each month; fewer answer in the open round, and the first people have not yet.
            var mood = 0.35 * round.Number;
            foreach (var person in people.Where(p => !open || !NotYetAnswered.Contains(p.Handle)).Where(_ => random.NextDouble() < (open ? 0.45 : 0.8)))
            {
                var recognised = Clamp(random.Next(1, 6) + (random.NextDouble() < mood / 2 ? 1 : 0), 1, 5);
                var workload = Clamp(random.Next(2, 6) - (random.NextDouble() < 0.3 ? 1 : 0), 1, 5);
                var enps = Clamp(random.Next(3, 11) + (random.NextDouble() < mood / 2 ? 1 : 0), 0, 10);
                var help = Enumerable.Range(0, 4).Where(_ => random.NextDouble() < 0.4).DefaultIfEmpty(random.Next(4)).ToArray();
                var texts = new Dictionary<long, string>();
                if (random.NextDouble() < 0.4)
                {
                    texts[questions[5]] = Comments[random.Next(Comments.Length)];
                }

                var ballot = new SurveyBallot(person.SiteId ?? 0, new Dictionary<long, int[]>
                {
                    [questions[0]] = [recognised],
                    [questions[1]] = [workload],
                    [questions[2]] = [enps],
                    [questions[3]] = [Clamp(random.Next(0, 4) - (random.NextDouble() < mood / 2 ? 1 : 0), 0, 3)],
                    [questions[4]] = help,
                }, texts);
                await box.CastAsync(SurveyBallotCounter.Kind, round.Id, person.Id, ballot.Encode(), BallotBox.DefaultBatch, ct);
            }

            if (!open)
            {
                await box.CloseAsync(SurveyBallotCounter.Kind, round.Id, ct);
                round.Counted = true;
                await db.SaveChangesAsync(ct);
            }
        }
    }

    private static int Clamp(int value, int min, int max) => Math.Min(Math.Max(value, min), max);
}
