namespace Ruche.Core.Records;

public static class RecordsLimits
{
    public const int TitleMaxLength = 200;

    public const int SubjectMaxLength = 500;

    public const int TextMaxLength = 100_000;

    public const int CommentMaxLength = 4_000;

    public const int PartiesMax = 30;

    public const int MembersMax = 60;

    /// <summary>A deadline "by agreement" stays within reason: a day at least, two months at most.</summary>
    public const int DeadlineDaysMax = 60;

    /// <summary>The secretary is reminded this many days before the minutes fall due (once).</summary>
    public const int ReminderDaysBefore = 2;
}
