using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Ruche.Core.Access;
using Ruche.Core.People;

namespace Ruche.BrowserTests;

/// <summary>Ruche on a real Kestrel port with its own SQLite database, and a headless Chromium to drive it.</summary>
public partial class BrowserApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string Password = "Browser-test-42";
    private readonly string dataDir = Path.Combine(Path.GetTempPath(), "ruche-browser", Guid.NewGuid().ToString("N"));
    private IPlaywright? playwright;

    public BrowserApp() => UseKestrel(0);

    public IBrowser Browser { get; private set; } = default!;

    public Uri BaseAddress { get; private set; } = default!;

    /// <summary>Why the browser tests cannot run here; null when they can. CI never skips them.</summary>
    public static string? SkipReason =>
        File.Exists(ChromiumPath) || Environment.GetEnvironmentVariable("CI") == "true"
            ? null
            : $"Browser tests skipped: no Chromium at {ChromiumPath} (apt-get install chromium, or set RUCHE_CHROMIUM).";

    private static string ChromiumPath => Environment.GetEnvironmentVariable("RUCHE_CHROMIUM") ?? "/usr/bin/chromium";

    public async ValueTask InitializeAsync()
    {
        if (SkipReason is not null)
        {
            return;
        }

        Directory.CreateDirectory(dataDir);
        StartServer();
        BaseAddress = CreateClient().BaseAddress!;
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,

            // CI runs as root, where Chromium's sandbox cannot start; the network flags keep it off the closed internet.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    public override async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        playwright?.Dispose();
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        GC.SuppressFinalize(this);
    }

    [System.Text.RegularExpressions.GeneratedRegex("/login")]
    private static partial System.Text.RegularExpressions.Regex LoginUrl();

    public async Task<(long Id, string Email, string Handle)> NewPersonAsync(string name)
    {
        await using var scope = Services.CreateAsyncScope();
        var email = $"{Guid.NewGuid().ToString("N")[..8]}@browser.ruche";
        var person = await scope.ServiceProvider.GetRequiredService<AccountService>()
            .CreateAsync(new NewAccount(email, name, Password, "Europe/Paris"), CancellationToken.None);
        return (person.Id, email, person.Handle);
    }

    /// <summary>
    /// A new browser context signed in through the login form, on the home feed. Console errors (a Content-Security-Policy
    /// violation, a script error) are added to <paramref name="consoleErrors"/>: journeys assert there are none.
    /// </summary>
    public async Task<IPage> SignInAsync(string email, List<string> consoleErrors, string password = Password)
    {
        var context = await Browser.NewContextAsync(new() { BaseURL = BaseAddress.ToString(), Locale = "fr-FR" });
        var page = await context.NewPageAsync();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                lock (consoleErrors)
                {
                    consoleErrors.Add(message.Text);
                }
            }
        };
        await page.GotoAsync("/");
        await Assertions.Expect(page).ToHaveURLAsync(LoginUrl());
        await page.GetByLabel("Adresse e-mail").FillAsync(email);
        await page.GetByLabel("Mot de passe").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Se connecter", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Fil d'actualité" })).ToBeVisibleAsync();
        return page;
    }

    /// <summary>Start on the demo company, as a new user does with the README's command.</summary>
    protected virtual bool WithDemoCompany => false;

    /// <summary>Where screenshots go: artifacts/screenshots at the repository root (or another folder of artifacts).</summary>
    public static string ArtifactPath(string file, string folderName = "screenshots")
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Ruche.slnx")))
        {
            folder = folder.Parent;
        }

        var target = Path.Combine(folder?.FullName ?? Path.GetTempPath(), "artifacts", folderName);
        Directory.CreateDirectory(target);
        return Path.Combine(target, file);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");

        // Serve wwwroot from the build's static-asset manifest, as "dotnet run" does in Development.
        builder.UseStaticWebAssets();
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("ConnectionStrings:Ruche", $"Data Source={Path.Combine(dataDir, "ruche.db")}");
        builder.UseSetting("Ruche:DataDir", dataDir);
        builder.UseSetting("Ruche:DemoData", WithDemoCompany ? "true" : "false");

        // Morning reminders on the real clock would land in journeys' notification counts depending on the hour.
        builder.UseSetting("Ruche:GoalsScheduler", "false");

        // Tests sign in many people from one address; the limits themselves are tested with their own app.
        builder.UseSetting("Ruche:RateLimits:SignInPerMinute", "100000");
        builder.UseSetting("Ruche:RateLimits:ApiPerMinute", "100000");
        builder.ConfigureTestServices(services => services.Configure<PasswordHasherOptions>(o => o.IterationCount = 1_000));
    }
}
