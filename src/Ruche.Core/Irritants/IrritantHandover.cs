using Microsoft.EntityFrameworkCore;
using Ruche.Core.Common;
using Ruche.Core.Data;
using Ruche.Core.Reporting;

namespace Ruche.Core.Irritants;

/// <summary>What moving an irritant to the confidential channel asks: the case's topic, and whether its author agrees to be named to the referents.</summary>
/// <param name="Named">Only the author's own choice: when HR moves an irritant, the case is anonymous whatever this says.</param>
public sealed record IrritantMove(string? Topic, bool Named);

/// <summary>What the mover gets back: the receipt, only when they are the irritant's author (who then follows the case).</summary>
public sealed record IrritantMoved(CaseReceipt? Receipt);

/// <summary>
/// One click moves an irritant that is a matter for the confidential reporting channel into it (issue 13). Its named
/// author may move their own (named to the referents only if they tick it, and they get the case's code and secret,
/// shown once); HR may move any irritant that looks like a matter for the channel, but then the case never carries
/// the author's identity (no consent was given) and nobody gets a receipt. An anonymous irritant has no author Ruche
/// knows of: only HR can move it, and the case is anonymous. The irritant then leaves every public list, its page and
/// search (its row, its "me too"s and its search document are deleted).
/// </summary>
public sealed class IrritantHandover(RucheDbContext db, ReportingIntake intake)
{
    public async Task<IrritantMoved> MoveAsync(Viewer viewer, long irritantId, IrritantMove move, CancellationToken cancellationToken)
    {
        var irritant = await db.Set<Irritant>().Include(i => i.Reporter).SingleOrDefaultAsync(i => i.Id == irritantId, cancellationToken)
            ?? throw IrritantService.NotFound();
        var own = irritant.ReporterId == viewer.PersonId;
        if (!own && !IrritantRights.MayHandle(viewer))
        {
            throw RucheException.Forbidden("irritant.move-forbidden", "Only the irritant's author or HR may move it to the confidential channel.");
        }

        // Checked before anything is written; the intake checks them again.
        ReportingInput.Choice<CaseTopic>(move.Topic, "topic");
        var account = own && move.Named && irritant.Reporter is { } author ? new ReporterAccount(author.Id, author.DisplayName, author.Email) : null;

        // The case is opened first (its own transaction, with the channel's log), then the irritant deleted: a failure
        // between the two leaves the irritant public and the case open, never a report lost.
        var receipt = await intake.OpenCaseAsync(irritant.Description, move.Topic, account, cancellationToken);
        db.Remove(irritant);
        await db.SaveChangesAsync(cancellationToken);
        return new IrritantMoved(own ? receipt : null);
    }
}
