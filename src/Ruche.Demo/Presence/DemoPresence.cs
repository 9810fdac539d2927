using Ruche.Core.Data;
using Ruche.Core.People;
using Ruche.Core.Presence;
using Ruche.Demo.People;

namespace Ruche.Demo.Presence;

/// <summary>Today's working-from statuses: about two people in three say where they work from, until the end of their local day.</summary>
internal static class DemoPresence
{
    public static void Write(RucheDbContext db, DemoStaff staff, Random random, DateTime now)
    {
        string?[] officeNotes = [null, null, "Salle Jupiter à 14 h", "2e étage, près des fenêtres"];
        string?[] homeNotes = [null, null, "Joignable sur le chat", "Concentration le matin"];
        foreach (var person in staff.All.Where(p => p.Person.IsActive))
        {
            var roll = random.NextDouble();
            if (roll > 0.68)
            {
                continue;
            }

            var (mode, notes) = roll < 0.3 ? (WorkingFrom.Office, officeNotes)
                : roll < 0.58 ? (WorkingFrom.Home, homeNotes)
                : roll < 0.64 ? (WorkingFrom.Travelling, new string?[] { "Chez un client", "En train jusqu'à midi", null })
                : (WorkingFrom.Off, new string?[] { "Congés", null });
            db.PresenceStatuses.Add(new PresenceStatus
            {
                PersonId = person.Id,
                Mode = mode,
                Note = notes[random.Next(notes.Length)],
                ExpiresAt = PresenceService.EndOfLocalDay(now, person.Person.TimeZone),
            });
        }
    }
}
