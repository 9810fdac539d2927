using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Ruche.Tests.Infrastructure;

namespace Ruche.Tests.Security;

/// <summary>Ruche with small budgets, to prove they hold.</summary>
public sealed class LimitedApp : SqliteApp
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Ruche:RateLimits:SignInPerMinute", "3");
        builder.UseSetting("Ruche:RateLimits:ApiPerMinute", "5");
    }
}

public sealed class RateLimitTests(LimitedApp app) : ProviderTests(app), IClassFixture<LimitedApp>
{
    [Fact]
    public async Task Password_guessing_from_one_address_is_cut_off()
    {
        var client = App.Anonymous();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { email = "nobody@test.ruche", password = "guess-" + i });
            statuses.Add(response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized], statuses.Take(3));
        Assert.All(statuses.Skip(3), s => Assert.Equal(HttpStatusCode.TooManyRequests, s));
    }

    [Fact]
    public async Task A_person_over_their_api_budget_gets_429_with_retry_after_and_others_are_not_affected()
    {
        var busy = await App.NewPersonAsync("Busy");
        var calm = await App.NewPersonAsync("Calm");
        HttpResponseMessage last = default!;
        for (var i = 0; i < 6; i++)
        {
            last = await busy.Http.GetAsync("/api/v1/people/me");
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, last.StatusCode);
        Assert.True(last.Headers.RetryAfter is not null || last.Headers.Contains("Retry-After"));
        Assert.Contains("urn:ruche:problem:rate-limited", await last.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await calm.Http.GetAsync("/api/v1/people/me")).StatusCode);
    }
}
