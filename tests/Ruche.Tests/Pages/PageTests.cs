using System.Net;
using System.Net.Http.Json;
using Ruche.Core.Common;
using Ruche.Core.Profiles;
using Ruche.Tests.Infrastructure;
using Ruche.Web.Admin;

namespace Ruche.Tests.Pages;

/// <summary>The server-rendered pages: signing in, language, and that pages show what the API would, no more.</summary>
public abstract class PageTests(RucheApp app) : ProviderTests(app)
{
    [Theory]
    [InlineData("/")]
    [InlineData("/company")]
    [InlineData("/settings")]
    [InlineData("/posts/1")]
    public async Task Signed_in_pages_send_a_stranger_to_the_login_page(string url)
    {
        var response = await App.NewBrowser().GetAsync(url);

        await Actor.ExpectAsync(response, HttpStatusCode.Redirect);
        Assert.Equal("/login", response.Headers.Location!.AbsolutePath);
    }

    [Fact]
    public async Task The_login_page_is_in_french_by_default()
    {
        var html = await App.NewBrowser().PageAsync("/login");

        Assert.Contains("<html lang=\"fr\"", html, StringComparison.Ordinal);
        Assert.Contains("Connexion", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Sign in", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_login_page_switches_to_english_through_its_language_form()
    {
        var browser = App.NewBrowser();

        var chosen = await browser.SubmitFormAsync("/login", "/ui/language", new() { ["language"] = "en", ["returnUrl"] = "/login" });

        await Actor.ExpectAsync(chosen, HttpStatusCode.Redirect);
        Assert.Equal("/login", chosen.Headers.Location?.OriginalString);
        var html = await browser.PageAsync("/login");
        Assert.Contains("<html lang=\"en\"", html, StringComparison.Ordinal);
        Assert.Contains("Sign in", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Connexion", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_culture_cookie_chooses_the_language()
    {
        var client = App.Anonymous();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/login");
        request.Headers.Add("Cookie", ".AspNetCore.Culture=c%3Den%7Cuic%3Den");

        var html = await (await client.SendAsync(request)).Content.ReadAsStringAsync();

        Assert.Contains("Sign in", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_form_without_its_antiforgery_token_is_refused()
    {
        var person = await NewPersonAsync("Person");
        var browser = App.NewBrowser();
        await browser.PageAsync("/login");

        var response = await browser.PostAsync("/ui/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["email"] = person.Email,
            ["password"] = RucheApp.Password,
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task A_wrong_password_returns_to_the_login_page_with_the_reason()
    {
        var person = await NewPersonAsync("Person");
        var browser = App.NewBrowser();

        var response = await browser.SubmitFormAsync("/login", "/ui/login", new() { ["email"] = person.Email, ["password"] = "Wrong-password-42" });

        await Actor.ExpectAsync(response, HttpStatusCode.Redirect);
        Assert.StartsWith("/login?error=auth.invalid-credentials", response.Headers.Location?.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/")).StatusCode);
    }

    [Theory]
    [InlineData("https://evil.example/")]
    [InlineData("//evil.example/")]
    [InlineData("/\\evil.example/")]
    public async Task Signing_in_never_redirects_to_another_site(string returnUrl)
    {
        var person = await NewPersonAsync("Person");
        var browser = App.NewBrowser();

        var response = await browser.SubmitFormAsync("/login", "/ui/login", new() { ["email"] = person.Email, ["password"] = RucheApp.Password, ["returnUrl"] = returnUrl });

        await Actor.ExpectAsync(response, HttpStatusCode.Redirect);
        Assert.Equal("/", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Signed_in_pages_show_the_posts_a_person_may_read()
    {
        var reader = await NewPersonAsync("Reader");
        var colleague = await NewPersonAsync("Colleague");
        await reader.FollowAsync(colleague);
        var post = await colleague.PostAsync("Le séminaire aura lieu à **Lyon** #seminaire");
        var browser = await App.SignInWithBrowserCookiesAsync(reader);

        var home = await browser.PageAsync("/");
        Assert.Contains("Le séminaire aura lieu à <strong>Lyon</strong>", home, StringComparison.Ordinal);
        Assert.Contains($"href=\"/people/{reader.Handle}\"", home, StringComparison.Ordinal);

        var page = await browser.PageAsync($"/posts/{post.Id}");
        Assert.Contains("Le séminaire aura lieu à <strong>Lyon</strong>", page, StringComparison.Ordinal);
        Assert.Contains(colleague.Name, page, StringComparison.Ordinal);
        Assert.Contains("href=\"/tags/seminaire\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_secret_post_page_is_not_found_for_a_non_member()
    {
        var insider = await NewPersonAsync("Insider");
        var outsider = await NewPersonAsync("Outsider");
        var secret = await insider.CreateSpaceAsync("Comité de direction", SpaceVisibility.Secret);
        var post = await insider.PostAsync("Plan social confidentiel", secret);
        var browser = await App.SignInWithBrowserCookiesAsync(outsider);

        var response = await browser.GetAsync($"/posts/{post.Id}");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("<html lang=\"fr\">", html, StringComparison.Ordinal);
        Assert.Contains("<h1>", html, StringComparison.Ordinal);
        Assert.Contains("introuvable", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Plan social confidentiel", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Comité de direction", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Plan social confidentiel", await browser.PageAsync("/"), StringComparison.Ordinal);
        Assert.DoesNotContain("Plan social confidentiel", await browser.PageAsync("/company"), StringComparison.Ordinal);

        var insiderBrowser = await App.SignInWithBrowserCookiesAsync(insider);
        Assert.Contains("Plan social confidentiel", await insiderBrowser.PageAsync($"/posts/{post.Id}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pages_never_run_markup_people_wrote()
    {
        var author = await NewPersonAsync("Author");
        var reader = await NewPersonAsync("Reader");
        var post = await author.PostAsync("Regardez <script>alert('xss')</script> <img src=x onerror=alert(2)>");
        await reader.CommentAsync(post, "Et *ici* <script>alert('comment')</script>");
        var browser = await App.SignInWithBrowserCookiesAsync(reader);

        var html = await browser.PageAsync($"/posts/{post.Id}");

        Assert.Contains("Regardez", html, StringComparison.Ordinal);
        Assert.Contains("<em>ici</em>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
        Assert.DoesNotContain("onerror", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_sign_in_cookie_does_not_open_the_api()
    {
        var person = await NewPersonAsync("Person");
        var browser = await App.SignInWithBrowserCookiesAsync(person);

        await browser.GetAsync("/api/v1/feeds/home").ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "auth.required");
        await browser.PostAsJsonAsync("/api/v1/posts", new { body = "Par cookie" }, Actor.Json).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "auth.required");

        Assert.Empty((await person.ProfileFeedAsync(person)).Items);
    }

    [Fact]
    public async Task Post_images_are_served_to_signed_in_browsers()
    {
        var author = await NewPersonAsync("Author");
        var reader = await NewPersonAsync("Reader");
        var png = TestImages.Png();
        var image = await author.UploadImageAsync(png);
        var post = await author.PostAsync("Photo d'équipe", images: [image.Id]);
        var browser = await App.SignInWithBrowserCookiesAsync(reader);

        Assert.Contains($"src=\"/files/{image.Id}\"", await browser.PageAsync($"/posts/{post.Id}"), StringComparison.Ordinal);
        var download = await browser.GetAsync($"/files/{image.Id}");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("image/png", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal(png[..8], (await download.Content.ReadAsByteArrayAsync())[..8]); // re-encoded PNG (ADR 26)
    }

    [Fact]
    public async Task Posting_through_the_composer_form_publishes_the_post()
    {
        var person = await NewPersonAsync("Person");
        var browser = await App.SignInWithBrowserCookiesAsync(person);

        var token = await Browser.AntiforgeryTokenAsync(browser, "/");
        using var form = new MultipartFormDataContent
        {
            { new StringContent("Publié depuis la page #ui"), "body" },
            { new StringContent("/"), "returnUrl" },
            { new StringContent(token), Browser.AntiforgeryField },
        };
        var response = await browser.PostAsync("/ui/posts", form);

        await Actor.ExpectAsync(response, HttpStatusCode.Redirect);
        var post = Assert.Single((await person.ProfileFeedAsync(person)).Items);
        Assert.Equal("Publié depuis la page #ui", post.Body);
        Assert.Equal($"/#post-{post.Id}", response.Headers.Location?.OriginalString);
        Assert.Contains("Publié depuis la page", await browser.PageAsync("/"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refused_form_comes_back_with_its_reason_and_changes_nothing()
    {
        var person = await NewPersonAsync("Person");
        var browser = await App.SignInWithBrowserCookiesAsync(person);

        var token = await Browser.AntiforgeryTokenAsync(browser, "/");
        using var form = new MultipartFormDataContent
        {
            { new StringContent("   "), "body" },
            { new StringContent("/"), "returnUrl" },
            { new StringContent(token), Browser.AntiforgeryField },
        };
        var response = await browser.PostAsync("/ui/posts", form);

        await Actor.ExpectAsync(response, HttpStatusCode.Redirect);
        Assert.Equal("/?error=post.empty", response.Headers.Location?.OriginalString);
        Assert.Empty((await person.ProfileFeedAsync(person)).Items);
    }

    [Fact]
    public async Task Signing_out_ends_the_session()
    {
        var person = await NewPersonAsync("Person");
        var browser = await App.SignInWithBrowserCookiesAsync(person);

        var response = await browser.SubmitFormAsync("/", "/ui/logout", []);

        await Actor.ExpectAsync(response, HttpStatusCode.Redirect);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task An_invited_person_creates_their_account_once()
    {
        var admin = await NewPersonAsync("Admin", roles: "administrator");
        var email = $"invite.{Guid.NewGuid():N}@test.ruche";
        var invitation = await Actor.ReadAsync<InvitationDto>(
            await admin.Http.PostAsJsonAsync("/api/v1/admin/invitations", new { email }, Actor.Json), HttpStatusCode.Created);
        var path = new Uri(invitation.Link).AbsolutePath;
        var token = Uri.UnescapeDataString(path["/invitation/".Length..]);
        var browser = App.NewBrowser();

        var accepted = await browser.SubmitFormAsync(path, "/ui/invitation", new()
        {
            ["token"] = token,
            ["displayName"] = "Nouvelle Recrue",
            ["password"] = "Mot-de-passe-2026",
            ["timeZone"] = "Asia/Singapore",
        });

        await Actor.ExpectAsync(accepted, HttpStatusCode.Redirect);
        Assert.Equal("/welcome", accepted.Headers.Location?.OriginalString);
        Assert.Contains("href=\"/people/nouvelle.recrue\"", await browser.PageAsync("/"), StringComparison.Ordinal);
        Assert.Equal(
            HttpStatusCode.OK,
            (await App.Anonymous().PostAsJsonAsync("/api/v1/auth/token", new { email, password = "Mot-de-passe-2026" }, Actor.Json)).StatusCode);

        // The link is spent: a second use creates nothing.
        var again = await App.NewBrowser().SubmitFormAsync("/login", "/ui/invitation", new()
        {
            ["token"] = token,
            ["displayName"] = "Imposteur",
            ["password"] = "Autre-mot-de-passe-2026",
            ["timeZone"] = "Europe/Paris",
        });
        await Actor.ExpectAsync(again, HttpStatusCode.Redirect);
        Assert.Contains("error=invitation.invalid", again.Headers.Location?.OriginalString, StringComparison.Ordinal);
        Assert.DoesNotContain(await admin.GetAsync<List<DirectoryEntry>>("/api/v1/people?search=Imposteur"), e => e.DisplayName == "Imposteur");
    }

    [Fact]
    public async Task The_edit_share_and_verify_links_open_their_forms()
    {
        var author = await NewPersonAsync("Linker", "Europe/Paris", RoleNames.Administrator);
        var post = await author.PostAsync("Un lien à suivre");
        var browser = await App.SignInWithBrowserCookiesAsync(author);

        // The links the pages write (?edit=1, ?share=1) and the spellings a person may type (?verify=true, ?share=on).
        Assert.Contains("id=\"edit\"", await browser.PageAsync($"/posts/{post.Id}?edit=1"), StringComparison.Ordinal);
        Assert.Contains("id=\"share\"", await browser.PageAsync($"/posts/{post.Id}?share=1"), StringComparison.Ordinal);
        Assert.Contains("id=\"share\"", await browser.PageAsync($"/posts/{post.Id}?share=on"), StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"edit\"", await browser.PageAsync($"/posts/{post.Id}?edit=nonsense"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/admin/audit?verify=1")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/admin/audit?verify=true")).StatusCode);
    }

    [Fact]
    public void No_page_reads_a_switch_or_an_id_from_the_address_as_anything_but_text()
    {
        // A bool query parameter answers 500 to ?x=1, a long one to ?x=abc: pages read the address as text
        // (PageBase.IsOn for switches, PageBase.IdFrom for ids).
        var pages = typeof(Ruche.Web.Components.PageBase).Assembly.GetTypes()
            .SelectMany(t => t.GetProperties(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance))
            .Where(p => p.GetCustomAttributes(typeof(Microsoft.AspNetCore.Components.SupplyParameterFromQueryAttribute), true).Length > 0)
            .ToList();
        Assert.NotEmpty(pages);
        Assert.Empty(pages.Where(p => p.PropertyType != typeof(string)).Select(p => $"{p.DeclaringType?.Name}.{p.Name}: {p.PropertyType.Name}"));
    }
}

public sealed class PageTestsOnSqlite(SqliteApp app) : PageTests(app), IClassFixture<SqliteApp>;

public sealed class PageTestsOnPostgres(PostgresApp app) : PageTests(app), IClassFixture<PostgresApp>;
