namespace Ruche.Core.Spaces;

/// <summary>A space as shown beside what lives in it.</summary>
public sealed record SpaceRef(long Id, string Name, SpaceVisibility Visibility);
