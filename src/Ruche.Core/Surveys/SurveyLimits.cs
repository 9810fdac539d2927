namespace Ruche.Core.Surveys;

public static class SurveyLimits
{
    public const int DefaultScoreThreshold = 5;
    public const int DefaultCommentThreshold = 10;

    /// <summary>Below this, a score would be one person's or two people's: no survey may ask for it.</summary>
    public const int MinimumThreshold = 5;
    public const int MaximumThreshold = 100;

    public const int TitleMaxLength = 200;
    public const int IntroMaxLength = 2000;
    public const int QuestionMaxLength = 500;
    public const int OptionMaxLength = 100;
    public const int OptionsMaxLength = 2000;
    public const int MinOptions = 2;
    public const int MaxOptions = 20;
    public const int MaxQuestions = 30;
    public const int CommentMaxLength = 1000;
    public const int MaxRounds = 12;
    public const int MaxRoundLengthDays = 90;
    public const int MaxIntervalDays = 180;
}
