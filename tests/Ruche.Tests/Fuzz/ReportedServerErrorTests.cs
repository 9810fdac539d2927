using System.Net;
using System.Text;
using Ruche.Core.Common;
using Ruche.Tests.Infrastructure;

namespace Ruche.Tests.Fuzz;

/// <summary>The bad inputs a probe of every write route found answering 500 (issue 12, item 10), each followed to its end.</summary>
public abstract class ReportedServerErrorTests(RucheApp app) : ProviderTests(app)
{
    [Fact]
    public async Task A_refused_post_edit_comes_back_to_the_edit_form_with_what_was_typed_and_its_reason()
    {
        var author = await NewPersonAsync("Author");
        var post = await author.PostAsync("Premier jet");
        var browser = await App.SignInWithBrowserCookiesAsync(author);
        var tooLong = "Deuxième jet <b>" + new string('x', Limits.PostBodyMaxLength);

        var refused = await browser.SubmitFormAsync($"/posts/{post.Id}?edit=1", $"/ui/posts/{post.Id}/edit", new() { ["body"] = tooLong });

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var page = await refused.Content.ReadAsStringAsync();
        Assert.Contains("id=\"edit-body\"", page, StringComparison.Ordinal);
        Assert.Contains("jet &lt;b&gt;xxx", page, StringComparison.Ordinal);
        Assert.Contains("Deuxième jet <b>xxx", WebUtility.HtmlDecode(page), StringComparison.Ordinal);
        Assert.Contains("class=\"banner error\"", page, StringComparison.Ordinal);
        Assert.Equal("Premier jet", (await author.GetPostAsync(post.Id)).Body);
    }

    [Fact]
    public async Task The_team_goals_settings_form_sent_without_its_fields_is_refused_with_a_reason()
    {
        var owner = await NewPersonAsync("Owner");
        var space = await owner.CreateSpaceAsync("Équipe vide");
        var browser = await App.SignInWithBrowserCookiesAsync(owner);

        var refused = await browser.SubmitFormAsync($"/spaces/{space.Id}/goals", $"/ui/goals/team/{space.Id}", []);

        Assert.True(refused.StatusCode == HttpStatusCode.Redirect, $"{(int)refused.StatusCode}: {await refused.Content.ReadAsStringAsync()}");
        Assert.Contains("error=", refused.Headers.Location!.OriginalString, StringComparison.Ordinal);
        await Actor.ExpectAsync(await browser.GetAsync(refused.Headers.Location.OriginalString), HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_null_skill_is_refused()
    {
        var person = await NewPersonAsync("Skilled");
        var response = await person.Http.PatchAsync($"/api/v1/people/{person.Id}", new StringContent("""{"skills":[null]}""", Encoding.UTF8, "application/json"));
        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "profile.skills-invalid");
    }

    [Theory]
    [InlineData("/\t/evil.example")]
    [InlineData("/posts\r\nSet-Cookie: a=b")]
    [InlineData("/\n")]
    public async Task A_return_address_holding_a_control_character_leads_home(string returnUrl)
    {
        var person = await NewPersonAsync("Returner");
        var post = await person.PostAsync("Cible");

        var signIn = await App.NewBrowser().SubmitFormAsync("/login", "/ui/login", new() { ["email"] = person.Email, ["password"] = RucheApp.Password, ["returnUrl"] = returnUrl });
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal("/", signIn.Headers.Location!.OriginalString);

        var wrongPassword = await App.NewBrowser().SubmitFormAsync("/login", "/ui/login", new() { ["email"] = person.Email, ["password"] = "Wrong-password", ["returnUrl"] = returnUrl });
        Assert.Equal(HttpStatusCode.Redirect, wrongPassword.StatusCode);
        Assert.Contains("returnUrl=%2F", wrongPassword.Headers.Location!.OriginalString + "&", StringComparison.Ordinal);

        var browser = await App.SignInWithBrowserCookiesAsync(person);
        var form = await browser.SubmitFormAsync($"/posts/{post.Id}", $"/ui/posts/{post.Id}/pin", new() { ["on"] = "true", ["returnUrl"] = returnUrl });
        Assert.True(form.StatusCode == HttpStatusCode.Redirect, $"The pin form answered {(int)form.StatusCode}");
        Assert.StartsWith("/", form.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.DoesNotContain("evil", form.Headers.Location.OriginalString, StringComparison.Ordinal);
    }
}

public sealed class ReportedServerErrorTestsOnSqlite(SqliteApp app) : ReportedServerErrorTests(app), IClassFixture<SqliteApp>;

public sealed class ReportedServerErrorTestsOnPostgres(PostgresApp app) : ReportedServerErrorTests(app), IClassFixture<PostgresApp>;
