using Ruche.Core.Records;
using Ruche.Demo.People;

namespace Ruche.Demo.Records;

/// <summary>The CSE: its president, elected secretary and members; October's minutes adopted, published and answered; November's in progress.</summary>
internal static class DemoCse
{
    private const string OctoberMinutes = """
        ## 1. Information-consultation sur le plan de formation
        Le CSE rend un **avis favorable** (9 voix pour, 2 abstentions), sous réserve d'un bilan à mi-année.

        ## 2. Bilan de la politique sociale
        Les élus demandent le détail de l'index égalité par catégorie professionnelle.
        """;

    private const string NovemberMinutes = """
        ## 1. Projet de réorganisation du support
        Présentation par la direction. Les élus demandent une expertise sur les conditions de travail.

        ## 2. Questions diverses
        *(en cours de rédaction)*
        """;

    public static async Task WriteAsync(Ruche.Core.Data.RucheDbContext db, DemoStaff staff, Func<string, string> html, DateTime now, CancellationToken cancellationToken)
    {
        var president = staff.ByHandle["antoine.lefebvre"].Id;
        var secretary = staff.ByHandle["sophie.tremblay"].Id;
        string[] members = ["karim.benali", "mehdi.haddad", "chloe.michel"];
        var cse = new CseBody
        {
            Name = "CSE Ruche", PresidentId = president, SecretaryId = secretary, CreatedAt = now.AddDays(-44),
            Members = [.. members.Where(staff.ByHandle.ContainsKey).Select(h => new CseMember { PersonId = staff.ByHandle[h].Id })],
        };
        db.Add(cse);
        await db.SaveChangesAsync(cancellationToken);

        var october = now.Date.AddDays(-40).AddHours(14);
        var november = now.Date.AddDays(-11).AddHours(14);
        var december = now.Date.AddDays(-1).AddHours(14);
        var adopted = new CseMeeting { CseId = cse.Id, Title = "Réunion ordinaire d'octobre", HeldAt = october, Kind = CseMeetingKind.Ordinary, DeadlineAt = october.AddDays(15) };
        var inProgress = new CseMeeting
        {
            CseId = cse.Id, Title = "Réunion ordinaire de novembre", HeldAt = november, Kind = CseMeetingKind.Ordinary, DeadlineAt = november.AddDays(15),
            Minutes = NovemberMinutes, MinutesHtml = html(NovemberMinutes), MinutesSavedAt = november.AddDays(2),
        };
        var next = new CseMeeting { CseId = cse.Id, Title = "Réunion ordinaire de décembre", HeldAt = december, Kind = CseMeetingKind.Ordinary, DeadlineAt = december.AddDays(15) };
        db.AddRange(adopted, inProgress, next);
        await db.SaveChangesAsync(cancellationToken);

        adopted.Minutes = OctoberMinutes;
        adopted.MinutesHtml = html(OctoberMinutes);
        adopted.MinutesSavedAt = october.AddDays(3);
        adopted.Status = MinutesStatus.Published;
        adopted.AdoptedAtMeetingId = inProgress.Id;
        adopted.VotesFor = 10;
        adopted.VotesAgainst = 0;
        adopted.VotesAbstaining = 1;
        adopted.AdoptedAt = november.AddHours(1);
        adopted.PublishedAt = november.AddHours(3);
        db.AddRange(
            new CseComment { MeetingId = adopted.Id, AuthorId = staff.ByHandle["karim.benali"].Id, Text = "Préciser que l'avis est assorti d'une réserve.", At = october.AddDays(4) },
            new CseComment
            {
                MeetingId = adopted.Id, AuthorId = president, IsEmployerAnswer = true, At = november.AddDays(2),
                Text = "La direction communiquera l'index égalité par catégorie avant le 15 : les écarts seront présentés en commission égalité.",
            },
            new CseComment { MeetingId = inProgress.Id, AuthorId = president, Text = "Merci d'indiquer la date de remise de l'expertise.", At = november.AddDays(3) });
    }
}
