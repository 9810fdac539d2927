using Ruche.Core.Data;
using Ruche.Core.Irritants;
using Ruche.Core.WorkTime;
using Ruche.Demo.People;

namespace Ruche.Demo.Irritants;

/// <summary>
/// A year of irritants across categories and the three sites, so the trend chart has a shape: most named, some
/// anonymous (no person, only a date), "me too"s above and below the threshold, HR answers, and a few past their
/// response target.
/// </summary>
internal static class DemoIrritants
{
    private static readonly (string Category, string Text)[] Samples =
    [
        ("it", "Le VPN se déconnecte toutes les heures en télétravail."),
        ("equipment", "Il manque des écrans externes dans l'open space du 3e."),
        ("premises", "Les salles de réunion du rez-de-chaussée sont mal insonorisées."),
        ("comfort", "Il fait 28 °C l'après-midi côté sud, même avec la clim."),
        ("processes", "Les notes de frais papier mettent trois semaines à être remboursées."),
        ("meetings", "Trop de réunions à 18 h à cause du décalage horaire."),
        ("communication", "On apprend les changements d'organisation par la presse."),
        ("commute", "Le parking vélo est toujours plein avant 9 h."),
        ("catering", "Plus d'option végétarienne à la cantine le vendredi."),
        ("it", "Le mot de passe expire tous les 30 jours, c'est trop souvent."),
        ("equipment", "Les casques fournis n'ont pas de réduction de bruit."),
        ("processes", "Réserver un déplacement demande quatre validations."),
    ];

    public static void Write(RucheDbContext db, DemoStaff staff, Random random, DateTime now, IrritantSettings settings)
    {
        var today = DateOnly.FromDateTime(now);
        var hr = staff.ByHandle["lea.dubois"];
        var people = staff.All.ToList();
        var holidays = Holidays.None;
        for (var n = 0; n < 90; n++)
        {
            // More recent weeks have more reports: the box got known.
            var daysAgo = (int)(330 * Math.Pow(random.NextDouble(), 1.4));
            var reporter = people[random.Next(people.Count)];
            var (category, text) = Samples[random.Next(Samples.Length)];
            var on = today.AddDays(-daysAgo);
            var anonymous = n % 9 == 4;
            var site = reporter.Person.SiteId;
            var country = reporter.Site.CountryCode;
            var irritant = new Irritant
            {
                Id = IrritantRules.NewId(),
                Category = category,
                Description = text,
                SiteId = site,
                DepartmentId = random.Next(3) == 0 ? reporter.Person.DepartmentId : null,
                ReporterId = anonymous ? null : reporter.Id,
                ReportedOn = on,
                DueOn = IrritantRules.AddWorkingDays(on, settings.ResponseTargetWorkingDays, country, holidays),
                Status = IrritantStatus.Open,
            };

            // Answered, mostly: older ones resolved or turned down, a few left past their target.
            if (daysAgo > 12 || random.Next(3) == 0)
            {
                var answered = on.AddDays(2 + random.Next(10));
                if (daysAgo <= 25 && random.Next(4) == 0)
                {
                    answered = today.AddDays(1);
                }

                if (answered <= today)
                {
                    irritant.Status = daysAgo > 40 ? (random.Next(5) == 0 ? IrritantStatus.WontFix : IrritantStatus.Resolved) : IrritantStatus.InProgress;
                    irritant.Response = irritant.Status switch
                    {
                        IrritantStatus.Resolved => "C'est corrigé : merci de nous l'avoir signalé.",
                        IrritantStatus.WontFix => "Nous ne pouvons pas changer cela pour l'instant ; voici pourquoi : le contrat en cours court jusqu'à l'an prochain.",
                        _ => "Pris en charge : nous revenons vers vous d'ici deux semaines.",
                    };
                    irritant.OwnerId = hr.Id;
                    irritant.RespondedAt = answered.ToDateTime(new TimeOnly(10, 0), DateTimeKind.Utc);
                    irritant.UpdatedAt = irritant.RespondedAt;
                }
            }

            var meToo = DemoRandom.Shuffled(people.Where(p => p.Id != reporter.Id).ToList(), random).Take(random.Next(0, 9)).ToList();
            irritant.MeTooCount = meToo.Count;
            db.Add(irritant);
            foreach (var person in meToo)
            {
                db.Add(new IrritantMeToo { IrritantId = irritant.Id, PersonId = person.Id });
            }
        }
    }
}
