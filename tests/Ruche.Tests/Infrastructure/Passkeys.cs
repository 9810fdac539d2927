using System.Net;

namespace Ruche.Tests.Infrastructure;

/// <summary>Passkey ceremonies as the page's script runs them: options fetched with the antiforgery header, answer posted as a form.</summary>
public static class Passkeys
{
    /// <summary>Signs <paramref name="person"/> in with a password, then registers a new software passkey named <paramref name="name"/>.</summary>
    public static async Task<(HttpClient Browser, SoftwareAuthenticator Key)> RegisterAsync(RucheApp app, Actor person, string name)
    {
        var browser = await app.SignInWithBrowserCookiesAsync(person);
        var key = new SoftwareAuthenticator();
        var options = await OptionsAsync(browser, "/settings/passkeys", "/ui/settings/passkeys/options");
        var response = await browser.SubmitFormAsync("/settings/passkeys", "/ui/settings/passkeys", new() { ["credential"] = key.Create(options), ["name"] = name });
        Assert.Equal("/settings/passkeys?saved=passkey", response.Headers.Location?.OriginalString);
        return (browser, key);
    }

    /// <summary>Signs in from the login page with <paramref name="key"/>; returns the response and the answer it sent.</summary>
    public static async Task<(HttpResponseMessage Response, string Credential)> SignInAsync(HttpClient browser, SoftwareAuthenticator key, string returnUrl, string? origin = null)
    {
        var options = await OptionsAsync(browser, "/login", "/ui/login/passkey/options");
        var credential = key.Get(options, origin);
        var response = await browser.SubmitFormAsync("/login", "/ui/login/passkey", new() { ["credential"] = credential, ["returnUrl"] = returnUrl });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return (response, credential);
    }

    public static async Task<string> OptionsAsync(HttpClient browser, string page, string endpoint)
    {
        var token = await Browser.AntiforgeryTokenAsync(browser, page);
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint);
        request.Headers.Add("RequestVerificationToken", token);
        var response = await browser.SendAsync(request);
        await Actor.ExpectAsync(response, HttpStatusCode.OK);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadAsStringAsync();
    }
}
