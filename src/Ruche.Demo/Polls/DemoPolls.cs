using Ruche.Core.Ballots;
using Ruche.Core.Content;
using Ruche.Core.Data;
using Ruche.Core.Polls;
using Ruche.Core.Posts;
using Ruche.Demo.People;
using Ruche.Demo.Spaces;

namespace Ruche.Demo.Polls;

/// <summary>
/// The demo's polls, in the Café so every demo account reads them: an open named poll with votes, an open anonymous
/// poll whose ballots go through the real ballot box (so what the database holds is what a real vote leaves), and a
/// closed poll with its results.
/// </summary>
internal sealed class DemoPolls
{
    private static readonly MarkdownContent Markdown = new();

    private readonly List<(DemoMember Voter, PollOption Option)> anonymousBallots = [];
    private Poll? anonymous;

    public static async Task<DemoPolls> WriteAsync(RucheDbContext db, DemoStaff staff, IReadOnlyList<DemoSpace> spaces, DateTime now, CancellationToken cancellationToken)
    {
        // Its own random, so the company drawn before stays the same whatever polls are added here.
        var random = new Random(2026_06);
        var cafe = spaces.Single(s => s.Space.IsDefault);
        var people = cafe.Members.ToList();
        var plan = new DemoPolls();

        var afterwork = Add(db, cafe, staff.ByHandle["camille.martin"], now.AddHours(-5),
            "Afterwork de décembre : quel créneau vous arrange ? 🍻 Le sondage est nominatif, on s'organise ensemble.",
            ["Jeudi 18 h", "Vendredi 17 h", "Mercredi midi (déjeuner plutôt que soirée)"], multiple: false, anonymous: false, PollResultsVisibility.Always, now.AddDays(4), null);
        plan.anonymous = Add(db, cafe, staff.ByHandle["isabelle.moreau"], now.AddDays(-1),
            "Baromètre express, **anonyme** : comment jugez-vous votre charge de travail ce trimestre ? Personne, pas même les RH, ne verra qui a répondu quoi.",
            ["Tout à fait soutenable", "Soutenable, avec des pics", "Difficilement soutenable", "Pas soutenable"], multiple: false, anonymous: true, PollResultsVisibility.AfterVoting, now.AddDays(9), null);
        foreach (var voter in Draw(random, people, 12))
        {
            plan.anonymousBallots.Add((voter, Pick(random, plan.anonymous.Options, [3, 5, 3, 1])));
        }

        var party = Add(db, cafe, staff.ByHandle["sarah.cohen"], now.AddDays(-12),
            "Fête de fin d'année : quelles animations voulez-vous ? Plusieurs choix possibles, résultats à la clôture.",
            ["Blind test", "Karaoké", "Escape game", "Dîner assis", "Photobooth"], multiple: true, anonymous: false, PollResultsVisibility.AfterClosing, now.AddDays(-3), now.AddDays(-3));
        await db.SaveChangesAsync(cancellationToken);

        foreach (var voter in Draw(random, people, 17))
        {
            db.Add(new PollVote { PollId = afterwork.Id, OptionId = Pick(random, afterwork.Options, [5, 3, 2]).Id, PersonId = voter.Id });
        }

        foreach (var voter in Draw(random, people, 23))
        {
            foreach (var option in party.Options.Where(_ => random.NextDouble() < 0.4).DefaultIfEmpty(party.Options[random.Next(party.Options.Count)]))
            {
                db.Add(new PollVote { PollId = party.Id, OptionId = option.Id, PersonId = voter.Id });
            }
        }

        await db.SaveChangesAsync(cancellationToken);

        return plan;
    }

    /// <summary>Casts the anonymous poll's ballots through the ballot box, once the company is saved (it runs its own transactions).</summary>
    public async Task CastAnonymousBallotsAsync(BallotBox box, CancellationToken cancellationToken)
    {
        foreach (var (voter, option) in anonymousBallots)
        {
            await box.CastAsync(PollCounter.Kind, anonymous!.Id, voter.Id, PollCounter.Encode([option.Id]), BallotBox.DefaultBatch, cancellationToken);
        }
    }

    private static Poll Add(
        RucheDbContext db, DemoSpace space, DemoMember author, DateTime at, string body, string[] options, bool multiple, bool anonymous,
        PollResultsVisibility results, DateTime? closesAt, DateTime? closedAt)
    {
        var parsed = MarkdownContent.Parse(body);
        var post = new Post
        {
            AuthorId = author.Id,
            SpaceId = space.Space.Id,
            Body = body,
            BodyHtml = Markdown.RenderHtml(parsed, new Dictionary<string, string>(StringComparer.Ordinal)),
            CreatedAt = at,
            Tags = parsed.Tags.Select(t => new PostTag { Tag = t }).ToList(),
        };
        var poll = new Poll
        {
            Post = post,
            MultipleChoice = multiple,
            Anonymous = anonymous,
            Results = results,
            ClosesAt = closesAt,
            ClosedAt = closedAt,
            Options = options.Select((label, i) => new PollOption { Label = label, Position = i }).ToList(),
        };
        db.Add(post);
        db.Add(poll);
        return poll;
    }

    private static List<DemoMember> Draw(Random random, List<DemoMember> people, int count) =>
        people.OrderBy(_ => random.Next()).Take(count).ToList();

    private static PollOption Pick(Random random, List<PollOption> options, int[] weights)
    {
        var roll = random.Next(weights.Sum());
        for (var i = 0; i < weights.Length; i++)
        {
            roll -= weights[i];
            if (roll < 0)
            {
                return options[i];
            }
        }

        return options[^1];
    }
}
