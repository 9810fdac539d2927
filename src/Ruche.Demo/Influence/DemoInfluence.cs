using Ruche.Core.Data;
using Ruche.Core.Influence;
using Ruche.Demo.People;

namespace Ruche.Demo.Influence;

/// <summary>
/// A few colleagues of the demo chose to be recognised, so HR's dashboard names some voices; one left the graph. The
/// figures themselves are computed from the demo's own acts once it is seeded (DatabaseStartup).
/// </summary>
internal static class DemoInfluence
{
    public static void Write(RucheDbContext db, DemoStaff staff, DateTime now)
    {
        var everyone = staff.All.ToList();
        for (var i = 0; i < everyone.Count; i++)
        {
            if (i % 4 == 1)
            {
                db.Add(new InfluencePreference { PersonId = everyone[i].Id, Recognised = true, ChangedAt = now.AddDays(-10) });
            }
            else if (i == everyone.Count - 1)
            {
                db.Add(new InfluencePreference { PersonId = everyone[i].Id, LeftGraph = true, ChangedAt = now.AddDays(-5) });
            }
        }
    }
}
