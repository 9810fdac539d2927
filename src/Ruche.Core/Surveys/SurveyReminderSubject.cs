using Ruche.Core.Data;
using Ruche.Core.Notifications;
using Ruche.Core.People;
using Ruche.Core.Subjects;

namespace Ruche.Core.Surveys;

/// <summary>
/// The reminder to answer a survey is about the person reminded and read by them alone: it names no survey in its
/// subject, and nobody else (HR included) reads it, so reminders never tell anyone who has or has not answered.
/// </summary>
public sealed class SurveyReminderSubject() : SubjectKind<Person>(
    Kind,
    p => p.Id,
    p => false,
    (p, personId) => p.Id == personId,
    readers: null)
{
    public const string Kind = "own-surveys";

    public static readonly SurveyReminderSubject Instance = new();

    public override Task<IReadOnlyDictionary<long, SubjectLink>> DescribeAsync(RucheDbContext db, IReadOnlyCollection<long> ids, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyDictionary<long, SubjectLink>>(ids.Distinct().ToDictionary(id => id, _ => new SubjectLink("/surveys", null)));
}

/// <summary>What surveys tell people (registered by <c>AddSurveys()</c>).</summary>
public static class SurveyNotifications
{
    /// <summary>A survey round you are asked to answer and have not answered closes soon: seen by you alone.</summary>
    public static readonly NotificationKind Reminder = new("survey-reminder", SurveyReminderSubject.Instance);

    public static readonly IReadOnlyList<NotificationKind> All = [Reminder];
}
