namespace Ruche.Core.Communication;

/// <summary>
/// What a targeted company message is about. Essential messages (safety, legal and work-organisation information the
/// company owes everyone concerned) cannot be refused; the other categories are non-essential and each employee may
/// refuse each of them, at any time, with immediate effect.
/// </summary>
public enum MessageCategory
{
    /// <summary>Safety, legal obligations, work organisation: always delivered.</summary>
    Essential = 0,

    /// <summary>Non-essential company news (results, projects, appointments).</summary>
    CompanyNews = 1,

    /// <summary>Life at work: social and cultural activities, events, wellbeing.</summary>
    LifeAtWork = 2,
}

public static class MessageCategories
{
    public static readonly IReadOnlyList<MessageCategory> All = [MessageCategory.Essential, MessageCategory.CompanyNews, MessageCategory.LifeAtWork];

    /// <summary>The categories an employee may refuse.</summary>
    public static readonly IReadOnlyList<MessageCategory> Refusable = [MessageCategory.CompanyNews, MessageCategory.LifeAtWork];

    public static bool CanBeRefused(this MessageCategory category) => category != MessageCategory.Essential;

    public static string Name(this MessageCategory category) => category switch
    {
        MessageCategory.CompanyNews => "company-news",
        MessageCategory.LifeAtWork => "life-at-work",
        _ => "essential",
    };

    /// <summary>The category named in a form or the API; anything else is refused.</summary>
    public static MessageCategory Parse(string? name) => name?.Trim().ToLowerInvariant() switch
    {
        "essential" => MessageCategory.Essential,
        "company-news" => MessageCategory.CompanyNews,
        "life-at-work" => MessageCategory.LifeAtWork,
        _ => throw Common.RucheException.Invalid("communication.category-invalid", "A category is 'essential', 'company-news' or 'life-at-work'."),
    };
}
