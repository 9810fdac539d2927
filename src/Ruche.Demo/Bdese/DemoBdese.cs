using Ruche.Core.Bdese;
using Ruche.Demo.People;

namespace Ruche.Demo.Bdese;

/// <summary>
/// Three years of the demo company's BDESE (the two past years and the current one), written by the direction
/// (Antoine Lefebvre): data tables under six legal themes, one of them revised once, and one confidential item (a site
/// extension not yet announced). Readable by the demo's union delegate (Karim Benali), staff representative
/// (Sophie Tremblay) and the direction, who have each read a few items (the read log shows them). Drawn from no random: adding it changes nothing else in the demo company.
/// </summary>
internal static class DemoBdese
{
    private const string Author = "antoine.lefebvre";

    public static void Write(Ruche.Core.Data.RucheDbContext db, DemoStaff staff, DateTime launch, DateTime now)
    {
        var author = staff.ByHandle[Author].Id;
        var first = now.Year - 2;
        for (var year = first; year <= now.Year; year++)
        {
            var step = year - first;
            var at = launch.AddDays(2 + step);
            Add(db, author, at, "investments", year, "Investissements matériels et immatériels",
                Table("Poste (k€)", ["Montant"], ("Informatique et serveurs", 410 + (55 * step)), ("Logiciels et développements", 620 + (80 * step)), ("Locaux", 180 - (20 * step))));
            Add(db, author, at, "gender-equality", year, "Index de l'égalité professionnelle",
                Table("Indicateur", ["Points"], ("Écart de rémunération", 36 + step), ("Écart de taux d'augmentations", 20), ("Retour de congé maternité", 15), ("Hautes rémunérations", 5 + (5 * step)), ("Note globale", 76 + step + (5 * step))));
            Add(db, author, at, "pay-benefits", year, "Rémunérations annuelles brutes moyennes",
                Table("Catégorie (€)", ["Femmes", "Hommes"], ("Cadres", 52_400 + (1_300 * step), 54_100 + (1_100 * step)), ("Techniciens", 36_800 + (900 * step), 37_300 + (800 * step)), ("Employés", 27_900 + (700 * step), 28_200 + (650 * step))));
            Add(db, author, at, "social-cultural", year, "Budget des activités sociales et culturelles",
                Table("Poste (€)", ["Montant"], ("Chèques vacances", 38_000 + (2_000 * step)), ("Billetterie et sorties", 12_500), ("Arbre de Noël", 6_800 + (300 * step))));
            Add(db, author, at, "environment", year, "Bilan des émissions de gaz à effet de serre",
                Table("Poste (tCO2e)", ["Émissions"], ("Énergie des locaux", 96 - (11.5m * step)), ("Déplacements professionnels", 240 - (30 * step)), ("Numérique", 130 + (4 * step))));
            Add(db, author, at, "equity-debt", year, "Capitaux propres et endettement",
                Table("Poste (k€)", ["Montant"], ("Capitaux propres", 8_200 + (650 * step)), ("Dettes financières", 2_900 - (400 * step))));
        }

        // A revision: the latest index was corrected after the declaration, and both versions stay readable.
        var revised = db.ChangeTracker.Entries<BdeseItem>().Select(e => e.Entity).Single(i => i.Theme == "gender-equality" && i.Year == now.Year);
        Revise(db, author, revised, launch.AddDays(9), "Index de l'égalité professionnelle (corrigé)",
            Table("Indicateur", ["Points"], ("Écart de rémunération", 39), ("Écart de taux d'augmentations", 20), ("Retour de congé maternité", 15), ("Hautes rémunérations", 15), ("Note globale", 89)));

        var secret = Add(db, author, launch.AddDays(10), "investments", now.Year, "Projet d'extension du site de Lyon",
            Table("Phase (k€)", ["Montant"], ("Acquisition du bâtiment", 2_400), ("Travaux", 850), ("Équipement", 310)));
        secret.ConfidentialReason = secret.Versions[0].ConfidentialReason = "Projet non annoncé : la signature de l'acte est en cours de négociation.";
        secret.ConfidentialUntil = secret.Versions[0].ConfidentialUntil = DateOnly.FromDateTime(now).AddMonths(6);

        foreach (var (handle, item, way, days) in new[] { ("karim.benali", secret, BdeseReadWay.Page, 11), ("sophie.tremblay", revised, BdeseReadWay.Download, 12), ("karim.benali", revised, BdeseReadWay.Page, 13) })
        {
            db.Add(new BdeseRead { Item = item, VersionNumber = item.VersionCount, ReaderId = staff.ByHandle[handle].Id, At = launch.AddDays(days), Way = way });
        }
    }

    private static BdeseTable Table(string header, string[] columns, params (string Label, decimal Value)[] rows) =>
        new(header, columns, rows.Select(r => new BdeseRow(r.Label, [r.Value])).ToList());

    private static BdeseTable Table(string header, string[] columns, params (string Label, decimal Women, decimal Men)[] rows) =>
        new(header, columns, rows.Select(r => new BdeseRow(r.Label, [r.Women, r.Men])).ToList());

    private static BdeseItem Add(Ruche.Core.Data.RucheDbContext db, long author, DateTime at, string theme, int year, string title, BdeseTable table)
    {
        var item = new BdeseItem { Theme = theme, Year = year, Kind = BdeseItemKind.Table, Title = title, CreatedAt = at };
        db.Add(item);
        Revise(db, author, item, at, title, table);
        return item;
    }

    private static void Revise(Ruche.Core.Data.RucheDbContext db, long author, BdeseItem item, DateTime at, string title, BdeseTable table)
    {
        item.Title = title;
        item.VersionCount += 1;
        item.UpdatedAt = at;
        var version = new BdeseVersion { Item = item, Number = item.VersionCount, Title = title, TableJson = table.ToJson(), SavedById = author, SavedAt = at };
        item.Versions.Add(version);
        db.Add(version);
    }
}
