namespace Ruche.Core.Spaces;

/// <summary>A space as shown beside what lives in it.</summary>
public sealed record SpaceRef(long Id, string Name, SpaceVisibility Visibility)
{
    /// <summary>Everyone in the company reads it (<see cref="SpaceRules.IsCompanyWide"/>, for a space already read).</summary>
    public bool IsCompanyWide => Visibility == SpaceRules.CompanyWideVisibility;
}
