namespace Ruche.Core.Subjects;

/// <summary>Every registered subject kind (each feature's <c>Add…()</c> registers its own), found by name.</summary>
public sealed class SubjectKinds(IEnumerable<ISubjectKind> kinds)
{
    public IReadOnlyList<ISubjectKind> All { get; } = kinds.DistinctBy(k => k.Name).ToList();

    public ISubjectKind? Find(string name) => All.FirstOrDefault(k => k.Name == name);
}
