using System.ComponentModel.DataAnnotations;
using Ruche.Core.People;

namespace Ruche.Core.Records;

public sealed record NewCse(string? Name, long PresidentId, long SecretaryId, [property: MaxLength(RecordsLimits.MembersMax)] IReadOnlyList<long>? MemberIds);

/// <summary>The minutes deadlines in days, as the law sets them or an agreement changes them.</summary>
public sealed record CseDeadlines(int DeadlineDays, int ShortDeadlineDays, int UrgentDeadlineDays);

/// <param name="Kind">ordinary, extraordinary, threeDay or oneDay.</param>
public sealed record NewCseMeeting(string? Title, DateTime? HeldAt, string? Kind);

public sealed record MinutesText([property: MaxLength(RecordsLimits.TextMaxLength)] string? Text);

public sealed record CseRemark([property: StringLength(RecordsLimits.CommentMaxLength, MinimumLength = 1)] string? Text);

/// <param name="AtMeetingId">The later meeting where the minutes were adopted.</param>
public sealed record MinutesAdoption(long AtMeetingId, int VotesFor, int VotesAgainst, int VotesAbstaining);

public sealed record CsePerson(long Id, string DisplayName);

public sealed record CseMeetingSummary(
    long Id, string Title, DateTime HeldAt, CseMeetingKind Kind, DateTime DeadlineAt, MinutesStatus Status, bool Overdue, DateTime? PublishedAt);

/// <param name="CanSchedule">The viewer is the president or the secretary.</param>
public sealed record CseView(
    long Id, string Name, CsePerson President, CsePerson Secretary, IReadOnlyList<CsePerson> Members, CseDeadlines Deadlines,
    IReadOnlyList<CseMeetingSummary> Meetings, bool SitsOn, bool CanSchedule);

public sealed record CseCommentView(long Id, PersonRef? Author, string Text, DateTime At, bool IsEmployerAnswer);

public sealed record MinutesAdoptionView(long AtMeetingId, string AtMeetingTitle, int VotesFor, int VotesAgainst, int VotesAbstaining, DateTime AdoptedAt);

/// <param name="CanWrite">Only the elected secretary, while the minutes are a draft.</param>
public sealed record CseMeetingView(
    long Id, long CseId, string CseName, string Title, DateTime HeldAt, CseMeetingKind Kind, DateTime DeadlineAt, bool Overdue,
    MinutesStatus Status, string Minutes, string MinutesHtml, DateTime? MinutesSavedAt, MinutesAdoptionView? Adoption, DateTime? PublishedAt,
    CsePerson Secretary, IReadOnlyList<CseCommentView> Remarks, IReadOnlyList<CseCommentView> EmployerAnswers,
    IReadOnlyList<CseMeetingSummary> LaterMeetings, bool CanWrite, bool CanComment, bool CanAdopt, bool CanPublish, bool CanAnswer);
