namespace Ruche.Demo.People;

/// <summary>Everyone seeded, in roster order, and the same people by handle.</summary>
internal sealed record DemoStaff(IReadOnlyList<DemoMember> All, IReadOnlyDictionary<string, DemoMember> ByHandle);
