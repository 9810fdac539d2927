using Ruche.Core.Content;
using Ruche.Core.Dialogue;
using Ruche.Core.Posts;
using Ruche.Core.Records;
using Ruche.Demo.People;

namespace Ruche.Demo.Records;

/// <summary>
/// Social dialogue on record: the telework agreement approved by direction and both unions and published to the whole
/// company, a profit-sharing record in review, and the CSE (president, elected secretary, members) with one meeting's
/// minutes in progress (due in a few days) and one adopted, published and answered by the employer. Drawn from no random.
/// </summary>
internal static class DemoRecords
{
    private const string TeleworkV1 = """
        ## Article 1 — Bénéficiaires
        Tout salarié en CDI ou CDD dont le poste le permet.

        ## Article 2 — Rythme
        Deux jours de télétravail par semaine, fixés avec le responsable.

        ## Article 3 — Indemnité
        Une indemnité de 20 € par mois.
        """;

    private const string TeleworkV2 = """
        ## Article 1 — Bénéficiaires
        Tout salarié en CDI, CDD ou alternance dont le poste le permet, dès l'arrivée.

        ## Article 2 — Rythme
        Trois jours de télétravail par semaine au plus, fixés avec le responsable ; un jour de présence commun par équipe.

        ## Article 3 — Indemnité
        Une indemnité de 30 € par mois, et l'équipement (écran, siège) fourni sur demande.

        ## Article 4 — Droit à la déconnexion
        Aucun message n'appelle de réponse hors des horaires de travail.
        """;

    private const string ProfitSharing = """
        ## Article 1 — Formule
        La réserve spéciale de participation est répartie pour moitié à parts égales, pour moitié selon le salaire.

        ## Article 2 — Abondement
        La direction abonde de 50 % les versements sur le plan d'épargne, dans la limite de 1 000 € par an.
        """;

    public static async Task WriteAsync(Ruche.Core.Data.RucheDbContext db, DemoStaff staff, DateTime now, CancellationToken cancellationToken)
    {
        var markdown = new MarkdownContent();
        var known = staff.All.ToDictionary(m => m.Handle, m => m.Person.DisplayName, StringComparer.Ordinal);
        string Html(string text) => markdown.RenderHtml(MarkdownContent.Parse(text), known);
        var unions = db.ChangeTracker.Entries<Union>().Select(e => e.Entity).OrderBy(u => u.Id).ToList();
        var ceo = staff.ByHandle["antoine.lefebvre"].Id;

        await WriteTeleworkAsync(db, unions, ceo, Html, now, cancellationToken);
        await WriteProfitSharingAsync(db, unions, ceo, Html, now, cancellationToken);
        await DemoCse.WriteAsync(db, staff, Html, now, cancellationToken);
    }

    private static async Task WriteTeleworkAsync(Ruche.Core.Data.RucheDbContext db, List<Union> unions, long ceo, Func<string, string> html, DateTime now, CancellationToken cancellationToken)
    {
        var drafted = now.AddDays(-12).Date.AddHours(9);
        var edited = drafted.AddDays(3).AddHours(5);
        var published = edited.AddDays(1).AddHours(2);
        var direction = new NegotiationParty { PersonId = ceo, ApprovedVersion = 2, ApprovedAt = published.AddHours(-3) };
        var unionParties = unions.Select((u, i) => new NegotiationParty { Union = u, ApprovedVersion = 2, ApprovedAt = published.AddHours(-1 + i) }).ToList();
        unionParties[^1].ApprovedAt = published;
        var record = new NegotiationRecord
        {
            Title = "Accord télétravail 2027", Subject = "Accord d'entreprise sur le télétravail et le droit à la déconnexion",
            Text = TeleworkV2, TextHtml = html(TeleworkV2), Status = NegotiationStatus.Published, Version = 2,
            CreatedById = ceo, CreatedAt = drafted, PublishedAt = published,
            Parties = [direction, .. unionParties],
        };
        db.Add(record);
        await db.SaveChangesAsync(cancellationToken);
        var first = unionParties[0].Id;
        record.Versions.Add(new NegotiationVersion { Number = 1, Title = record.Title, Text = TeleworkV1, PartyId = direction.Id, SavedAt = drafted });
        record.Versions.Add(new NegotiationVersion { Number = 2, Title = record.Title, Text = TeleworkV2, PartyId = first, SavedAt = edited });
        record.Steps.AddRange(
        [
            new NegotiationStep { Kind = NegotiationStepKind.Drafted, Version = 1, PartyId = direction.Id, At = drafted },
            new NegotiationStep { Kind = NegotiationStepKind.Submitted, Version = 1, PartyId = direction.Id, At = drafted.AddHours(1) },
            new NegotiationStep { Kind = NegotiationStepKind.Approved, Version = 1, PartyId = direction.Id, At = drafted.AddHours(2) },
            new NegotiationStep { Kind = NegotiationStepKind.Edited, Version = 2, PartyId = first, At = edited },
            new NegotiationStep { Kind = NegotiationStepKind.Reopened, Version = 2, At = edited },
            new NegotiationStep { Kind = NegotiationStepKind.Approved, Version = 2, PartyId = direction.Id, At = direction.ApprovedAt!.Value },
            .. unionParties.Select(p => new NegotiationStep { Kind = NegotiationStepKind.Approved, Version = 2, PartyId = p.Id, At = p.ApprovedAt!.Value }),
            new NegotiationStep { Kind = NegotiationStepKind.AllApproved, Version = 2, At = published },
            new NegotiationStep { Kind = NegotiationStepKind.Published, Version = 2, At = published },
        ]);

        // The union's own, unofficial account, in its space, linking to the official record.
        var report = $"Notre compte rendu de la dernière séance : nous avons obtenu le troisième jour de télétravail et l'indemnité à 30 €. Le relevé officiel, approuvé par toutes les parties : [Accord télétravail 2027](/records/{record.Id}).";
        db.Posts.Add(new Post
        {
            AuthorId = unions[0].Delegates[0].PersonId, SpaceId = unions[0].SpaceId, Body = report, BodyHtml = html(report), CreatedAt = published.AddHours(1),
        });
    }

    private static async Task WriteProfitSharingAsync(Ruche.Core.Data.RucheDbContext db, List<Union> unions, long ceo, Func<string, string> html, DateTime now, CancellationToken cancellationToken)
    {
        var drafted = now.AddDays(-2).Date.AddHours(10);
        var direction = new NegotiationParty { PersonId = ceo, ApprovedVersion = 1, ApprovedAt = drafted.AddHours(2) };
        var record = new NegotiationRecord
        {
            Title = "Accord de participation et d'intéressement", Subject = "Relevé de la séance du " + drafted.ToString("d MMMM", System.Globalization.CultureInfo.GetCultureInfo("fr-FR")),
            Text = ProfitSharing, TextHtml = html(ProfitSharing), Status = NegotiationStatus.Review, Version = 1, CreatedById = ceo, CreatedAt = drafted,
            Parties = [direction, .. unions.Select(u => new NegotiationParty { Union = u })],
        };
        db.Add(record);
        await db.SaveChangesAsync(cancellationToken);
        record.Versions.Add(new NegotiationVersion { Number = 1, Title = record.Title, Text = ProfitSharing, PartyId = direction.Id, SavedAt = drafted });
        record.Steps.AddRange(
        [
            new NegotiationStep { Kind = NegotiationStepKind.Drafted, Version = 1, PartyId = direction.Id, At = drafted },
            new NegotiationStep { Kind = NegotiationStepKind.Submitted, Version = 1, PartyId = direction.Id, At = drafted.AddHours(1) },
            new NegotiationStep { Kind = NegotiationStepKind.Approved, Version = 1, PartyId = direction.Id, At = drafted.AddHours(2) },
        ]);
    }
}
