namespace Ruche.Core.Subjects;

/// <summary>Every registered subject kind (each feature's <c>Add…()</c> registers its own), found by name.</summary>
public sealed class SubjectKinds(IEnumerable<ISubjectKind> kinds)
{
    /// <summary>What the notification rows can store of a kind's name.</summary>
    public const int NameMaxLength = 32;

    public IReadOnlyList<ISubjectKind> All { get; } = Distinct(kinds.ToList());

    public ISubjectKind? Find(string name) => All.FirstOrDefault(k => k.Name == name);

    private static List<ISubjectKind> Distinct(List<ISubjectKind> kinds)
    {
        var names = kinds.Select(k => k.Name).ToList();
        if (names.Distinct(StringComparer.Ordinal).Count() != names.Count || names.Any(n => n.Length is 0 or > NameMaxLength))
        {
            throw new InvalidOperationException($"Subject kinds need distinct names of 1 to {NameMaxLength} characters: {string.Join(", ", names)}.");
        }

        return kinds;
    }
}
