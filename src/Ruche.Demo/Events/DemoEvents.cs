using NodaTime;
using Ruche.Core.Content;
using Ruche.Core.Data;
using Ruche.Core.Events;
using Ruche.Core.Spaces;
using Ruche.Demo.People;
using Ruche.Demo.Spaces;

namespace Ruche.Demo.Events;

/// <summary>
/// The demo's meetings: each team's monthly objectives meeting on the first Monday at 10:00 in its head's time zone,
/// a weekly Atlas meeting set in Montréal, a monthly virtual coffee across the three sites on the last Friday, and two
/// one-off events.
/// </summary>
internal static class DemoEvents
{
    private static readonly MarkdownContent Markdown = new();

    public static void Write(RucheDbContext db, DemoStaff staff, IReadOnlyList<DemoSpace> spaces, Random random, DateTime now)
    {
        var today = Instant.FromDateTimeUtc(now).InZone(DateTimeZoneProviders.Tzdb["Europe/Paris"]).Date;
        var from = today.PlusDays(-40);
        foreach (var team in spaces.Where(s => s.Space.Kind == SpaceKind.Team))
        {
            var head = team.Members.First(m => team.Space.Members.Any(x => x.PersonId == m.Id && x.IsActiveOwner));
            Add(db, random, now, team, head, team.Members, $"Objectifs du mois — {team.Space.Name}",
                "## Ordre du jour\n1. Bilan du mois écoulé\n2. Objectifs du mois (un par personne)\n3. Points bloquants et entraide\n\nChacun prépare ses trois priorités.",
                head.Site.TimeZone, from, new LocalTime(10, 0), 60, EventRepeat.MonthlyByWeekday, 1, IsoDayOfWeek.Monday);
        }

        var atlas = spaces.Single(s => s.Space.Name == "Projet Atlas");
        var atlasOwner = atlas.Members.First(m => m.Handle == "thomas.bernard");
        Add(db, random, now, atlas, atlasOwner, atlas.Members, "Point hebdo Atlas",
            "Tour de table (5 min chacun), décisions de la semaine, risques.\n\nCalé sur le matin de Montréal : fin d'après-midi à Paris, soirée à Singapour.",
            "America/Montreal", from, new LocalTime(9, 30), 45, EventRepeat.Weekly, null, IsoDayOfWeek.Tuesday);
        Add(db, random, now, atlas, atlasOwner, atlas.Members, "Démo Atlas : premier tableau de bord client",
            "Démonstration du premier tableau de bord, puis questions. **Enregistrement** disponible ensuite dans l'espace.",
            "Europe/Paris", today.PlusDays(9), new LocalTime(14, 0), 60, EventRepeat.None, null, null);

        var remote = spaces.Single(s => s.Space.Name == "Télétravail et outils");
        Add(db, random, now, remote, remote.Members.First(m => m.Handle == "camille.martin"), remote.Members.Take(40).ToList(), "Café virtuel Paris–Montréal–Singapour",
            "Une demi-heure sans ordre du jour pour se voir entre sites. Caméra bienvenue, café obligatoire ☕",
            "America/Montreal", from, new LocalTime(8, 0), 30, EventRepeat.MonthlyByWeekday, -1, IsoDayOfWeek.Friday);

        var running = spaces.Single(s => s.Space.Name == "Course à pied");
        Add(db, random, now, running, running.Members.First(m => m.Handle == "sarah.cohen"), running.Members, "Course solidaire de la Marina",
            "5 ou 10 km au profit d'une association locale. Départ de Marina Bay, rendez-vous 30 minutes avant.",
            "Asia/Singapore", today.PlusDays(19).With(DateAdjusters.NextOrSame(IsoDayOfWeek.Saturday)), new LocalTime(7, 30), 120, EventRepeat.None, null, null);
    }

    private static void Add(
        RucheDbContext db, Random random, DateTime now, DemoSpace space, DemoMember organizer, IReadOnlyList<DemoMember> invited,
        string title, string description, string timeZone, LocalDate from, LocalTime time, int minutes, EventRepeat repeat, int? week, IsoDayOfWeek? day)
    {
        var date = day is { } d ? from.With(DateAdjusters.NextOrSame(d)) : from;
        if (repeat == EventRepeat.MonthlyByWeekday)
        {
            date = EventSchedule.FirstMonthlyOnOrAfter(from, date.DayOfWeek, week!.Value);
        }

        var bytes = new byte[12];
        random.NextBytes(bytes);
        var e = new SpaceEvent
        {
            SpaceId = space.Space.Id,
            OrganizerId = organizer.Id,
            Title = title,
            Description = description,
            DescriptionHtml = Markdown.RenderHtml(MarkdownContent.Parse(description), new Dictionary<string, string>(StringComparer.Ordinal)),
            TimeZone = timeZone,
            Room = "ruche-" + Convert.ToHexStringLower(bytes),
            CreatedAt = now.AddDays(-41),
        };
        EventService.Apply(e, new EventSchedule(DateTimeZoneProviders.Tzdb[timeZone], date, time, Duration.FromMinutes(minutes), repeat, week, null));
        e.Attendees.Add(new EventAttendee { PersonId = organizer.Id, Response = RsvpResponse.Yes });
        foreach (var person in invited.Where(p => p != organizer))
        {
            var roll = random.NextDouble();
            var response = roll < 0.6 ? RsvpResponse.Yes : roll < 0.75 ? RsvpResponse.Maybe : roll < 0.85 ? RsvpResponse.No : RsvpResponse.Pending;
            e.Attendees.Add(new EventAttendee { PersonId = person.Id, Invited = true, Response = response });
        }

        db.Events.Add(e);
    }
}
