using Ruche.Core.Access;
using Ruche.Core.Content;

namespace Ruche.Tests.Content;

/// <summary>The keys tags and handles are stored under, so that one thing has one name.</summary>
public sealed class NamingTests
{
    [Theory]
    [InlineData("#Télétravail", "teletravail")]
    [InlineData("télétravail", "teletravail")]
    [InlineData("TELETRAVAIL", "teletravail")]
    [InlineData("  #Ça-va_2026 ", "ca-va_2026")]
    [InlineData("Noël", "noel")]
    public void Tags_normalise_case_and_accents(string written, string key) =>
        Assert.Equal(key, Tags.Normalize(written));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("#")]
    [InlineData("2026")]
    [InlineData("deux mots")]
    [InlineData("a/b")]
    [InlineData("<script>")]
    public void Invalid_tags_have_no_key(string? written) =>
        Assert.Null(Tags.Normalize(written));

    [Fact]
    public void Tags_are_bounded_in_length()
    {
        Assert.NotNull(Tags.Normalize(new string('a', Core.Common.Limits.TagMaxLength)));
        Assert.Null(Tags.Normalize(new string('a', Core.Common.Limits.TagMaxLength + 1)));
    }

    [Theory]
    [InlineData("@Alice.Martin", "alice.martin")]
    [InlineData("bob_durand-2", "bob_durand-2")]
    [InlineData("  @X  ", "x")]
    public void Handles_normalise_to_lower_case(string written, string handle) =>
        Assert.Equal(handle, Mentions.NormalizeHandle(written));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("@")]
    [InlineData(".alice")]
    [InlineData("-alice")]
    [InlineData("alice martin")]
    [InlineData("élodie")]
    [InlineData("alice@example.com")]
    public void Invalid_handles_are_refused(string? written) =>
        Assert.Null(Mentions.NormalizeHandle(written));

    [Fact]
    public void Handles_are_bounded_in_length()
    {
        Assert.NotNull(Mentions.NormalizeHandle(new string('a', 64)));
        Assert.Null(Mentions.NormalizeHandle(new string('a', 65)));
    }

    [Theory]
    [InlineData("Élodie Martin-Roy", "elodie.martin-roy")]
    [InlineData("Jean-François  Lévesque", "jean-francois.levesque")]
    [InlineData("Seán O'Brien", "sean.o.brien")]
    [InlineData("  Zoé  ", "zoe")]
    [InlineData("李雷", "person")]
    [InlineData("---", "person")]
    public void Handle_stems_come_from_display_names(string displayName, string stem) =>
        Assert.Equal(stem, AccountService.HandleStem(displayName));

    [Fact]
    public void Handle_stems_are_valid_handles_of_bounded_length()
    {
        var stem = AccountService.HandleStem(string.Join(' ', Enumerable.Repeat("Marie-Thérèse", 10)));

        Assert.InRange(stem.Length, 1, 48);
        Assert.Equal(stem, Mentions.NormalizeHandle(stem));
    }
}
