namespace Ruche.Core.Surveys;

/// <summary>A survey in a list: for a respondent, whether its open round waits for their answer.</summary>
public sealed record SurveySummary(long Id, string Title, bool Opened, SurveyRoundRef? OpenRound, bool HasAnswered, int RoundCount);

public sealed record SurveyRoundRef(long Id, int Number, DateTime OpensAt, DateTime ClosesAt);

/// <summary>A survey as its respondents (and HR) read it: the rules they answer under, then the questions.</summary>
public sealed record SurveyView(
    long Id,
    string Title,
    string? Intro,
    bool Opened,
    SurveyCut Cut,
    int ScoreThreshold,
    int CommentThreshold,
    bool TargetsEveryone,
    IReadOnlyList<string> Targets,
    int RoundCount,
    int RoundLengthDays,
    int IntervalDays,
    IReadOnlyList<QuestionView> Questions,
    SurveyRoundRef? OpenRound,
    bool Targeted,
    bool HasAnswered,
    bool CanManage,
    bool CanReadResults);

public sealed record QuestionView(long Id, int Position, SurveyQuestionKind Kind, string Text, IReadOnlyList<string> Options, bool Required);

/// <param name="ReplyCode">Given with a comment: the code that lets its writer read replies and answer, anonymously. Shown once.</param>
public sealed record AnswerReceipt(string Receipt, string? ReplyCode);

/// <summary>A comment with its thread: HR's replies (named) and its writer's answers (anonymous).</summary>
public sealed record CommentThread(Guid Id, string Text, IReadOnlyList<CommentReply> Replies);

/// <param name="Author">The one who replied for HR; null for the comment's writer.</param>
public sealed record CommentReply(string? Author, string Text, DateOnly PostedOn);

/// <summary>
/// What HR, administrators and direction read: only cells the suppression rule lets through (ADR 17). A hidden round
/// or group is absent or null, never a number.
/// </summary>
public sealed record SurveyResults(
    long Id,
    string Title,
    SurveyCut Cut,
    int ScoreThreshold,
    int CommentThreshold,
    IReadOnlyList<RoundResult> Rounds,
    IReadOnlyList<QuestionResult> Questions);

/// <param name="Participants">How many have answered an open round so far (answers are shown only once it closes).</param>
/// <param name="Respondents">The round's respondents once published; null while open or when fewer than the threshold.</param>
/// <param name="Groups">The groups shown for this round, with their respondents.</param>
public sealed record RoundResult(long Id, int Number, DateTime OpensAt, DateTime ClosesAt, RoundState State, int? Participants, int? Respondents, IReadOnlyList<GroupCount> Groups);

public enum RoundState
{
    Upcoming,
    Open,
    Published,
}

/// <param name="Band">The department or site id; 0 for people who had none.</param>
public sealed record GroupCount(long Band, string? Label, int Respondents);

public sealed record QuestionResult(long Id, int Position, SurveyQuestionKind Kind, string Text, IReadOnlyList<string> Options, IReadOnlyList<QuestionRound> Rounds);

/// <param name="Company">Null when the round is not published or has fewer respondents than the threshold.</param>
/// <param name="Comments">Free texts, in random order, only when the round has at least the comment threshold of respondents.</param>
public sealed record QuestionRound(long RoundId, int Number, Score? Company, IReadOnlyList<GroupScore> Groups, IReadOnlyList<CommentThread>? Comments);

/// <param name="Distribution">How many gave each value (Likert 1–5, eNPS 0–10) or chose each option.</param>
/// <param name="Enps">Promoters (9–10) minus detractors (0–6), in percent of respondents.</param>
public sealed record Score(int Respondents, double? Mean, int? Enps, IReadOnlyList<int> Distribution);

public sealed record GroupScore(long Band, string? Label, Score Score);
