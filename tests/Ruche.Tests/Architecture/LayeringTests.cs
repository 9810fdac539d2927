using System.Text.RegularExpressions;
using Ruche.Core.Data;
using Ruche.Tests.Infrastructure;

namespace Ruche.Tests.Architecture;

/// <summary>
/// Pins the shape ADR 0011 describes: Core's features form layers without import loops, the shared machinery names no
/// feature, the rules of a space are spelled in the Spaces feature only, and only the notifications feature touches its
/// tables. Read from the compiled Core (for imports) and from the sources (for spellings).
/// </summary>
public sealed partial class LayeringTests
{
    private static readonly Lazy<NamespaceGraph> Core = new(() => NamespaceGraph.Read(typeof(RucheDbContext).Assembly.Location, "Ruche.Core"));

    /// <summary>The one context names every entity (CONVENTIONS 6): it is the model's root, not a feature in the layers.</summary>
    private static readonly HashSet<string> NotFeatures = ["Data"];


    /// <summary>Shared machinery: features plug into it, so it may name none of them.</summary>
    private static readonly Dictionary<string, string[]> Machinery = new(StringComparer.Ordinal)
    {
        ["Subjects"] = ["Data", "People"],
        ["PersonalData"] = ["Common"],
        ["Live"] = [],
        ["Common"] = [],
        ["Notifications"] = ["Common", "Data", "Live", "People", "PersonalData", "Subjects"],
    };

    [Fact]
    public void Core_features_form_layers_with_no_import_loop()
    {
        var loops = Core.Value.Cycles(NotFeatures).Select(group => string.Join(' ', group)).ToList();

        Assert.True(loops.Count == 0, $"Import loops in Ruche.Core:\n{string.Join('\n', loops.Select(loop => $"{loop}: {Explain(loop)}"))}");
        Assert.True(Core.Value.Features.Count() > 15, "The graph of Core's features is nearly empty: the reading is broken.");
    }

    [Fact]
    public void The_shared_machinery_names_no_feature()
    {
        var failures = new List<string>();
        foreach (var (machine, allowed) in Machinery)
        {
            foreach (var feature in Core.Value.Features.Where(f => f != machine && !allowed.Contains(f) && Core.Value.Uses(machine, f)))
            {
                failures.Add($"{machine} uses {feature} ({string.Join(", ", Core.Value.Users(machine, feature))})");
            }
        }

        Assert.Empty(failures);
    }

    [Fact]
    public void Only_the_spaces_feature_spells_the_rules_of_a_space()
    {
        var failures = SourceFiles.All()
            .Where(file => !file.Path.StartsWith("src/Ruche.Core/Spaces/", StringComparison.Ordinal))
            .SelectMany(file => SpaceRuleSpelling().Matches(file.Text).Select(match => $"{file.Path}: {match.Value}"))
            .ToList();

        Assert.Empty(failures);
    }

    [Fact]
    public void Only_the_notifications_feature_touches_its_tables()
    {
        var failures = SourceFiles.All()
            .Where(file => !file.Path.StartsWith("src/Ruche.Core/Notifications/", StringComparison.Ordinal) && file.Path != "src/Ruche.Core/Data/RucheDbContext.cs")
            // The demo writes two weeks of past notifications at once, with their past times: sample data, not a feature.
            .Where(file => !file.Path.StartsWith("src/Ruche.Demo/Notifications/", StringComparison.Ordinal))
            .SelectMany(file => NotificationTables().Matches(file.Text).Select(match => $"{file.Path}: {match.Value}"))
            .ToList();

        Assert.Empty(failures);
    }

    [Fact]
    public void The_checks_read_the_sources_they_guard()
    {
        // Guards the two spelling tests against passing on an empty or moved tree.
        var files = SourceFiles.All().ToList();
        Assert.Contains(files, f => f.Path == "src/Ruche.Core/Spaces/SpaceRules.cs" && SpaceRuleSpelling().IsMatch(f.Text));
        Assert.Contains(files, f => f.Path == "src/Ruche.Core/Notifications/Notifier.cs" && NotificationTables().IsMatch(f.Text));
        Assert.True(files.Count > 200, $"Only {files.Count} source files found.");
    }

    private static string Explain(string loop)
    {
        var members = loop.Split(' ');
        return string.Join("; ", members.SelectMany(from => members.Where(to => to != from && Core.Value.Uses(from, to))
            .Select(to => $"{from} -> {to} ({string.Join(", ", Core.Value.Users(from, to).Take(4))})")));
    }

    /// <summary>A comparison with a space's visibility, a membership's status or a space role: the parts of the space rules.</summary>
    [GeneratedRegex(@"[!=]=\s*(SpaceVisibility|MembershipStatus|SpaceRole)\.\w+|(SpaceVisibility|MembershipStatus|SpaceRole)\.\w+\s*[!=]=|\bis\s+(not\s+)?(SpaceVisibility|MembershipStatus|SpaceRole)\.\w+")]
    private static partial Regex SpaceRuleSpelling();

    [GeneratedRegex(@"\bdb\.(Notifications|NotificationPreferences|QuietHours|DigestSchedules)\b|Set<(Notification|NotificationActor|NotificationPreference|QuietHours|DigestSchedule)>")]
    private static partial Regex NotificationTables();
}
