using System.Collections;
using System.Globalization;
using System.Resources;
using System.Text.RegularExpressions;
using Ruche.Tests.Infrastructure;
using Ruche.Web.Localization;

namespace Ruche.Tests.Localization;

/// <summary>
/// Every text the UI asks for exists in French and in English, in the feature folder that keeps it: a missing key would
/// show as a raw key on a page, a missing translation as French in the English UI.
/// </summary>
public sealed partial class UiTextsTests
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr");
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");

    [Fact]
    public void Each_feature_folder_keeps_its_texts_in_french_and_in_english()
    {
        Assert.Contains("Ruche.Web.Goals.Texts", UiTexts.FeatureResources);
        Assert.Contains("Ruche.Web.Events.Texts", UiTexts.FeatureResources);
        foreach (var baseName in UiTexts.FeatureResources)
        {
            var manager = new ResourceManager(baseName, typeof(Ui).Assembly);
            var french = Entries(manager, CultureInfo.InvariantCulture);
            var english = Entries(manager, English);
            Assert.True(french.Count > 0, $"{baseName} is empty");
            Assert.Empty(french.Keys.Except(english.Keys).Select(key => $"{baseName}: '{key}' has no English text"));
            Assert.Empty(english.Keys.Except(french.Keys).Select(key => $"{baseName}: '{key}' has no French text"));
            Assert.Empty(french.Concat(english).Where(entry => string.IsNullOrWhiteSpace(entry.Value)).Select(entry => $"{baseName}: '{entry.Key}' is blank"));
        }
    }

    [Fact]
    public void The_localizer_answers_in_the_readers_language()
    {
        var texts = new UiTexts();
        Assert.Equal("Accueil", InCulture(French, () => texts["nav.home"].Value));
        Assert.Equal("Home", InCulture(English, () => texts["nav.home"].Value));
        Assert.Equal("Mes objectifs du jour", InCulture(French, () => texts["goals.title"].Value));

        var missing = texts["no.such.key"];
        Assert.True(missing.ResourceNotFound);
    }

    [Fact]
    public void Every_key_a_page_asks_for_exists()
    {
        var keys = UiTexts.Keys;
        var asked = SourceFiles.All()
            .Where(file => file.Path.StartsWith("src/Ruche.Web/", StringComparison.Ordinal))
            .SelectMany(file => LiteralKey().Matches(file.Text).Select(match => (file.Path, Key: match.Groups["key"].Value)))
            .ToList();

        Assert.True(asked.Count > 300, $"only {asked.Count} keys found: the pattern no longer matches how pages ask for texts");
        Assert.Empty(asked.Where(use => !keys.ContainsKey(use.Key)).Select(use => $"{use.Path}: '{use.Key}'"));

        var prefixes = SourceFiles.All()
            .Where(file => file.Path.StartsWith("src/Ruche.Web/", StringComparison.Ordinal))
            .SelectMany(file => PrefixKey().Matches(file.Text).Select(match => match.Groups["prefix"].Value))
            .Distinct()
            .ToList();
        Assert.True(prefixes.Count > 10, $"only {prefixes.Count} key prefixes found");
        Assert.Empty(prefixes.Where(prefix => !keys.Keys.Any(key => key.StartsWith(prefix, StringComparison.Ordinal))).Select(prefix => $"no text starts with '{prefix}'"));
    }

    [Fact]
    public void Every_counted_text_has_its_singular_and_its_plural()
    {
        var keys = UiTexts.Keys;
        var counted = SourceFiles.All()
            .Where(file => file.Path.StartsWith("src/Ruche.Web/", StringComparison.Ordinal))
            .SelectMany(file => CountedKey().Matches(file.Text).Select(match => match.Groups["key"].Value))
            .Distinct()
            .ToList();

        Assert.Contains("post.comments", counted);
        Assert.Empty(counted.SelectMany(key => new[] { key + ".one", key + ".other" }).Where(key => !keys.ContainsKey(key)).Select(key => $"'{key}' is missing"));
        Assert.Empty(keys.Keys.Where(key => !key.StartsWith("error.", StringComparison.Ordinal))
            .Where(key => InCulture(French, () => new UiTexts()[key].Value).Contains("(s)", StringComparison.Ordinal)
                || InCulture(English, () => new UiTexts()[key].Value).Contains("(s)", StringComparison.Ordinal))
            .Select(key => $"'{key}' writes a plural as (s): count it with T.Count"));
    }

    [Theory]
    [InlineData("fr", 0, "0 commentaire")]
    [InlineData("fr", 1, "1 commentaire")]
    [InlineData("fr", 2, "2 commentaires")]
    [InlineData("en", 0, "0 comments")]
    [InlineData("en", 1, "1 comment")]
    [InlineData("en", 1200, "1,200 comments")]
    public void A_count_takes_the_form_its_language_gives_it(string language, long count, string expected)
    {
        var culture = CultureInfo.GetCultureInfo(language);
        Assert.Equal(expected, InCulture(culture, () => new UiTexts().Count("post.comments", count).Value));
    }

    [Fact]
    public void Every_error_the_product_raises_has_a_text()
    {
        var keys = UiTexts.Keys;
        var codes = SourceFiles.All()
            .SelectMany(file => ErrorCode().Matches(file.Text).Select(match => match.Groups["code"].Value))
            .Where(code => !AnsweredToMachines.Any(prefix => code.StartsWith(prefix, StringComparison.Ordinal)))
            .Distinct()
            .ToList();

        Assert.True(codes.Count > 100, $"only {codes.Count} error codes found");
        Assert.Equal([], codes.Where(code => !keys.ContainsKey("error." + code)).Order().Select(code => $"error.{code}").ToArray());
    }

    [Fact]
    public void Every_audited_action_has_words()
    {
        var keys = UiTexts.Keys;
        var actions = SourceFiles.All()
            .SelectMany(file => AuditedAction().Matches(file.Text).Select(match => match.Groups["action"].Value))
            .Distinct()
            .ToList();

        Assert.Contains("auth.sign-in", actions);
        Assert.Equal([], actions.Where(action => !keys.ContainsKey("audit.action." + action)).Order().Select(action => "audit.action." + action).ToArray());
    }

    /// <summary>Refusals only programs read: SCIM answers the directory in its own error schema, the live hub answers the page's script.</summary>
    private static readonly string[] AnsweredToMachines = ["scim.", "live."];

    private static Dictionary<string, string> Entries(ResourceManager manager, CultureInfo culture)
    {
        var set = manager.GetResourceSet(culture, createIfNotExists: true, tryParents: false);
        Assert.NotNull(set);
        return set.Cast<DictionaryEntry>().ToDictionary(entry => (string)entry.Key, entry => (string?)entry.Value ?? "");
    }

    private static T InCulture<T>(CultureInfo culture, Func<T> read)
    {
        var (ui, current) = (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture);
        CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = culture;
        try
        {
            return read();
        }
        finally
        {
            (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture) = (ui, current);
        }
    }

    /// <summary>A text asked for by its whole key: <c>T["goals.title"]</c>, <c>texts["digest.subject", …]</c>.</summary>
    [GeneratedRegex("""\b(?:T|texts)\["(?<key>[a-z][a-z0-9-]*\.[A-Za-z0-9.-]*[A-Za-z0-9])"[\],]""")]
    private static partial Regex LiteralKey();

    /// <summary>A text asked for by a prefix and a value: <c>T["presence.mode." + mode]</c>.</summary>
    [GeneratedRegex("""\["(?<prefix>[a-z][a-z0-9-]*\.[a-z0-9.-]*\.)"\s*\+""")]
    private static partial Regex PrefixKey();

    /// <summary>
    /// An action written to the audit log by name: <c>audit.RecordAsync(person.Id, "two-factor.enabled", …)</c>. Actions
    /// passed through a variable (deactivation, SCIM) are not seen here; their words were added by hand.
    /// </summary>
    [GeneratedRegex(""""RecordAsync\(\s*[^,;]+,\s*"(?<action>[a-z][a-z0-9-]*\.[a-z0-9.-]+)"""")]
    private static partial Regex AuditedAction();

    /// <summary>A counted text: <c>T.Count("post.comments", n)</c>.</summary>
    [GeneratedRegex("""\bCount\("(?<key>[a-z][a-z0-9-]*\.[A-Za-z0-9.-]*[A-Za-z0-9])",""")]
    private static partial Regex CountedKey();

    /// <summary>A refusal raised with its stable code: <c>RucheException.Invalid("post.empty", …)</c>, <c>Invalid("…")</c>.</summary>
    [GeneratedRegex(""""\b(?:RucheException\.)?(?:Invalid|NotFound|Forbidden|Conflict)\("(?<code>[a-z][a-z0-9-]*\.[a-z0-9.-]+)"""")]
    private static partial Regex ErrorCode();
}
