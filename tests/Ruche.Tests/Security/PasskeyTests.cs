using System.IO.Compression;
using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Ruche.Core.Data;
using Ruche.Tests.Infrastructure;

namespace Ruche.Tests.Security;

/// <summary>
/// Passkeys through the same /ui endpoints the page's script calls, answered by a software authenticator, so
/// Identity's real attestation and assertion checks run (the browser test does the same with Chromium's).
/// </summary>
public abstract class PasskeyTests(RucheApp app) : ProviderTests(app)
{
    [Fact]
    public async Task A_person_adds_renames_and_removes_a_passkey_and_nobody_else_can_touch_it()
    {
        var person = await NewPersonAsync("Keyholder");
        var other = await NewPersonAsync("Neighbour");
        var (browser, key) = await Passkeys.RegisterAsync(App, person, "Laptop");
        using var _ = key;

        var page = await browser.PageAsync("/settings/passkeys");
        Assert.Contains("Laptop", page, StringComparison.Ordinal);
        Assert.Contains($"/ui/settings/passkeys/{key.CredentialId}/remove", page, StringComparison.Ordinal);

        var renamed = await browser.SubmitFormAsync("/settings/passkeys", $"/ui/settings/passkeys/{key.CredentialId}/rename", new() { ["name"] = "Work laptop" });
        Assert.Equal("/settings/passkeys?saved=passkey", renamed.Headers.Location?.OriginalString);
        var blank = await browser.SubmitFormAsync("/settings/passkeys", $"/ui/settings/passkeys/{key.CredentialId}/rename", new() { ["name"] = "  " });
        Assert.Equal("/settings/passkeys?error=passkey.name-invalid", blank.Headers.Location?.OriginalString);
        Assert.Contains("Work laptop", await browser.PageAsync("/settings/passkeys"), StringComparison.Ordinal);

        // Someone else's passkey is "not found" to them, and stays.
        var otherBrowser = await App.SignInWithBrowserCookiesAsync(other);
        var stolen = await otherBrowser.SubmitFormAsync("/settings/passkeys", $"/ui/settings/passkeys/{key.CredentialId}/remove", new());
        Assert.Equal("/settings/passkeys?error=passkey.not-found", stolen.Headers.Location?.OriginalString);
        var garbage = await otherBrowser.SubmitFormAsync("/settings/passkeys", "/ui/settings/passkeys/%2E%2E%2Fnot-base64!/remove", new());
        Assert.Equal("/settings/passkeys?error=passkey.not-found", garbage.Headers.Location?.OriginalString);
        Assert.Equal(1, await CountPasskeysAsync(person.Id));

        // The export lists it without key material.
        var json = await ExportJsonAsync(person);
        var exported = Assert.Single(JsonDocument.Parse(json).RootElement.GetProperty("passkeys").EnumerateArray());
        Assert.Equal("Work laptop", exported.GetProperty("name").GetString());
        Assert.DoesNotContain("publicKey", json, StringComparison.OrdinalIgnoreCase);

        var removed = await browser.SubmitFormAsync("/settings/passkeys", $"/ui/settings/passkeys/{key.CredentialId}/remove", new());
        Assert.Equal("/settings/passkeys?saved=passkey-removed", removed.Headers.Location?.OriginalString);
        Assert.Equal(0, await CountPasskeysAsync(person.Id));
        Assert.Equal(["passkey.added", "passkey.removed"], await AuditActionsAsync(person.Id, "passkey."));
    }

    [Fact]
    public async Task A_passkey_signs_in_without_a_password_once_per_challenge()
    {
        var person = await NewPersonAsync("Passwordless");
        var (_, key) = await Passkeys.RegisterAsync(App, person, "Phone");
        using var __ = key;

        var browser = App.NewBrowser();
        var (response, credential) = await Passkeys.SignInAsync(browser, key, "/settings");
        Assert.Equal("/settings", response.Headers.Location?.OriginalString);
        Assert.Contains("/ui/logout", await browser.PageAsync("/settings"), StringComparison.Ordinal);
        Assert.Contains("auth.sign-in", await AuditActionsAsync(person.Id, "auth."));

        // The same answer again: its challenge was used up.
        var replay = await App.NewBrowser().SubmitFormAsync("/login", "/ui/login/passkey", new() { ["credential"] = credential, ["returnUrl"] = "/" });
        Assert.Contains("error=passkey.expired", replay.Headers.Location?.OriginalString, StringComparison.Ordinal);

        // An answer signed for another site is refused.
        var phished = await Passkeys.SignInAsync(App.NewBrowser(), key, "/", origin: "http://evil.example");
        Assert.Contains("error=passkey.rejected", phished.Response.Headers.Location?.OriginalString, StringComparison.Ordinal);

        // Garbage in the credential field changes nothing and says so.
        var junk = App.NewBrowser();
        await Passkeys.OptionsAsync(junk, "/login", "/ui/login/passkey/options");
        var rejected = await junk.SubmitFormAsync("/login", "/ui/login/passkey", new() { ["credential"] = "{\"id\":[1,2,3]}", ["returnUrl"] = "/" });
        Assert.Contains("error=passkey.rejected", rejected.Headers.Location?.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_deactivated_or_erased_person_cannot_use_their_passkey()
    {
        var admin = await NewPersonAsync("Admin", "Europe/Paris", "administrator");
        var leaver = await NewPersonAsync("Leaver");
        var (_, key) = await Passkeys.RegisterAsync(App, leaver, "Badge");
        using var __ = key;

        Assert.Equal(HttpStatusCode.NoContent, (await admin.Http.DeleteAsync($"/api/v1/admin/people/{leaver.Id}?content=Pseudonymise")).StatusCode);
        Assert.Equal(0, await CountPasskeysAsync(leaver.Id));
        var (response, _) = await Passkeys.SignInAsync(App.NewBrowser(), key, "/");
        Assert.Contains("error=passkey.rejected", response.Headers.Location?.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Registration_refuses_bad_input_and_requests_without_antiforgery()
    {
        var person = await NewPersonAsync("Sloppy");
        var browser = await App.SignInWithBrowserCookiesAsync(person);

        // The options endpoint is a POST that needs the page's antiforgery token.
        Assert.Equal(HttpStatusCode.BadRequest, (await browser.PostAsync("/ui/settings/passkeys/options", null)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await App.NewBrowser().PostAsync("/ui/login/passkey/options", null)).StatusCode);

        using var key = new SoftwareAuthenticator();
        var options = await Passkeys.OptionsAsync(browser, "/settings/passkeys", "/ui/settings/passkeys/options");
        var noName = await browser.SubmitFormAsync("/settings/passkeys", "/ui/settings/passkeys", new() { ["credential"] = key.Create(options), ["name"] = "" });
        Assert.Equal("/settings/passkeys?error=passkey.name-invalid", noName.Headers.Location?.OriginalString);

        options = await Passkeys.OptionsAsync(browser, "/settings/passkeys", "/ui/settings/passkeys/options");
        var wrongChallenge = await browser.SubmitFormAsync("/settings/passkeys", "/ui/settings/passkeys", new()
        {
            ["credential"] = key.Create(options, challengeOverride: "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"),
            ["name"] = "Forged",
        });
        Assert.Equal("/settings/passkeys?error=passkey.rejected", wrongChallenge.Headers.Location?.OriginalString);

        var neverAsked = await browser.SubmitFormAsync("/settings/passkeys", "/ui/settings/passkeys", new() { ["credential"] = key.Create(options), ["name"] = "Late" });
        Assert.Equal("/settings/passkeys?error=passkey.expired", neverAsked.Headers.Location?.OriginalString);
        var tooLong = await browser.SubmitFormAsync("/settings/passkeys", "/ui/settings/passkeys", new() { ["credential"] = new string('x', 70_000), ["name"] = "Huge" });
        Assert.Equal("/settings/passkeys?error=passkey.rejected", tooLong.Headers.Location?.OriginalString);
        Assert.Equal(0, await CountPasskeysAsync(person.Id));
    }

    private async Task<int> CountPasskeysAsync(long personId)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<RucheDbContext>().UserPasskeys.CountAsync(p => p.UserId == personId);
    }

    private async Task<List<string>> AuditActionsAsync(long personId, string prefix)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<RucheDbContext>().AuditEntries
            .Where(e => e.ActorId == personId && e.Action.StartsWith(prefix)).OrderBy(e => e.Id).Select(e => e.Action).ToListAsync();
    }

    private static async Task<string> ExportJsonAsync(Actor person)
    {
        var response = await person.Http.GetAsync("/api/v1/me/export");
        using var zip = new ZipArchive(await response.Content.ReadAsStreamAsync(), ZipArchiveMode.Read);
        using var reader = new StreamReader(zip.GetEntry("ruche-data.json")!.Open());
        return await reader.ReadToEndAsync();
    }
}

public sealed class PasskeyTestsOnSqlite(SqliteApp app) : PasskeyTests(app), IClassFixture<SqliteApp>;

public sealed class PasskeyTestsOnPostgres(PostgresApp app) : PasskeyTests(app), IClassFixture<PostgresApp>;
