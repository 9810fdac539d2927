using Microsoft.EntityFrameworkCore;
using Ruche.Core.Common;
using Ruche.Core.Data;
using Ruche.Core.Notifications;
using Ruche.Core.WorkTime;

namespace Ruche.Core.Irritants;

/// <summary>
/// Reporting irritants (named or anonymous), "me too", and HR's handling. For an anonymous report nothing that names
/// the reporter is written, logged, audited or notified: the row has no person id and no time, its id is random, and
/// no other row is written in the same request.
/// </summary>
public sealed class IrritantService(RucheDbContext db, IrritantSettings settings, WorkCalendar calendar, Notifier notifier, TimeProvider time)
{
    public async Task<long> ReportAsync(Viewer viewer, NewIrritant input, CancellationToken cancellationToken)
    {
        var category = IrritantCategories.Check(input.Category);
        var description = Input.Text(input.Description);
        if (description.Length == 0)
        {
            throw RucheException.Invalid("irritant.description-required", "Describe the irritant.");
        }

        if (description.Length > IrritantRules.DescriptionMaxLength)
        {
            throw RucheException.Invalid("irritant.description-too-long", $"A description holds at most {IrritantRules.DescriptionMaxLength} characters.");
        }

        if (input.SiteId is null && input.DepartmentId is null)
        {
            throw RucheException.Invalid("irritant.place-required", "Say where it happens: a site, a department, or both.");
        }

        string? country = null;
        if (input.SiteId is { } siteId)
        {
            country = await db.Sites.Where(s => s.Id == siteId).Select(s => s.CountryCode).SingleOrDefaultAsync(cancellationToken)
                ?? throw RucheException.Invalid("irritant.site-invalid", "No such site.");
        }

        if (input.DepartmentId is { } departmentId && !await db.Departments.AnyAsync(d => d.Id == departmentId, cancellationToken))
        {
            throw RucheException.Invalid("irritant.department-invalid", "No such department.");
        }

        var today = DateOnly.FromDateTime(time.UtcNow());
        var irritant = new Irritant
        {
            Id = IrritantRules.NewId(),
            Category = category,
            Description = description,
            SiteId = input.SiteId,
            DepartmentId = input.DepartmentId,
            ReporterId = input.Anonymous ? null : viewer.PersonId,
            ReportedOn = today,
            DueOn = IrritantRules.AddWorkingDays(today, settings.ResponseTargetWorkingDays, country, await calendar.HolidaysAsync(cancellationToken)),
            Status = IrritantStatus.Open,
        };
        db.Add(irritant);
        await db.SaveChangesAsync(cancellationToken);
        return irritant.Id;
    }

    /// <summary>Adds the viewer's "me too" (one each; not on their own named irritant).</summary>
    public async Task MeTooAsync(Viewer viewer, long irritantId, CancellationToken cancellationToken)
    {
        var me = viewer.PersonId;
        var row = await db.Set<Irritant>().Where(i => i.Id == irritantId)
            .Select(i => new { Mine = i.ReporterId == me, Said = db.Set<IrritantMeToo>().Any(m => m.IrritantId == i.Id && m.PersonId == me) })
            .SingleOrDefaultAsync(cancellationToken) ?? throw NotFound();
        if (row.Mine)
        {
            throw RucheException.Invalid("irritant.own", "You reported this irritant yourself.");
        }

        if (row.Said)
        {
            throw AlreadySaid();
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.Add(new IrritantMeToo { IrritantId = irritantId, PersonId = me });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            throw AlreadySaid();
        }

        await db.Set<Irritant>().Where(i => i.Id == irritantId).ExecuteUpdateAsync(s => s.SetProperty(i => i.MeTooCount, i => i.MeTooCount + 1), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task WithdrawMeTooAsync(Viewer viewer, long irritantId, CancellationToken cancellationToken)
    {
        if (!await db.Set<Irritant>().AnyAsync(i => i.Id == irritantId, cancellationToken))
        {
            throw NotFound();
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (await db.Set<IrritantMeToo>().Where(m => m.IrritantId == irritantId && m.PersonId == viewer.PersonId).ExecuteDeleteAsync(cancellationToken) == 0)
        {
            throw RucheException.Conflict("irritant.no-me-too", "You have not said \"me too\" to this irritant.");
        }

        await db.Set<Irritant>().Where(i => i.Id == irritantId).ExecuteUpdateAsync(s => s.SetProperty(i => i.MeTooCount, i => i.MeTooCount - 1), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>HR's handling: status, owner and public answer; a named reporter and those who said "me too" are told.</summary>
    public async Task AnswerAsync(Viewer viewer, long irritantId, IrritantAnswer answer, CancellationToken cancellationToken)
    {
        if (!IrritantRights.MayHandle(viewer))
        {
            throw RucheException.Forbidden("irritant.hr-only", "HR handles irritants.");
        }

        var status = IrritantRules.StatusOrNull(answer.Status) ?? throw RucheException.Invalid("irritant.status-required", "Choose the irritant's status.");
        var response = Input.Text(answer.Response);
        if (response.Length == 0)
        {
            throw RucheException.Invalid("irritant.response-required", "Write the public answer.");
        }

        if (response.Length > IrritantRules.ResponseMaxLength)
        {
            throw RucheException.Invalid("irritant.response-too-long", $"An answer holds at most {IrritantRules.ResponseMaxLength} characters.");
        }

        if (answer.OwnerId is { } ownerId && !await db.People.AnyAsync(p => p.Id == ownerId && p.IsActive, cancellationToken))
        {
            throw RucheException.Invalid("irritant.owner-invalid", "The owner is an active colleague.");
        }

        var irritant = await db.Set<Irritant>().SingleOrDefaultAsync(i => i.Id == irritantId, cancellationToken) ?? throw NotFound();
        var now = time.UtcNow();
        irritant.Status = status;
        irritant.OwnerId = answer.OwnerId;
        irritant.Response = response;
        irritant.RespondedAt ??= now;
        irritant.UpdatedAt = now;
        await db.SaveChangesAsync(cancellationToken);

        var told = await db.Set<IrritantMeToo>().Where(m => m.IrritantId == irritantId).Select(m => m.PersonId).ToListAsync(cancellationToken);
        if (irritant.ReporterId is { } reporter)
        {
            told.Add(reporter);
        }

        await notifier.NotifyAsync(IrritantNotifications.Answered, viewer.PersonId, told, irritantId);
    }

    internal static RucheException NotFound() => RucheException.NotFound("irritant.not-found", "No such irritant.");

    private static RucheException AlreadySaid() => RucheException.Conflict("irritant.already-me-too", "You already said \"me too\".");
}
