using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Ruche.Tests.Infrastructure;

/// <summary>
/// A person using the HTML pages: cookies kept between requests, redirects left to the test, forms posted
/// with the antiforgery token their page carries.
/// </summary>
public static partial class Browser
{
    public const string AntiforgeryField = "__RequestVerificationToken";

    /// <summary>A browser with no cookies yet.</summary>
    public static HttpClient NewBrowser(this RucheApp app)
    {
        app.RequireAvailable();
        return app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
    }

    /// <summary>Signs in through the login form as a person would; the returned browser holds the sign-in cookie.</summary>
    public static async Task<HttpClient> SignInWithBrowserCookiesAsync(this RucheApp app, Actor person)
    {
        var browser = app.NewBrowser();
        var response = await browser.SubmitFormAsync("/login", "/ui/login", new() { ["email"] = person.Email, ["password"] = RucheApp.Password, ["returnUrl"] = "/" });
        await Actor.ExpectAsync(response, HttpStatusCode.Redirect);
        Assert.Equal("/", response.Headers.Location?.OriginalString);
        return browser;
    }

    /// <summary>Opens <paramref name="page"/> for its antiforgery token, then posts <paramref name="fields"/> to <paramref name="action"/>.</summary>
    public static async Task<HttpResponseMessage> SubmitFormAsync(this HttpClient browser, string page, string action, Dictionary<string, string> fields)
    {
        var token = await AntiforgeryTokenAsync(browser, page);
        return await browser.PostAsync(action, new FormUrlEncodedContent(fields.Append(new(AntiforgeryField, token))));
    }

    /// <summary>The antiforgery token of the first form on a page (the cookie it pairs with stays in the browser).</summary>
    public static async Task<string> AntiforgeryTokenAsync(HttpClient browser, string page)
    {
        var response = await browser.GetAsync(page);
        await Actor.ExpectAsync(response, HttpStatusCode.OK);
        return AntiforgeryTokenIn(await response.Content.ReadAsStringAsync(), page);
    }

    /// <summary>The antiforgery token of the first form in a page already received.</summary>
    public static string AntiforgeryTokenIn(string html, string page)
    {
        var match = AntiforgeryInput().Match(html);
        Assert.True(match.Success, $"No antiforgery token on {page}.");
        return WebUtility.HtmlDecode(match.Groups["value"].Value);
    }

    public static async Task<string> PageAsync(this HttpClient browser, string url, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await browser.GetAsync(url);
        await Actor.ExpectAsync(response, expected);
        return await response.Content.ReadAsStringAsync();
    }

    [GeneratedRegex("""<input[^>]*name="__RequestVerificationToken"[^>]*value="(?<value>[^"]+)"|<input[^>]*value="(?<value>[^"]+)"[^>]*name="__RequestVerificationToken""")]
    private static partial Regex AntiforgeryInput();
}
