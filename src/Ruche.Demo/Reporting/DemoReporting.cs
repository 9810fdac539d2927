using Microsoft.EntityFrameworkCore;
using Ruche.Core.Common;
using Ruche.Core.Data;
using Ruche.Core.Reporting;

namespace Ruche.Demo.Reporting;

/// <summary>
/// The demo's reporting channel: one anonymous case, acknowledged by the referent (Mathilde Chevalier, HR) with a first
/// message to the reporter. It goes through the channel's own services, so it is sealed with the app's key and its
/// deadlines are the real ones; only the referent sees it.
/// </summary>
public static class DemoReporting
{
    public const string ReferentHandle = "mathilde.chevalier";

    public static async Task WriteAsync(RucheDbContext db, ReportingIntake intake, ReferentDesk desk, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(intake);
        ArgumentNullException.ThrowIfNull(desk);
        var referentId = await db.People.Where(p => p.Handle == ReferentHandle).Select(p => (long?)p.Id).SingleOrDefaultAsync(cancellationToken);
        if (referentId is not { } id || await db.Set<ReportingCase>().AnyAsync(cancellationToken))
        {
            return;
        }

        var receipt = await intake.SubmitAsync(
            new CaseSubmission(
                "Depuis trois mois, les bons de livraison du fournisseur d'emballages sont signés pour des quantités plus élevées " +
                "que celles reçues à l'entrepôt de Lyon. L'écart est facturé chaque mois. Je peux indiquer les numéros de bons concernés.",
                "corruption",
                "Un acheteur du service achats (je préfère ne pas le nommer ici)."),
            null,
            cancellationToken);
        var referent = new Viewer(id, new HashSet<string>(StringComparer.Ordinal) { RoleNames.Referent, RoleNames.Employee });
        var caseId = await db.Set<ReportingCase>().Where(c => c.Code == receipt.Code).Select(c => c.Id).SingleAsync(cancellationToken);
        await desk.ChangeStatusAsync(referent, caseId, "acknowledged", null, cancellationToken);
        await desk.WriteAsync(
            referent,
            caseId,
            "Bonjour, nous avons bien reçu votre signalement. Pouvez-vous nous indiquer les numéros des bons de livraison et les mois concernés ?",
            cancellationToken);
    }
}
