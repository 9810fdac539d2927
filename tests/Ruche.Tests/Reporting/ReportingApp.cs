using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Ruche.Core.Access;
using Ruche.Core.Common;
using Ruche.Core.Data;
using Ruche.Core.Reporting;
using Ruche.Tests.Goals;
using Ruche.Tests.Infrastructure;

namespace Ruche.Tests.Reporting;

/// <summary>
/// The app on a clock the test moves (deadlines, reminders, anonymisation), every log line of every category captured,
/// and every request arriving from a known address (<see cref="ClientAddress"/>), so a test can look for it everywhere.
/// </summary>
public interface IReportingApp : IGoalsApp
{
    LogCapture Logs { get; }
}

public sealed class ReportingSqliteApp : SqliteApp, IReportingApp
{
    public TestClock Clock { get; } = new();

    public LogCapture Logs { get; } = new();

    protected override void ConfigureNode(IWebHostBuilder builder) => ReportingSteps.Configure(builder, Clock, Logs);
}

public sealed class ReportingPostgresApp : PostgresApp, IReportingApp
{
    public TestClock Clock { get; } = new();

    public LogCapture Logs { get; } = new();

    protected override void ConfigureNode(IWebHostBuilder builder) => ReportingSteps.Configure(builder, Clock, Logs);
}

/// <summary>Every log line written, whatever its category and level, with its arguments and scopes.</summary>
public sealed class LogCapture : ILoggerProvider
{
    private readonly ConcurrentQueue<string> lines = new();

    public IReadOnlyList<string> Lines => [.. lines];

    public void Clear() => lines.Clear();

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, lines);

    public void Dispose()
    {
    }

    private sealed class Logger(string category, ConcurrentQueue<string> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull
        {
            lines.Enqueue($"{category} scope: {Describe(state)}");
            return null;
        }

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            lines.Enqueue($"{category} {logLevel}: {formatter(state, exception)} {Describe(state)} {exception}");

        private static string Describe(object? state) =>
            state is IEnumerable<KeyValuePair<string, object?>> pairs ? string.Join(", ", pairs.Select(p => $"{p.Key}={p.Value}")) : state?.ToString() ?? string.Empty;
    }
}

public static partial class ReportingSteps
{
    /// <summary>The address every request of these tests comes from (TEST-NET-3), and the one a proxy would forward.</summary>
    public const string ClientAddress = "203.0.113.77";
    public const string ForwardedAddress = "198.51.100.23";

    public static void Configure(IWebHostBuilder builder, TestClock clock, LogCapture logs)
    {
        GoalsClock.Use(builder, clock);
        builder.UseSetting("Logging:LogLevel:Default", "Trace");
        builder.UseSetting("Logging:LogLevel:Microsoft.AspNetCore", "Trace");
        builder.UseSetting("Logging:LogLevel:Microsoft.EntityFrameworkCore", "Information");
        builder.ConfigureLogging(logging => logging.AddProvider(logs));
        builder.ConfigureTestServices(services => services.AddSingleton<Microsoft.AspNetCore.Hosting.IStartupFilter, FromAddress>());
    }

    public static LogCapture Logs(this RucheApp app) => ((IReportingApp)app).Logs;

    /// <summary>A person whose token outlives the clock's moves (90 days), holding the given roles.</summary>
    public static async Task<Actor> NewMemberAsync(this RucheApp app, string name, params string[] roles)
    {
        var first = await app.NewPersonAsync(name, "Europe/Paris", roles);
        await using var scope = app.Services.CreateAsyncScope();
        var token = await scope.ServiceProvider.GetRequiredService<AccessTokenService>()
            .CreatePersonalAsync(new Viewer(first.Id, new HashSet<string>()), "channel tests", 90, null, null, CancellationToken.None);
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = new("Bearer", token.Token);
        return new Actor(app, first.Id, first.Handle, first.Email, first.Name, client);
    }

    /// <summary>Reports on the public form, from a browser without any sign-in; returns the receipt the page shows once.</summary>
    public static async Task<CaseReceipt> ReportAsync(this HttpClient browser, string text, string topic = "corruption", string identity = "anonymous", string? name = null, string? concerned = null)
    {
        var fields = new Dictionary<string, string> { ["topic"] = topic, ["text"] = text, ["identity"] = identity };
        if (name is not null)
        {
            fields["name"] = name;
        }

        if (concerned is not null)
        {
            fields["concerned"] = concerned;
        }

        var response = await browser.SubmitFormAsync("/report", "/ui/report", fields);
        await Actor.ExpectAsync(response, HttpStatusCode.OK);
        return ReceiptIn(await response.Content.ReadAsStringAsync());
    }

    public static CaseReceipt ReceiptIn(string html)
    {
        var code = ReceiptCode().Match(html);
        var secret = ReceiptSecret().Match(html);
        Assert.True(code.Success && secret.Success, "The receipt page shows no code and secret.");
        return new CaseReceipt(code.Groups[1].Value, secret.Groups[1].Value);
    }

    /// <summary>Follows a case on the public page: the status code and the page.</summary>
    public static async Task<(HttpStatusCode Status, string Html)> FollowAsync(this HttpClient browser, string code, string secret)
    {
        var response = await browser.SubmitFormAsync("/report/follow", "/ui/report/follow", new() { ["code"] = code, ["secret"] = secret });
        return (response.StatusCode, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
    }

    public static async Task<long> CaseIdAsync(this RucheApp app, string code) =>
        await app.InDatabaseAsync(db => db.Set<ReportingCase>().Where(c => c.Code == code).Select(c => c.Id).SingleAsync());

    public static async Task<CaseView> ReadCaseAsync(this Actor referent, long id) => await referent.GetAsync<CaseView>($"/api/v1/reporting/cases/{id}");

    public static Task<HttpResponseMessage> SetStatusAsync(this Actor actor, long id, string status, string? outcome = null) =>
        actor.Http.PutAsJsonAsync($"/api/v1/reporting/cases/{id}/status", new { status, outcome });

    public static Task<HttpResponseMessage> WriteAsync(this Actor actor, long id, string text) =>
        actor.Http.PostAsJsonAsync($"/api/v1/reporting/cases/{id}/messages", new { text });

    public static async Task<(int Cases, int Messages, int Accesses, string Statuses)> ChannelStateAsync(this RucheApp app) =>
        await app.InDatabaseAsync(async db => (
            await db.Set<ReportingCase>().CountAsync(),
            await db.Set<ReportingMessage>().CountAsync(),
            await db.Set<ReportingAccess>().CountAsync(),
            string.Join(',', await db.Set<ReportingCase>().OrderBy(c => c.Id).Select(c => c.Status.ToString()).ToListAsync())));

    public static async Task ShouldSucceedAsync(this Task<HttpResponseMessage> sent)
    {
        var response = await sent;
        Assert.True(response.IsSuccessStatusCode, $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} returned {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    public static async Task<int> RemindAsync(this RucheApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ReportingReminders>().SendDueAsync(CancellationToken.None);
    }

    public static async Task<int> AnonymiseAsync(this RucheApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ReportingRetention>().AnonymiseDueAsync(CancellationToken.None);
    }

    [GeneratedRegex("data-receipt-code>([A-Z0-9-]+)<")]
    private static partial Regex ReceiptCode();

    [GeneratedRegex("data-receipt-secret>([A-Z0-9-]+)<")]
    private static partial Regex ReceiptSecret();

    /// <summary>Every request comes from <see cref="ClientAddress"/> and says it was forwarded for <see cref="ForwardedAddress"/>.</summary>
    private sealed class FromAddress : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, following) =>
            {
                context.Connection.RemoteIpAddress = IPAddress.Parse(ClientAddress);
                context.Request.Headers["X-Forwarded-For"] = ForwardedAddress;
                return following(context);
            });
            next(app);
        };
    }
}
