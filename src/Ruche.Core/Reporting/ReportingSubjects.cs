using Microsoft.EntityFrameworkCore;
using Ruche.Core.Data;
using Ruche.Core.Subjects;

namespace Ruche.Core.Reporting;

/// <summary>A case of the reporting channel: read by the desk's referents and nobody else (never company-wide).</summary>
public sealed class ReportingCaseSubject() : SubjectKind<ReportingCase>(
    Kind,
    c => c.Id,
    c => false,
    (c, personId) => c.Desk!.Referents.Any(r => r.PersonId == personId),
    c => c.Desk!.Referents.Select(r => r.PersonId))
{
    public const string Kind = "reporting-case";

    public static readonly ReportingCaseSubject Instance = new();

    /// <summary>The link and the case code only: a notification line never carries what the case says.</summary>
    public override async Task<IReadOnlyDictionary<long, SubjectLink>> DescribeAsync(RucheDbContext db, IReadOnlyCollection<long> ids, CancellationToken cancellationToken) =>
        await db.Set<ReportingCase>().Where(c => ids.Contains(c.Id)).Select(c => new { c.Id, c.Code })
            .ToDictionaryAsync(c => c.Id, c => new SubjectLink($"/reporting/cases/{c.Id}", c.Code), cancellationToken);
}

/// <summary>The desk itself (who its referents are): read by its referents, who are told when that list changes.</summary>
public sealed class ReportingDeskSubject() : SubjectKind<ReportingDesk>(
    Kind,
    d => d.Id,
    d => false,
    (d, personId) => d.Referents.Any(r => r.PersonId == personId),
    d => d.Referents.Select(r => r.PersonId))
{
    public const string Kind = "reporting-desk";

    public static readonly ReportingDeskSubject Instance = new();

    public override Task<IReadOnlyDictionary<long, SubjectLink>> DescribeAsync(RucheDbContext db, IReadOnlyCollection<long> ids, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyDictionary<long, SubjectLink>>(ids.Distinct().ToDictionary(id => id, _ => new SubjectLink("/reporting/log", null)));
}

public static class ReportingQueries
{
    /// <summary>The cases this person may read: those of a desk they are a referent of (none for anyone else).</summary>
    public static IQueryable<ReportingCase> VisibleTo(this IQueryable<ReportingCase> cases, long personId) =>
        cases.Where(c => c.Desk!.Referents.Any(r => r.PersonId == personId));
}
