using Microsoft.EntityFrameworkCore;
using Ruche.Core.Audit;
using Ruche.Core.Common;
using Ruche.Core.Data;

namespace Ruche.Core.Records;

/// <summary>
/// The CSE as elected (recorded by an administrator: president, secretary, members), its minutes deadlines "by
/// agreement", and its meetings, scheduled by the president or the secretary.
/// </summary>
public sealed class CseService(RucheDbContext db, AuditLog audit, TimeProvider time)
{
    public async Task<long> RecordAsync(Viewer viewer, NewCse request, CancellationToken cancellationToken)
    {
        RequireAdministrator(viewer);
        var name = Input.Text(request.Name);
        if (name.Length == 0 || name.Length > RecordsLimits.TitleMaxLength)
        {
            throw RucheException.Invalid("records.cse-name-invalid", "A CSE has a name.");
        }

        var members = (request.MemberIds ?? []).Where(id => id != request.PresidentId && id != request.SecretaryId).Distinct().ToList();
        if (request.PresidentId == request.SecretaryId)
        {
            throw RucheException.Invalid("records.cse-secretary-invalid", "The secretary is an elected member, not the president.");
        }

        List<long> everyone = [request.PresidentId, request.SecretaryId, .. members];
        if (members.Count > RecordsLimits.MembersMax || await db.People.CountAsync(p => everyone.Contains(p.Id) && p.IsActive, cancellationToken) != everyone.Count)
        {
            throw RucheException.Invalid("records.cse-people-invalid", "The president, secretary and members are active people.");
        }

        // The employer presides; it never writes the minutes nor sits as an elected member (that would obstruct the CSE).
        List<long> elected = [request.SecretaryId, .. members];
        string[] employerSide = [RoleNames.Administrator, RoleNames.Direction, RoleNames.HumanResources];
        var employerRoles = db.Roles.Where(r => employerSide.Contains(r.Name!)).Select(r => r.Id);
        if (elected.Contains(viewer.PersonId) || await db.UserRoles.AnyAsync(ur => elected.Contains(ur.UserId) && employerRoles.Contains(ur.RoleId), cancellationToken))
        {
            throw RucheException.Invalid("records.cse-elected-employer", "The secretary and members are elected staff: never an administrator, direction or HR, nor whoever records the CSE.");
        }

        var cse = new CseBody
        {
            Name = name, PresidentId = request.PresidentId, SecretaryId = request.SecretaryId, CreatedAt = time.UtcNow(),
            Members = [.. members.Select(id => new CseMember { PersonId = id })],
        };
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.Add(cse);
        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync(viewer.PersonId, "records.cse-recorded", $"cse:{cse.Id}", new { members = members.Count }, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return cse.Id;
    }

    /// <summary>The deadlines an agreement sets (an administrator records them); meetings already held keep theirs.</summary>
    public async Task SetDeadlinesAsync(Viewer viewer, long cseId, CseDeadlines deadlines, CancellationToken cancellationToken)
    {
        RequireAdministrator(viewer);
        int[] days = [deadlines.DeadlineDays, deadlines.ShortDeadlineDays, deadlines.UrgentDeadlineDays];
        if (days.Any(d => d < 1 || d > RecordsLimits.DeadlineDaysMax))
        {
            throw RucheException.Invalid("records.cse-deadlines-invalid", $"A deadline is 1 to {RecordsLimits.DeadlineDaysMax} days.");
        }

        var cse = await db.Set<CseBody>().SingleOrDefaultAsync(c => c.Id == cseId, cancellationToken) ?? throw NotFound();
        cse.DeadlineDays = deadlines.DeadlineDays;
        cse.ShortDeadlineDays = deadlines.ShortDeadlineDays;
        cse.UrgentDeadlineDays = deadlines.UrgentDeadlineDays;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync(viewer.PersonId, "records.cse-deadlines", $"cse:{cse.Id}", deadlines, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<long> ScheduleAsync(Viewer viewer, long cseId, NewCseMeeting request, CancellationToken cancellationToken)
    {
        var cse = await db.Set<CseBody>().SingleOrDefaultAsync(c => c.Id == cseId, cancellationToken) ?? throw NotFound();
        if (viewer.PersonId != cse.PresidentId && viewer.PersonId != cse.SecretaryId)
        {
            throw RucheException.Forbidden("records.cse-officers-only", "Only the president or the secretary schedules a meeting.");
        }

        var title = Input.Text(request.Title);
        if (title.Length == 0 || title.Length > RecordsLimits.TitleMaxLength)
        {
            throw RucheException.Invalid("records.title-invalid", $"A title has 1 to {RecordsLimits.TitleMaxLength} characters.");
        }

        if (request.HeldAt is not { } heldAt || !Enum.TryParse<CseMeetingKind>(request.Kind, ignoreCase: true, out var kind)
            || !Enum.IsDefined(kind) || int.TryParse(request.Kind, out _))
        {
            throw RucheException.Invalid("records.meeting-invalid", "A meeting has a date and a kind.");
        }

        var held = DateTime.SpecifyKind(heldAt.Kind == DateTimeKind.Local ? heldAt.ToUniversalTime() : heldAt, DateTimeKind.Utc);
        var meeting = new CseMeeting { CseId = cse.Id, Title = title, HeldAt = held, Kind = kind, DeadlineAt = MinutesDeadlines.DueAt(cse, kind, held) };
        db.Add(meeting);
        await db.SaveChangesAsync(cancellationToken);
        return meeting.Id;
    }

    public async Task<IReadOnlyList<CseView>> ListAsync(Viewer viewer, CancellationToken cancellationToken)
    {
        var ids = await db.Set<CseBody>().OrderBy(c => c.Name).Select(c => c.Id).Take(20).ToListAsync(cancellationToken);
        var views = new List<CseView>();
        foreach (var id in ids)
        {
            views.Add(await GetAsync(viewer, id, cancellationToken));
        }

        return views;
    }

    /// <summary>The CSE's composition is public; its meetings are listed as the viewer may read them.</summary>
    public async Task<CseView> GetAsync(Viewer viewer, long cseId, CancellationToken cancellationToken)
    {
        var me = viewer.PersonId;
        var now = time.UtcNow();
        var cse = await db.Set<CseBody>().AsNoTracking().Where(c => c.Id == cseId).Select(c => new
        {
            c.Id, c.Name, c.DeadlineDays, c.ShortDeadlineDays, c.UrgentDeadlineDays,
            President = new CsePerson(c.PresidentId, c.President!.DisplayName),
            Secretary = new CsePerson(c.SecretaryId, c.Secretary!.DisplayName),
            Members = c.Members.OrderBy(m => m.Person!.DisplayName).Select(m => new CsePerson(m.PersonId, m.Person!.DisplayName)).ToList(),
            SitsOn = c.SitsOn(me),
        }).SingleOrDefaultAsync(cancellationToken) ?? throw NotFound();
        var meetings = await db.Set<CseMeeting>().VisibleTo(me).Where(m => m.CseId == cseId).OrderByDescending(m => m.HeldAt).Take(100)
            .Select(m => new CseMeetingSummary(m.Id, m.Title, m.HeldAt, m.Kind, m.DeadlineAt, m.Status, m.Status == MinutesStatus.Draft && m.DeadlineAt < now, m.PublishedAt))
            .ToListAsync(cancellationToken);
        return new CseView(
            cse.Id, cse.Name, cse.President, cse.Secretary, cse.Members, new CseDeadlines(cse.DeadlineDays, cse.ShortDeadlineDays, cse.UrgentDeadlineDays),
            meetings, cse.SitsOn, me == cse.President.Id || me == cse.Secretary.Id);
    }

    internal static RucheException NotFound() => RucheException.NotFound("records.cse-not-found", "No such CSE.");

    private static void RequireAdministrator(Viewer viewer)
    {
        if (!viewer.IsAdministrator)
        {
            throw RucheException.Forbidden("administrator-required", "Only administrators record the CSE as elected.");
        }
    }
}
