using Microsoft.EntityFrameworkCore;
using Ruche.Core.Audit;
using Ruche.Core.Common;
using Ruche.Core.Data;

namespace Ruche.Core.Dialogue;

/// <summary>
/// The company agreement on digital union communication (ADR 15): one record whose terms apply to every union, recorded
/// by an administrator. Terms written per union are accepted only when they are those same terms: an agreement that
/// treats unions differently is refused, whatever way it is written.
/// </summary>
public sealed class AgreementService(RucheDbContext db, AuditLog audit, TimeProvider time)
{
    /// <summary>The agreement in force today, if any: the latest recorded whose dates cover today.</summary>
    public async Task<UnionAgreement?> InForceAsync(CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(time.UtcNow());
        return await db.Set<UnionAgreement>().AsNoTracking()
            .Where(a => a.ValidFrom <= today && (a.ValidUntil == null || a.ValidUntil >= today))
            .OrderByDescending(a => a.RecordedAt).ThenByDescending(a => a.Id)
            .FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>What everyone may read of the agreement in force (its terms are the company's, not anyone's secret).</summary>
    public async Task<AgreementView?> CurrentAsync(CancellationToken cancellationToken) =>
        await InForceAsync(cancellationToken) is { } a ? View(a) : null;

    public async Task<long> RecordAsync(Viewer viewer, AgreementRequest request, CancellationToken cancellationToken)
    {
        if (!viewer.IsAdministrator)
        {
            throw RucheException.Forbidden("administrator-required", "Only administrators record the union agreement.");
        }

        var title = request.Title?.Trim();
        if (string.IsNullOrEmpty(title) || title.Length > DialogueLimits.AgreementTitleMaxLength)
        {
            throw RucheException.Invalid("dialogue.agreement-title-invalid", $"An agreement needs a title of 1 to {DialogueLimits.AgreementTitleMaxLength} characters.");
        }

        if (request.ValidFrom is not { } from || (request.ValidUntil is { } until && until < from))
        {
            throw RucheException.Invalid("dialogue.agreement-dates-invalid", "An agreement starts on a date and ends, if it does, on or after it.");
        }

        var terms = request.Terms ?? throw RucheException.Invalid("dialogue.agreement-terms-missing", "An agreement states its channels and quotas.");
        if (terms.BroadcastsPerMonth is < 0 or > DialogueLimits.BroadcastsPerMonthMax || (terms.Broadcasts && terms.BroadcastsPerMonth == 0))
        {
            throw RucheException.Invalid(
                "dialogue.agreement-quota-invalid", $"Broadcasts, when open, come with a monthly quota of 1 to {DialogueLimits.BroadcastsPerMonthMax}.");
        }

        var perUnion = request.PerUnion ?? [];
        if (perUnion.Any(t => t.Terms != terms))
        {
            throw RucheException.Invalid("dialogue.agreement-unequal", "Every union gets the same channels and quotas: the agreement cannot treat unions differently.");
        }

        var named = perUnion.Select(t => t.UnionId).Distinct().ToList();
        if (named.Count > 0 && await db.Set<Union>().CountAsync(u => named.Contains(u.Id), cancellationToken) != named.Count)
        {
            throw UnionService.NotFound();
        }

        var agreement = new UnionAgreement
        {
            Title = title,
            AllowsBroadcasts = terms.Broadcasts,
            AllowsPolls = terms.Polls,
            AllowsDocuments = terms.Documents,
            AllowsQuestions = terms.Questions,
            BroadcastsPerMonth = terms.Broadcasts ? terms.BroadcastsPerMonth : 0,
            BroadcastsPushedByDefault = terms.Broadcasts && terms.BroadcastsPushedByDefault,
            ValidFrom = from,
            ValidUntil = request.ValidUntil,
            RecordedAt = time.UtcNow(),
            RecordedById = viewer.PersonId,
        };
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.Add(agreement);
        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync(viewer.PersonId, "dialogue.agreement-recorded", $"agreement:{agreement.Id}", null, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return agreement.Id;
    }

    public static AgreementView View(UnionAgreement a) => new(
        a.Id,
        a.Title,
        new AgreementTerms(a.AllowsBroadcasts, a.AllowsPolls, a.AllowsDocuments, a.AllowsQuestions, a.BroadcastsPerMonth, a.BroadcastsPushedByDefault),
        a.ValidFrom,
        a.ValidUntil,
        a.RecordedAt);
}
