using System.Net;
using System.Net.Http.Json;
using Ruche.Core.Common;
using Ruche.Core.Feeds;
using Ruche.Tests.Infrastructure;
using Ruche.Web.Posts;

namespace Ruche.Tests.Posts;

/// <summary>
/// What the composer and the reader's page ask for (Markdown preview, tag suggestions, person cards), image
/// descriptions, and the forms that act in place with JavaScript and still work without it.
/// </summary>
public abstract class WritingTests(RucheApp app) : ProviderTests(app)
{
    [Fact]
    public async Task The_preview_is_the_html_a_published_post_gets_and_saves_nothing()
    {
        var writer = await NewPersonAsync("Writer");
        var named = await NewPersonAsync("Camille Preview");
        var body = $"**Gras** et *italique* pour @{named.Handle} #apercu <script>alert(1)</script>";

        var preview = await Actor.ReadAsync<MarkdownPreview>(
            await writer.Http.PostAsJsonAsync("/api/v1/markdown/preview", new MarkdownPreviewRequest(body)), HttpStatusCode.OK);
        Assert.Contains("<strong>Gras</strong>", preview.Html, StringComparison.Ordinal);
        Assert.Contains("Camille Preview", preview.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", preview.Html, StringComparison.Ordinal);
        Assert.Empty((await writer.ProfileFeedAsync(writer)).Items);

        var published = await writer.PostAsync(body);
        Assert.Equal(published.BodyHtml, preview.Html);

        // The page's own address takes the cookie and the form's token, and answers the HTML itself.
        var browser = await App.SignInWithBrowserCookiesAsync(writer);
        var token = await Browser.AntiforgeryTokenAsync(browser, "/");
        var fromPage = await browser.PostAsync("/ui/markdown/preview", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["body"] = body,
            [Browser.AntiforgeryField] = token,
        }));
        await Actor.ExpectAsync(fromPage, HttpStatusCode.OK);
        Assert.Equal(preview.Html, await fromPage.Content.ReadAsStringAsync());
        Assert.Equal("text/html", fromPage.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_preview_refuses_too_long_texts_strangers_and_forms_without_their_token()
    {
        var writer = await NewPersonAsync("Writer");
        var tooLong = new string('a', Limits.PostBodyMaxLength + 1);
        await writer.Http.PostAsJsonAsync("/api/v1/markdown/preview", new MarkdownPreviewRequest(tooLong))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "post.too-long");
        Assert.Equal(HttpStatusCode.Unauthorized, (await App.Anonymous().PostAsJsonAsync("/api/v1/markdown/preview", new MarkdownPreviewRequest("x"))).StatusCode);

        var browser = await App.SignInWithBrowserCookiesAsync(writer);
        var withoutToken = await browser.PostAsync("/ui/markdown/preview", new FormUrlEncodedContent(new Dictionary<string, string> { ["body"] = "**x**" }));
        Assert.Equal(HttpStatusCode.BadRequest, withoutToken.StatusCode);
        var token = await Browser.AntiforgeryTokenAsync(browser, "/");
        var refused = await browser.PostAsync("/ui/markdown/preview", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["body"] = tooLong,
            [Browser.AntiforgeryField] = token,
        }));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("post.too-long", await refused.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Tag_suggestions_only_hold_tags_the_reader_may_see_used()
    {
        var owner = await NewPersonAsync("Owner");
        var member = await NewPersonAsync("Member");
        var outsider = await NewPersonAsync("Outsider");
        var secret = await owner.CreateSpaceAsync("Comité restreint", SpaceVisibility.Secret);
        await owner.AddToSpaceAsync(secret, member);
        var unique = $"zq{Guid.NewGuid():N}"[..12];
        await owner.PostAsync($"Ouvert à tous #{unique}public");
        await owner.PostAsync($"Encore #{unique}public");
        await owner.PostAsync($"Entre nous #{unique}secret", secret);

        var forMember = await member.GetAsync<List<TagSuggestion>>($"/api/v1/tags?prefix={unique}");
        Assert.Equal([$"{unique}public", $"{unique}secret"], forMember.Select(t => t.Tag));
        Assert.Equal(2, forMember[0].PostCount);

        var forOutsider = await outsider.GetAsync<List<TagSuggestion>>($"/api/v1/tags?prefix=%23{unique.ToUpperInvariant()}");
        Assert.Equal([$"{unique}public"], forOutsider.Select(t => t.Tag));
        Assert.Empty(await outsider.GetAsync<List<TagSuggestion>>($"/api/v1/tags?prefix={unique}secret"));
        Assert.Empty(await outsider.GetAsync<List<TagSuggestion>>("/api/v1/tags?prefix=%20"));

        // The composer asks the page's address with its cookie: the same rule.
        var browser = await App.SignInWithBrowserCookiesAsync(outsider);
        var fromPage = await browser.PageAsync($"/ui/tags/lookup?prefix={unique}");
        Assert.Contains($"{unique}public", fromPage, StringComparison.Ordinal);
        Assert.DoesNotContain($"{unique}secret", fromPage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_image_s_description_is_stored_and_read_as_its_alt_text()
    {
        var author = await NewPersonAsync("Author");
        var reader = await NewPersonAsync("Reader");
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(TestImages.Png(9, 9, 9));
        file.Headers.ContentType = new("image/png");
        form.Add(file, "file", "bureau.png");
        form.Add(new StringContent("  Le nouvel open space, vu depuis l'entrée  "), "alt");
        var uploaded = await Actor.ReadAsync<UploadedFile>(await author.Http.PostAsync("/api/v1/files", form), HttpStatusCode.Created);
        var bare = await author.UploadImageAsync(TestImages.Png(8, 8, 8));
        var post = await author.PostAsync("Visite des locaux", images: [uploaded.Id, bare.Id]);

        var card = await reader.GetPostAsync(post.Id);
        Assert.Equal([new PostImageView(uploaded.Id, "Le nouvel open space, vu depuis l'entrée"), new PostImageView(bare.Id, null)], card.Images);

        var browser = await App.SignInWithBrowserCookiesAsync(reader);
        var page = await browser.PageAsync($"/posts/{post.Id}");
        Assert.Contains("alt=\"Le nouvel open space, vu depuis l'entrée\"", WebUtility.HtmlDecode(page), StringComparison.Ordinal);
        Assert.Contains("data-lightbox", page, StringComparison.Ordinal);

        using var tooLong = new MultipartFormDataContent();
        var again = new ByteArrayContent(TestImages.Png());
        again.Headers.ContentType = new("image/png");
        tooLong.Add(again, "file", "x.png");
        tooLong.Add(new StringContent(new string('a', Limits.ImageAltTextMaxLength + 1)), "alt");
        await author.Http.PostAsync("/api/v1/files", tooLong).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "image.alt-too-long");
    }

    [Fact]
    public async Task The_composer_form_without_javascript_stores_each_image_with_its_description_and_redirects()
    {
        var person = await NewPersonAsync("Person");
        var browser = await App.SignInWithBrowserCookiesAsync(person);
        var token = await Browser.AntiforgeryTokenAsync(browser, "/");
        using var form = new MultipartFormDataContent
        {
            { new StringContent("Deux photos de l'atelier"), "body" },
            { new StringContent("/"), "returnUrl" },
            { new StringContent(token), Browser.AntiforgeryField },
        };
        foreach (var (shade, alt) in new[] { ((byte)1, "Établi"), ((byte)2, "Machine à café") })
        {
            var image = new ByteArrayContent(TestImages.Png(shade, shade, shade));
            image.Headers.ContentType = new("image/png");
            form.Add(image, "images", $"photo{shade}.png");
            form.Add(new StringContent(alt), "imageAlt");
        }

        var response = await browser.PostAsync("/ui/posts", form);

        await Actor.ExpectAsync(response, HttpStatusCode.Redirect);
        var post = Assert.Single((await person.ProfileFeedAsync(person)).Items);
        Assert.Equal($"/#post-{post.Id}", response.Headers.Location?.OriginalString);
        Assert.Equal(["Établi", "Machine à café"], post.Images!.Select(i => i.AltText));
    }

    [Fact]
    public async Task One_reactions_form_per_post_adds_and_removes_by_the_button_pressed()
    {
        var author = await NewPersonAsync("Author");
        var reader = await NewPersonAsync("Reader");
        var post = await author.PostAsync("Réagissez");
        var browser = await App.SignInWithBrowserCookiesAsync(reader);
        var page = await browser.PageAsync($"/posts/{post.Id}");
        Assert.Equal(1, CountOf(page, $"action=\"/ui/posts/{post.Id}/reactions\""));
        Assert.Contains("name=\"add\" value=\"like\"", page, StringComparison.Ordinal);
        var token = Browser.AntiforgeryTokenIn(page, $"/posts/{post.Id}");

        async Task<HttpResponseMessage> PressAsync(string name, string kind) =>
            await browser.PostAsync($"/ui/posts/{post.Id}/reactions", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                [name] = kind,
                ["returnUrl"] = $"/posts/{post.Id}",
                [Browser.AntiforgeryField] = token,
            }));

        var added = await PressAsync("add", "like");
        await Actor.ExpectAsync(added, HttpStatusCode.Redirect);
        Assert.Equal($"/posts/{post.Id}#post-{post.Id}", added.Headers.Location?.OriginalString);
        Assert.Contains((await author.GetPostAsync(post.Id)).Reactions, r => r.Kind == Core.Posts.ReactionKind.Like && r.Count == 1);
        Assert.Contains("name=\"remove\" value=\"like\"", await browser.PageAsync($"/posts/{post.Id}"), StringComparison.Ordinal);

        await Actor.ExpectAsync(await PressAsync("remove", "like"), HttpStatusCode.Redirect);
        Assert.Empty((await author.GetPostAsync(post.Id)).Reactions);

        var unknown = await PressAsync("add", "shrug");
        Assert.Equal($"/posts/{post.Id}?error=reaction.unknown", unknown.Headers.Location?.OriginalString);
        Assert.Empty((await author.GetPostAsync(post.Id)).Reactions);

        var forged = await browser.PostAsync($"/ui/posts/{post.Id}/reactions", new FormUrlEncodedContent(new Dictionary<string, string> { ["add"] = "like" }));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Empty((await author.GetPostAsync(post.Id)).Reactions);
    }

    [Fact]
    public async Task A_person_s_card_shows_who_they_are_with_a_follow_form_that_works_in_place()
    {
        var reader = await NewPersonAsync("Reader");
        var colleague = await NewPersonAsync("Dominique Carte");
        var browser = await App.SignInWithBrowserCookiesAsync(reader);

        var card = await browser.PageAsync($"/ui/people/{colleague.Handle}/card");
        Assert.Contains("Dominique Carte", card, StringComparison.Ordinal);
        Assert.Contains($"id=\"person-card-{colleague.Id}\"", card, StringComparison.Ordinal);
        Assert.Contains($"action=\"/ui/people/{colleague.Id}/follow\"", card, StringComparison.Ordinal);
        Assert.DoesNotContain("<html", card, StringComparison.Ordinal);

        // Following from the card answers with the card again (the element js/inplace.js swaps in).
        var token = Browser.AntiforgeryTokenIn(card, "card");
        var followed = await browser.PostAsync($"/ui/people/{colleague.Id}/follow", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["on"] = "true",
            ["returnUrl"] = $"/ui/people/{colleague.Handle}/card",
            [Browser.AntiforgeryField] = token,
        }));
        Assert.Equal($"/ui/people/{colleague.Handle}/card", followed.Headers.Location?.OriginalString);
        Assert.Contains("name=\"on\" value=\"false\"", await browser.PageAsync($"/ui/people/{colleague.Handle}/card"), StringComparison.Ordinal);

        Assert.DoesNotContain("action=\"/ui/people/", await browser.PageAsync($"/ui/people/{reader.Handle}/card"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync("/ui/people/nobody-by-that-name/card")).StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await App.NewBrowser().GetAsync($"/ui/people/{colleague.Handle}/card")).StatusCode);
    }

    private static int CountOf(string text, string part) =>
        text.Split(part).Length - 1;
}

public sealed class WritingTestsOnSqlite(SqliteApp app) : WritingTests(app), IClassFixture<SqliteApp>;

public sealed class WritingTestsOnPostgres(PostgresApp app) : WritingTests(app), IClassFixture<PostgresApp>;
