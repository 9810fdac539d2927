using Ruche.Core.People;
using Ruche.Core.Spaces;

namespace Ruche.Core.Recognition;

/// <summary>A thank-you to give: to a colleague (<see cref="PersonId"/>) or to a team space (<see cref="SpaceId"/>), exactly one.</summary>
public sealed record NewKudos(long? PersonId, long? SpaceId, long? ValueId, string? Message);

/// <summary>A company value as lists show it, with both labels (the page picks the reader's language).</summary>
public sealed record ValueView(long Id, string LabelFr, string LabelEn, int Position, bool IsArchived)
{
    public string Label(string language) => CompanyValue.LabelIn(language, LabelFr, LabelEn);
}

/// <summary>A value to add or rename.</summary>
public sealed record ValueInput(string? LabelFr, string? LabelEn, int? Position, bool IsArchived = false);

/// <summary>A thank-you as readers see it: who thanked whom (a person or a team), for which value, and why.</summary>
public sealed record KudosView(long Id, PersonRef Giver, PersonRef? Person, SpaceLink? Team, ValueView Value, string Message, DateTime CreatedAt);

/// <summary>One month of thanks, newest first, with the months around it for navigation.</summary>
public sealed record KudosWall(DateOnly Month, IReadOnlyList<KudosView> Items, DateOnly Previous, DateOnly? Next);

/// <summary>A badge a person earned, and when.</summary>
public sealed record BadgeView(string Key, DateTime EarnedAt);

/// <summary>What recognition shows on a profile: the thanks received (newest first) and the badges earned.</summary>
public sealed record ProfileRecognition(IReadOnlyList<KudosView> Kudos, int KudosCount, IReadOnlyList<BadgeView> Badges);

/// <summary>A question's marks as a reader of its post sees them; <see cref="CanMark"/> for its author.</summary>
public sealed record AnswerMarks(long PostId, bool IsQuestion, long? BestCommentId, IReadOnlyList<long> HelpfulCommentIds, bool CanMark)
{
    public static AnswerMarks None(long postId) => new(postId, false, null, [], false);
}

/// <summary>A question in the list: its post, whether it has a best answer, how many comments it drew.</summary>
public sealed record QuestionCard(long PostId, PersonRef? Author, SpaceLink? Space, string Excerpt, DateTime AskedAt, bool Answered, int Comments);

/// <summary>Kudos per value over a period (HR); a figure for fewer than 5 givers or 5 receivers is suppressed (null).</summary>
public sealed record KudosByValue(long ValueId, string LabelFr, string LabelEn, int? Count, bool Suppressed);

/// <param name="MinimumGroup">Below this many distinct givers or receivers, a value's figure is suppressed.</param>
public sealed record KudosStatisticsView(DateOnly From, DateOnly To, int MinimumGroup, IReadOnlyList<KudosByValue> Values);
