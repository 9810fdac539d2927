using System.Collections.Frozen;
using System.Globalization;
using System.Reflection;
using System.Resources;
using Microsoft.Extensions.Localization;

namespace Ruche.Web.Localization;

/// <summary>
/// The UI's texts as one localizer over every feature's <c>Texts.resx</c>: a page asks for <c>T["goals.title"]</c>
/// without knowing which folder keeps it. A key lives in exactly one feature; a key kept twice stops the start.
/// </summary>
public sealed class UiTexts : IStringLocalizer<Ui>
{
    const string ResourceSuffix = ".Texts.resources";

    static readonly Lazy<FrozenDictionary<string, ResourceManager>> Owners = new(FindOwners);

    /// <summary>The resource sets of the feature folders, by base name (e.g. <c>Ruche.Web.Goals.Texts</c>).</summary>
    public static IReadOnlyList<string> FeatureResources { get; } = typeof(Ui).Assembly.GetManifestResourceNames()
        .Where(name => name.EndsWith(ResourceSuffix, StringComparison.Ordinal))
        .Select(name => name[..^".resources".Length])
        .Order(StringComparer.Ordinal)
        .ToArray();

    /// <summary>Every key, each with the feature resource that keeps it.</summary>
    public static IReadOnlyDictionary<string, ResourceManager> Keys => Owners.Value;

    public LocalizedString this[string name]
    {
        get
        {
            var value = Find(name, CultureInfo.CurrentUICulture);
            return new LocalizedString(name, value ?? name, resourceNotFound: value is null);
        }
    }

    public LocalizedString this[string name, params object[] arguments]
    {
        get
        {
            var value = Find(name, CultureInfo.CurrentUICulture);
            var text = value is null ? name : string.Format(CultureInfo.CurrentCulture, value, arguments);
            return new LocalizedString(name, text, resourceNotFound: value is null);
        }
    }

    public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) =>
        Owners.Value.Keys.Order(StringComparer.Ordinal).Select(key => this[key]);

    static string? Find(string name, CultureInfo culture) =>
        Owners.Value.TryGetValue(name, out var owner) ? owner.GetString(name, culture) : null;

    static FrozenDictionary<string, ResourceManager> FindOwners()
    {
        Assembly assembly = typeof(Ui).Assembly;
        var owners = new Dictionary<string, ResourceManager>(StringComparer.Ordinal);
        foreach (var baseName in FeatureResources)
        {
            var manager = new ResourceManager(baseName, assembly);
            var neutral = manager.GetResourceSet(CultureInfo.InvariantCulture, createIfNotExists: true, tryParents: false)
                ?? throw new InvalidOperationException($"The UI texts {baseName} cannot be read.");
            foreach (System.Collections.DictionaryEntry entry in neutral)
            {
                var key = (string)entry.Key;
                if (!owners.TryAdd(key, manager))
                    throw new InvalidOperationException($"The UI text '{key}' is kept twice: in {owners[key].BaseName} and in {baseName}.");
            }
        }
        return owners.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
