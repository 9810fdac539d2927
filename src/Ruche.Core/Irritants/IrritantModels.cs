using Ruche.Core.People;

namespace Ruche.Core.Irritants;

/// <param name="Anonymous">When true the server keeps nothing of who reported it.</param>
public sealed record NewIrritant(string? Category, string? Description, long? SiteId, long? DepartmentId, bool Anonymous);

/// <summary>HR's handling: the status (by name), who deals with it, and the public answer.</summary>
public sealed record IrritantAnswer(string? Status, long? OwnerId, string? Response);

/// <summary>
/// An irritant as everyone reads it. <see cref="Reporter"/> is null when anonymous; <see cref="MeToo"/> is the count
/// from <see cref="IrritantRules.MeTooShownFrom"/>, null below, and never who said it; <see cref="SaidMeToo"/> is the
/// reader's own "me too", shown to them alone.
/// </summary>
public sealed record IrritantCard(
    long Id,
    string Category,
    string Description,
    string? Site,
    string? Department,
    PersonRef? Reporter,
    DateOnly ReportedOn,
    string Status,
    PersonRef? Owner,
    string? Response,
    DateTime? RespondedAt,
    DateOnly DueOn,
    bool Overdue,
    int? MeToo,
    bool SaidMeToo,
    bool IsMine,
    bool CanHandle);

/// <summary>Irritants reported per period, by category or site: <see cref="Counts"/>[period][series].</summary>
public sealed record IrritantTrend(string Period, string By, IReadOnlyList<DateOnly> Periods, IReadOnlyList<string> Series, IReadOnlyList<IReadOnlyList<int>> Counts);

public sealed record IrritantPlace(long Id, string Name);

public sealed record IrritantPlaces(IReadOnlyList<IrritantPlace> Sites, IReadOnlyList<IrritantPlace> Departments);
