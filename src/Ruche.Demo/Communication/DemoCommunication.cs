using Microsoft.EntityFrameworkCore;
using Ruche.Core.Communication;
using Ruche.Core.Content;
using Ruche.Core.People;
using Ruche.Demo.People;

namespace Ruche.Demo.Communication;

/// <summary>
/// Professional categories for everyone (from the job title), a few refusals of non-essential company messages and one
/// targeted HR message to the Paris site, partly read. Drawn from no random: adding it changes nothing else in the demo.
/// </summary>
internal static class DemoCommunication
{
    public static async Task WriteAsync(Ruche.Core.Data.RucheDbContext db, DemoStaff staff, DateTime now, CancellationToken cancellationToken)
    {
        // The people were saved (and may no longer be tracked): one update per category.
        foreach (var group in staff.All.GroupBy(m => CategoryOf(m.Spec.JobTitle)))
        {
            var ids = group.Select(m => m.Id).ToList();
            await db.People.Where(p => ids.Contains(p.Id)).ExecuteUpdateAsync(s => s.SetProperty(p => p.JobCategory, group.Key), cancellationToken);
        }

        // Every ninth person refuses "life at work" messages; every thirteenth, company news.
        foreach (var (member, i) in staff.All.Select((m, i) => (m, i)))
        {
            if (i % 9 == 4)
            {
                db.Add(new MessageOptOut { PersonId = member.Id, Category = MessageCategory.LifeAtWork, ChangedAt = now.AddDays(-20) });
            }

            if (i % 13 == 6)
            {
                db.Add(new MessageOptOut { PersonId = member.Id, Category = MessageCategory.CompanyNews, ChangedAt = now.AddDays(-15) });
            }
        }

        var hr = staff.ByHandle["lea.dubois"];
        var recipients = staff.All
            .Select((m, i) => (Member: m, Index: i))
            .Where(x => x.Member.Spec.Site == DemoRoster.Paris && x.Member.Id != hr.Id && x.Index % 9 != 4)
            .ToList();
        const string Text = "La **semaine de la qualité de vie au travail** commence lundi sur le site de Paris : ateliers posture, massages assis, conférence sur le sommeil jeudi midi. Inscriptions libres sur place.\n\nCe message relève de la catégorie « vie au travail » : vous pouvez refuser cette catégorie dans vos réglages.";
        var deliveries = recipients.Select(x => new MessageDelivery { PersonId = x.Member.Id, IsRead = x.Index % 3 != 0 }).ToList();
        db.Add(new CompanyMessage
        {
            AuthorId = hr.Id,
            Title = "Semaine de la qualité de vie au travail à Paris",
            Body = Text,
            BodyHtml = new MarkdownContent().RenderHtml(MarkdownContent.Parse(Text), new Dictionary<string, string>(StringComparer.Ordinal)),
            Category = MessageCategory.LifeAtWork,
            AudienceSiteId = hr.Person.SiteId,
            SentAt = now.AddDays(-4).AddHours(-5),
            Recipients = deliveries.Count,
            Reads = deliveries.Count(d => d.IsRead),
            Deliveries = deliveries,
        });
    }

    private static JobCategory CategoryOf(string title) =>
        title.Contains("Direct", StringComparison.Ordinal) || title.Contains("Responsable", StringComparison.Ordinal) || title.Contains("Ingénieur", StringComparison.Ordinal)
            ? JobCategory.Executives
            : title.Contains("Développ", StringComparison.Ordinal) || title.Contains("Technicien", StringComparison.Ordinal) || title.Contains("Analyste", StringComparison.Ordinal)
                ? JobCategory.TechniciansAndSupervisors
                : title.Contains("Magasin", StringComparison.Ordinal) || title.Contains("Agent", StringComparison.Ordinal)
                    ? JobCategory.Workers
                    : JobCategory.Employees;
}
