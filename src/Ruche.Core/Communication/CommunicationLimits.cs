namespace Ruche.Core.Communication;

public static class CommunicationLimits
{
    public const int TitleMaxLength = 200;

    public const int BodyMaxLength = 20_000;

    /// <summary>k: the sender sees a count of people (recipients, readers, per site or department) only when it is at least this.</summary>
    public const int SmallestCountedGroup = 5;

    public const int ListMax = 50;
}
