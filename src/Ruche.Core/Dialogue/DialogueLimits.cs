namespace Ruche.Core.Dialogue;

public static class DialogueLimits
{
    public const int UnionNameMaxLength = 120;

    public const int DelegatesMax = 20;

    public const int AgreementTitleMaxLength = 200;

    /// <summary>A quota above this is a typo, not an agreement.</summary>
    public const int BroadcastsPerMonthMax = 100;

    public const int BroadcastTitleMaxLength = 200;

    public const int BroadcastBodyMaxLength = 10_000;

    public const int QuestionMaxLength = 5_000;

    public const int TakedownTextMaxLength = 2_000;

    /// <summary>The union sees counts of people only for groups of at least this many (PRODUCT.md, Law and trust).</summary>
    public const int SmallestCountedGroup = 5;
}
