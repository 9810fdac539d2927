namespace Ruche.Core.Common;

/// <summary>
/// A space as shown beside what lives in it: a shared reference, below every feature that shows one (search results,
/// cards, events), so none of them imports the spaces feature for it (ADR 11).
/// </summary>
public sealed record SpaceRef(long Id, string Name, SpaceVisibility Visibility)
{
    /// <summary>The visibility that makes a space company-wide (open): the rules of spaces are written with it.</summary>
    public const SpaceVisibility CompanyWideVisibility = SpaceVisibility.Open;

    /// <summary>Everyone in the company reads it, for a space already read (queries use <c>SpaceRules.IsCompanyWide</c>).</summary>
    public bool IsCompanyWide => Visibility == CompanyWideVisibility;
}

public enum SpaceVisibility
{
    /// <summary>Anyone reads and joins.</summary>
    Open,

    /// <summary>Listed to everyone; only members read; joining needs an owner's or moderator's approval.</summary>
    Private,

    /// <summary>Invisible to non-members everywhere; members are added by its owners.</summary>
    Secret,
}
