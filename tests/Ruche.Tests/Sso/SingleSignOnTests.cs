using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Ruche.Core.Data;
using Ruche.Core.People;
using Ruche.Tests.Infrastructure;

namespace Ruche.Tests.Sso;

/// <summary>Ruche configured for single sign-on only, against a real OpenID Connect provider on loopback.</summary>
public interface ISsoApp
{
    TestIdentityProvider Provider { get; }
}

public sealed class SsoSqliteApp : SqliteApp, ISsoApp
{
    public TestIdentityProvider Provider { get; } = new();

    protected override Task BeforeStartAsync() => Provider.StartAsync();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        SsoSettings.Apply(builder, Provider);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Provider.DisposeAsync();
    }
}

public sealed class SsoPostgresApp : PostgresApp, ISsoApp
{
    public TestIdentityProvider Provider { get; } = new();

    protected override Task BeforeStartAsync() => Provider.StartAsync();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        SsoSettings.Apply(builder, Provider);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Provider.DisposeAsync();
    }
}

internal static class SsoSettings
{
    public static void Apply(IWebHostBuilder builder, TestIdentityProvider provider)
    {
        builder.UseSetting("Ruche:Sso:DisableLocalPasswords", "true");
        builder.UseSetting("Ruche:Sso:Providers:0:Name", "testidp");
        builder.UseSetting("Ruche:Sso:Providers:0:DisplayName", "Test IdP");
        builder.UseSetting("Ruche:Sso:Providers:0:Authority", provider.Authority);
        builder.UseSetting("Ruche:Sso:Providers:0:ClientId", TestIdentityProvider.ClientId);
        builder.UseSetting("Ruche:Sso:Providers:0:ClientSecret", TestIdentityProvider.ClientSecret);
        builder.UseSetting("Ruche:Sso:Providers:0:RequireHttpsMetadata", "false");
    }
}

public abstract partial class SingleSignOnTests(RucheApp app) : ProviderTests(app)
{
    private TestIdentityProvider Provider => ((ISsoApp)App).Provider;

    [Fact]
    public async Task A_new_person_is_provisioned_with_the_providers_claims_and_found_again_next_time()
    {
        await EnsureDirectoryAsync();
        var subject = Guid.NewGuid().ToString("N");
        var email = $"{subject[..8]}@sso.test";
        Provider.NextUser = new TestUser(subject, email, true, "Inès Fournier", "Ingénierie", "Montréal");

        var browser = await SignInThroughProviderAsync();
        Assert.Contains("Fil d&#x27;actualit", await browser.PageAsync("/"), StringComparison.Ordinal);

        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RucheDbContext>();
        var person = await db.People.Include(p => p.Department).Include(p => p.Site).SingleAsync(p => p.Email == email);
        Assert.Equal("Inès Fournier", person.DisplayName);
        Assert.Equal("Ingénierie", person.Department?.Name);
        Assert.Equal("Montréal", person.Site?.Name);
        Assert.Equal("America/Montreal", person.TimeZone);
        Assert.Null(person.PasswordHash);

        await SignInThroughProviderAsync();
        Assert.Equal(1, await db.People.CountAsync(p => p.Email == email));
        Assert.Equal(1, await db.UserLogins.CountAsync(l => l.UserId == person.Id));
    }

    [Fact]
    public async Task An_existing_account_is_linked_only_on_a_verified_email()
    {
        var colleague = await NewPersonAsync("Colleague");
        Provider.NextUser = new TestUser(Guid.NewGuid().ToString("N"), colleague.Email, false, "Impostor");
        var refused = await SignInThroughProviderAsync(expectSignedIn: false);
        Assert.Equal(HttpStatusCode.Redirect, (await refused.GetAsync("/")).StatusCode);

        await using (var scope = App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RucheDbContext>();
            Assert.Equal(0, await db.UserLogins.CountAsync(l => l.UserId == colleague.Id));
        }

        Provider.NextUser = new TestUser(Guid.NewGuid().ToString("N"), colleague.Email, true, "Colleague");
        var browser = await SignInThroughProviderAsync();
        var home = await browser.PageAsync("/");
        Assert.Contains(colleague.Handle, home, StringComparison.Ordinal);
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RucheDbContext>();
            Assert.Equal(1, await db.UserLogins.CountAsync(l => l.UserId == colleague.Id));
        }
    }

    [Fact]
    public async Task With_passwords_turned_off_neither_the_form_nor_the_api_accepts_one()
    {
        var person = await NewPersonAsync("Local");
        await App.Anonymous().PostAsJsonAsync("/api/v1/auth/token", new { email = person.Email, password = RucheApp.Password })
            .ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "auth.passwords-disabled");
        var login = await App.NewBrowser().PageAsync("/login");
        Assert.Contains("Test IdP", login, StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"password\"", login, StringComparison.Ordinal);
    }

    /// <summary>A browser's round trip: Ruche → provider (authorize, form_post) → Ruche callback → signed in.</summary>
    private async Task<HttpClient> SignInThroughProviderAsync(bool expectSignedIn = true)
    {
        App.RequireAvailable();
        var browser = App.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false, HandleCookies = true });
        var challenge = await browser.SubmitFormAsync("/login", "/ui/login/external", new() { ["provider"] = "testidp", ["returnUrl"] = "/" });
        Assert.Equal(HttpStatusCode.Redirect, challenge.StatusCode);
        var authorize = challenge.Headers.Location!;
        Assert.StartsWith(Provider.Authority, authorize.ToString(), StringComparison.Ordinal);
        Assert.Contains("code_challenge=", authorize.Query, StringComparison.Ordinal);

        using var idp = new HttpClient();
        var page = await idp.GetStringAsync(authorize);
        var action = FormAction().Match(page).Groups["v"].Value;
        var fields = HiddenField().Matches(page).ToDictionary(m => m.Groups["n"].Value, m => WebUtility.HtmlDecode(m.Groups["v"].Value));
        var callback = await browser.PostAsync(new Uri(WebUtility.HtmlDecode(action)).PathAndQuery, new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.Redirect, callback.StatusCode);

        var finish = await browser.GetAsync(callback.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, finish.StatusCode);
        var target = finish.Headers.Location!.OriginalString;
        if (expectSignedIn)
        {
            Assert.Equal("/", target);
        }
        else
        {
            Assert.Contains("error=sso.email-unverified", target, StringComparison.Ordinal);
        }

        return browser;
    }

    private async Task EnsureDirectoryAsync()
    {
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RucheDbContext>();
        if (!await db.Departments.AnyAsync(d => d.Name == "Ingénierie"))
        {
            db.Departments.Add(new Department { Name = "Ingénierie" });
            db.Sites.Add(new Site { Name = "Montréal", TimeZone = "America/Montreal", CountryCode = "CA" });
            await db.SaveChangesAsync();
        }
    }

    [GeneratedRegex("""<form method="post" action="(?<v>[^"]+)">""")]
    private static partial Regex FormAction();

    [GeneratedRegex("""<input type="hidden" name="(?<n>[^"]+)" value="(?<v>[^"]*)"/>""")]
    private static partial Regex HiddenField();
}

public sealed class SingleSignOnTestsOnSqlite(SsoSqliteApp app) : SingleSignOnTests(app), IClassFixture<SsoSqliteApp>;

public sealed class SingleSignOnTestsOnPostgres(SsoPostgresApp app) : SingleSignOnTests(app), IClassFixture<SsoPostgresApp>;
