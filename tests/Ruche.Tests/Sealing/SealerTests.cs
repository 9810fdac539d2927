using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using Ruche.Core.Sealing;

namespace Ruche.Tests.Sealing;

public sealed class SealerTests
{
    private readonly Sealer sealer = new(SealingKey.Random());

    [Fact]
    public void A_sealed_text_opens_with_its_key_and_purpose_and_does_not_show_in_the_sealed_bytes()
    {
        var sealedValue = sealer.SealText("Le chef d'équipe falsifie les relevés", "case-text");

        Assert.Equal("Le chef d'équipe falsifie les relevés", sealer.OpenText(sealedValue, "case-text"));
        Assert.DoesNotContain("falsifie", Encoding.UTF8.GetString(sealedValue), StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_text_seals_differently_each_time()
    {
        Assert.NotEqual(sealer.SealText("oui", "ballot"), sealer.SealText("oui", "ballot"));
    }

    [Fact]
    public void A_value_does_not_open_for_another_purpose_with_another_key_or_once_altered()
    {
        var sealedValue = sealer.SealText("texte", "case-text");
        var altered = (byte[])sealedValue.Clone();
        altered[^1] ^= 1;

        Assert.ThrowsAny<CryptographicException>(() => sealer.Open(sealedValue, "case-reporter"));
        Assert.ThrowsAny<CryptographicException>(() => new Sealer(SealingKey.Random()).Open(sealedValue, "case-text"));
        Assert.ThrowsAny<CryptographicException>(() => sealer.Open(altered, "case-text"));
        Assert.ThrowsAny<CryptographicException>(() => sealer.Open([1, 2, 3], "case-text"));
    }

    [Fact]
    public void The_key_file_is_created_once_for_its_owner_only_and_read_back()
    {
        var path = Path.Combine(Path.GetTempPath(), "ruche-tests", Guid.NewGuid().ToString("N"), "sealing.key");
        var sealedValue = new Sealer(SealingKey.FromFile(path)).SealText("texte", "p");

        Assert.Equal("texte", new Sealer(SealingKey.FromFile(path)).OpenText(sealedValue, "p"));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        }
    }

    [Fact]
    public void A_configured_key_that_is_not_32_bytes_of_base64_is_refused_clearly()
    {
        Assert.Contains("32 bytes", Assert.Throws<InvalidOperationException>(() => SealingKey.FromBase64("abc")).Message, StringComparison.Ordinal);
        Assert.Contains("32 bytes", Assert.Throws<InvalidOperationException>(() => SealingKey.FromBase64(Convert.ToBase64String(new byte[16]))).Message, StringComparison.Ordinal);
    }
}

/// <summary>A database remembers the key it was sealed with: started with another, Ruche stops and says why.</summary>
public sealed class SealingKeyStartTests
{
    [Fact]
    public void Ruche_refuses_to_start_on_a_database_sealed_with_another_key()
    {
        var dataDir = Path.Combine(Path.GetTempPath(), "ruche-tests", Guid.NewGuid().ToString("N"));
        using (var first = Start(dataDir, Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))))
        {
            _ = first.Server;
        }

        using var second = Start(dataDir, Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
        var failure = Assert.ThrowsAny<Exception>(() => second.Server);

        Assert.Contains("is not the one this database's sealed data was sealed with", failure.ToString(), StringComparison.Ordinal);
    }

    private static Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> Start(string dataDir, string key) =>
        new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment("Testing");
            builder.UseSetting("Ruche:DataDir", dataDir);
            builder.UseSetting("Ruche:DemoData", "false");
            builder.UseSetting("Ruche:SealingKey", key);
        });
}
