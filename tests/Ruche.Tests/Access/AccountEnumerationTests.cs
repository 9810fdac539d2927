using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Ruche.Core.People;
using Ruche.Tests.Infrastructure;

namespace Ruche.Tests.Access;

/// <summary>Passwords hashed at the production cost (the other tests lower it), so that time tells what it tells in production.</summary>
public sealed class ProductionHashingApp : SqliteApp
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.Configure<PasswordHasherOptions>(o => o.IterationCount = new PasswordHasherOptions().IterationCount));
    }
}

/// <summary>
/// Whoever asks for a token must not learn from the answer, nor from its time, whether an account exists, is
/// deactivated or is locked: an unknown e-mail answered in 1 ms and a known one in 43 ms, and only existing accounts
/// were said to be locked.
/// </summary>
public sealed class AccountEnumerationTests(ProductionHashingApp app, ITestOutputHelper output) : ProviderTests(app), IClassFixture<ProductionHashingApp>
{
    [Fact]
    public async Task Unknown_deactivated_locked_and_wrong_password_answers_are_identical()
    {
        var known = await NewPersonAsync("Known");
        var locked = await NewPersonAsync("Locked");
        var deactivated = await NewPersonAsync("Deactivated");
        var client = App.Anonymous();
        for (var i = 0; i < 8; i++)
        {
            await client.PostAsJsonAsync("/api/v1/auth/token", new { email = locked.Email, password = $"Wrong-password-{i}" });
        }

        await using (var scope = App.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<Person>>();
            var person = (await users.FindByIdAsync(deactivated.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)))!;
            person.IsActive = false;
            (await users.UpdateAsync(person)).Succeeded.ShouldBeTrue();
        }

        var answers = new Dictionary<string, string>
        {
            ["unknown"] = await AnswerAsync(client, "nobody-" + Guid.NewGuid().ToString("N")[..8] + "@test.ruche", "Wrong-password-x"),
            ["wrong password"] = await AnswerAsync(client, known.Email, "Wrong-password-x"),
            ["locked, wrong password"] = await AnswerAsync(client, locked.Email, "Wrong-password-x"),
            ["locked, right password"] = await AnswerAsync(client, locked.Email, RucheApp.Password),
            ["deactivated, right password"] = await AnswerAsync(client, deactivated.Email, RucheApp.Password),
        };

        Assert.All(answers, answer => Assert.Equal(answers["unknown"], answer.Value));
        Assert.Contains("auth.invalid-credentials", answers["unknown"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_email_takes_as_long_to_refuse_as_a_wrong_password()
    {
        var known = await NewPersonAsync("Timed");
        var client = App.Anonymous();
        var unknown = "nobody-" + Guid.NewGuid().ToString("N")[..8] + "@test.ruche";
        await TimeAsync(client, unknown);
        await TimeAsync(client, known.Email);

        var unknownTimes = new List<double>();
        var knownTimes = new List<double>();
        for (var i = 0; i < 10; i++)
        {
            unknownTimes.Add(await TimeAsync(client, unknown));
            knownTimes.Add(await TimeAsync(client, known.Email));
        }

        var (unknownMedian, knownMedian) = (Median(unknownTimes), Median(knownTimes));
        output.WriteLine($"POST /api/v1/auth/token medians over 10 tries: unknown e-mail {unknownMedian:0.0} ms, known e-mail {knownMedian:0.0} ms (ratio {unknownMedian / knownMedian:0.00})");
        Assert.True(
            unknownMedian >= knownMedian / 3,
            $"An unknown e-mail is refused in {unknownMedian:0.0} ms, a known one in {knownMedian:0.0} ms: the time tells who has an account.");
    }

    private static async Task<string> AnswerAsync(HttpClient client, string email, string password)
    {
        var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { email, password });
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        body.Remove("traceId");
        return $"{(int)response.StatusCode} {response.Content.Headers.ContentType} {body.ToJsonString()}";
    }

    private static async Task<double> TimeAsync(HttpClient client, string email)
    {
        var watch = Stopwatch.StartNew();
        var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { email, password = "Wrong-password-t" });
        watch.Stop();
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        return watch.Elapsed.TotalMilliseconds;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return (sorted[(sorted.Count - 1) / 2] + sorted[sorted.Count / 2]) / 2;
    }
}
