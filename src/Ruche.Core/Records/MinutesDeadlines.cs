namespace Ruche.Core.Records;

/// <summary>When a meeting's minutes fall due: its date plus the CSE's days for its kind (15, or 3 and 1 for the special cases, unless an agreement says otherwise).</summary>
public static class MinutesDeadlines
{
    public const int DefaultDays = 15;

    public const int ShortDays = 3;

    public const int UrgentDays = 1;

    public static int DaysFor(CseBody cse, CseMeetingKind kind) => kind switch
    {
        CseMeetingKind.ThreeDay => cse.ShortDeadlineDays,
        CseMeetingKind.OneDay => cse.UrgentDeadlineDays,
        _ => cse.DeadlineDays,
    };

    public static DateTime DueAt(CseBody cse, CseMeetingKind kind, DateTime heldAt) => heldAt.AddDays(DaysFor(cse, kind));
}
