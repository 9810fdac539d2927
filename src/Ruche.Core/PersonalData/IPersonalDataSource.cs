namespace Ruche.Core.PersonalData;

/// <summary>
/// A feature's share of what Ruche holds about a person, for the GDPR export (right of access and portability). Every
/// feature holding personal data registers one beside its disclosure, so the export covers it the day it exists.
/// </summary>
public interface IPersonalDataSource
{
    /// <summary>Adds the feature's sections (e.g. "posts", "comments") to the person's export.</summary>
    Task ExportAsync(long personId, PersonalDataSections sections, CancellationToken cancellationToken);
}

/// <summary>The export being written: named sections, each a feature's data shaped for reading as JSON.</summary>
public sealed class PersonalDataSections
{
    private readonly Dictionary<string, object?> sections = new(StringComparer.Ordinal);

    /// <summary>The sections in the order they were added.</summary>
    public IReadOnlyDictionary<string, object?> All => sections;

    /// <summary>Adds a section; a name two features use stops the export rather than losing one of them.</summary>
    public void Add(string name, object? data)
    {
        if (!sections.TryAdd(name, data))
        {
            throw new InvalidOperationException($"Two personal data sources export a section named '{name}'.");
        }
    }
}
