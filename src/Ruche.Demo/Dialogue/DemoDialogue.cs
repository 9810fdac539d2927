using Ruche.Core.Common;
using Ruche.Core.Content;
using Ruche.Core.Dialogue;
using Ruche.Core.Polls;
using Ruche.Core.Posts;
using Ruche.Core.Spaces;
using Ruche.Demo.People;

namespace Ruche.Demo.Dialogue;

/// <summary>
/// Two fictional unions with their spaces (owned by their delegates, never by an administrator), the company agreement
/// on digital union communication, posts in each space, a few employees' choices about broadcasts and one broadcast.
/// Drawn from no random: adding it changes nothing else in the demo company.
/// </summary>
internal static class DemoDialogue
{
    private static readonly (string Name, string Delegate, string Description, string[] Posts)[] Unions =
    [
        ("Syndicat Ruche Solidaires", "karim.benali", "La section syndicale Ruche Solidaires : vos droits, nos actions, nos permanences.",
        [
            "**Permanence syndicale** jeudi de 12 h 30 à 13 h 30, salle Ruisseau (Paris) et en visio. Venez avec vos questions sur le télétravail et les RTT.",
            "Compte rendu de la réunion de négociation annuelle : la direction propose 2,5 % d'enveloppe globale. Nous demandons un talon pour les plus bas salaires. Notre compte rendu, non officiel, en attendant le relevé de décisions.",
            "Rappel : le droit à la déconnexion s'applique à tous. Aucun message n'appelle de réponse hors de vos horaires de travail.",
        ]),
        ("Union Ruche Ouvrière", "mehdi.haddad", "Union Ruche Ouvrière : l'égalité professionnelle et les conditions de travail au cœur de notre action.",
        [
            "Enquête sur la charge de travail en équipe QA : merci aux 23 collègues qui ont répondu. Synthèse en réunion d'information le 12.",
            "Index égalité professionnelle : nous avons demandé le détail par catégorie. Réponse attendue avant la fin du mois.",
        ]),
    ];

    private static readonly string[] PollChoices = ["Salaires", "Télétravail", "Conditions de travail", "Égalité professionnelle"];

    public static void Write(Ruche.Core.Data.RucheDbContext db, DemoStaff staff, DateTime launch, DateTime now)
    {
        var markdown = new MarkdownContent();
        var known = staff.All.ToDictionary(m => m.Handle, m => m.Person.DisplayName, StringComparer.Ordinal);
        db.Add(new UnionAgreement
        {
            Title = "Accord d'entreprise sur la communication syndicale numérique",
            AllowsBroadcasts = true,
            AllowsPolls = true,
            AllowsDocuments = true,
            AllowsQuestions = true,
            BroadcastsPerMonth = 2,
            BroadcastsPushedByDefault = false,
            ValidFrom = DateOnly.FromDateTime(launch),
            ValidUntil = DateOnly.FromDateTime(launch).AddYears(3),
            RecordedAt = launch,
            RecordedById = staff.ByHandle["camille.martin"].Id,
        });

        // Members: every seventh (or eleventh) person, delegates first; administrators join no union in the demo.
        var administrators = staff.All.Where(m => m.Spec.Role == RoleNames.Administrator).Select(m => m.Id).ToHashSet();
        var unions = new List<Union>();
        foreach (var (spec, index) in Unions.Select((u, i) => (u, i)))
        {
            var delegateMember = staff.ByHandle[spec.Delegate];
            var step = index == 0 ? 7 : 11;
            var members = staff.All.Where((m, i) => i % step == index && m.Id != delegateMember.Id && !administrators.Contains(m.Id)).ToList();
            var created = launch.AddDays(1 + index);
            var space = new Space
            {
                Name = spec.Name,
                Description = spec.Description,
                Kind = SpaceKind.Union,
                Visibility = SpaceVisibility.Open,
                CreatedAt = created,
                CreatedById = staff.ByHandle["camille.martin"].Id,
                Members =
                [
                    new SpaceMembership { PersonId = delegateMember.Id, Role = SpaceRole.Owner, Status = MembershipStatus.Active, CreatedAt = created },
                    .. members.Select((m, i) => new SpaceMembership { PersonId = m.Id, Role = SpaceRole.Member, Status = MembershipStatus.Active, CreatedAt = created.AddDays(i) }),
                ],
            };
            var union = new Union
            {
                Name = spec.Name,
                Space = space,
                CreatedAt = created,
                Delegates = [new UnionMandate { PersonId = delegateMember.Id }],

                // Some accept the union's broadcasts, two refuse them; everyone else left the default (pull only).
                Choices =
                [
                    .. staff.All.Where((m, i) => i % 5 == index + 1 && m.Id != delegateMember.Id).Select(m => new BroadcastChoice { PersonId = m.Id, Accepts = true, ChangedAt = created.AddDays(2) }),
                    .. staff.All.Where((m, i) => i % 23 == index + 2 && m.Id != delegateMember.Id).Select(m => new BroadcastChoice { PersonId = m.Id, Accepts = false, ChangedAt = created.AddDays(3) }),

                    // Each channel apart: some are told of the union's polls too, one refuses them.
                    .. staff.All.Where((m, i) => i % 6 == index + 1 && m.Id != delegateMember.Id).Select(m => new BroadcastChoice { PersonId = m.Id, Channel = UnionChannel.Polls, Accepts = true, ChangedAt = created.AddDays(4) }),
                    .. staff.All.Where((m, i) => i % 29 == index + 3 && m.Id != delegateMember.Id).Select(m => new BroadcastChoice { PersonId = m.Id, Channel = UnionChannel.Polls, Accepts = false, ChangedAt = created.AddDays(4) }),
                ],
            };
            db.Add(union);
            unions.Add(union);
            foreach (var (body, i) in spec.Posts.Select((b, i) => (b, i)))
            {
                db.Posts.Add(new Post
                {
                    AuthorId = delegateMember.Id,
                    Space = space,
                    Body = body,
                    BodyHtml = markdown.RenderHtml(MarkdownContent.Parse(body), known),
                    CreatedAt = now.AddDays(-20 + (i * 6) + index).AddHours(9 + index),
                });
            }
        }

        // A union poll in each space (the agreement opens polls), anonymous: who answers a union is nobody's business.
        foreach (var (union, index) in unions.Select((u, i) => (u, i)))
        {
            const string Question = "Votre avis compte : quelle priorité pour la prochaine négociation ? Sondage **anonyme**, résultats par lots.";
            var post = new Post
            {
                AuthorId = union.Delegates[0].PersonId,
                Space = union.Space,
                Body = Question,
                BodyHtml = markdown.RenderHtml(MarkdownContent.Parse(Question), known),
                CreatedAt = now.AddDays(-2 + index).AddHours(-3),
            };
            db.Posts.Add(post);
            db.Add(new Poll
            {
                Post = post,
                Anonymous = true,
                Results = PollResultsVisibility.AfterVoting,
                ClosesAt = now.AddDays(10),
                Options = [.. PollChoices.Select((label, i) => new PollOption { Label = label, Position = i })],
            });
        }

        var first = unions[0];
        const string Text = "La direction a ouvert la négociation sur le télétravail. **Réunion d'information mardi à 12 h 30** (salle Ruisseau et en visio) : venez dire ce qui compte pour vous. Ce message vous parvient parce que vous avez accepté les diffusions de Ruche Solidaires ; vous pouvez les refuser à tout moment.";
        db.Add(new UnionBroadcast
        {
            Union = first,
            AuthorId = first.Delegates[0].PersonId,
            Title = "Négociation télétravail : réunion d'information mardi",
            Body = Text,
            BodyHtml = markdown.RenderHtml(MarkdownContent.Parse(Text), known),
            SentAt = now.AddDays(-3).AddHours(-2),
            Recipients = first.Choices.Count(c => c.Accepts && c.Channel == UnionChannel.Broadcasts),
        });
    }
}
