using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Ruche.Core.Data;
using Ruche.Tests.Events;
using Ruche.Tests.Infrastructure;
using Ruche.Tests.Notifications;

namespace Ruche.Tests.Dialogue;

/// <summary>
/// The privacy matrix of social dialogue, generated from the app's route table: an employee joins a union's space,
/// follows it, reacts to its post, answers its event, accepts its broadcasts and writes to its delegates. Then every
/// GET endpoint and page, with its ids filled from that data, is read by an administrator, an HR user and the
/// employee's manager: none may answer with the employee's name or handle beside the union's name, nor with the words
/// the employee wrote to the union. The delegate, reading the same routes, does see the relation (so the check can fail).
/// </summary>
public abstract partial class UnionPrivacyMatrixTests(RucheApp app) : ProviderTests(app)
{
    /// <summary>Routes that are not about the company's data: signing in, the hub, SCIM (checked on its own), health, the API description.</summary>
    private static readonly string[] Skipped = ["/hub", "/scim", "/health", "/openapi", "/calendar/", "/login", "/register", "/invitation", "/ui/login", "/_"];

    [Fact]
    public async Task No_administrator_hr_or_manager_learns_who_relates_to_a_union_by_any_get_route()
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var admin = await NewPersonAsync("Admin", roles: "administrator");
        var hr = await NewPersonAsync("Rh", roles: "hr");
        var manager = await NewPersonAsync("Manager");
        var delegateActor = await NewPersonAsync("Déléguée");
        var member = await NewPersonAsync("Zéphyrine Syndiquée");
        var unionName = $"Syndicat Ruche Solidaires {suffix}";
        await admin.RecordAgreementAsync();
        var union = await admin.RecordUnionAsync(unionName, delegateActor);
        var space = await delegateActor.SpaceOfAsync(union);
        await SetManagerAsync(member.Id, manager.Id);

        // The employee's relations with the union, every kind the product knows.
        var post = await delegateActor.PostAsync($"Tract {suffix} : négociation annuelle", space);
        var meeting = await delegateActor.CreateEventAsync(space, $"Permanence {suffix}");
        await member.JoinAsync(space);
        await member.FollowSpaceAsync(space);
        await member.ReactAsync(post, "like");
        await Actor.ExpectAsync(await member.RespondAsync(meeting.Id, "yes"), HttpStatusCode.NoContent);
        await member.ChooseBroadcastsAsync(union, accepts: true);
        await member.ChooseAsync(union, "polls", accepts: true);
        var secret = $"Ma question confidentielle zq{suffix}";
        var question = await member.AskAsync(union, secret);
        var broadcast = await delegateActor.BroadcastAsync(union, $"Diffusion {suffix}");

        // The company's watchers are in the space too (it is open), so every route answers them as fully as it can.
        foreach (var watcher in new[] { admin, hr, manager })
        {
            await watcher.JoinAsync(space);
        }

        var ids = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase)
        {
            ["id"] = [.. new[] { space.Id, union.Id, member.Id, post.Id, meeting.Id, question, broadcast }.Distinct().Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture))],
            ["personId"] = [member.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)],
            ["handle"] = [member.Handle],
            ["tag"] = ["x"],
        };
        var endpoints = GetEndpoints();
        Assert.True(endpoints.Count > 40, $"Only {endpoints.Count} GET routes found: the route table walk is broken.");

        var watchers = new List<(string Role, HttpClient Api, HttpClient Browser)>();
        foreach (var (role, actor) in new[] { ("administrator", admin), ("hr", hr), ("manager", manager), ("delegate", delegateActor) })
        {
            watchers.Add((role, actor.Http, await App.SignInWithBrowserCookiesAsync(actor)));
        }

        var leaks = new List<string>();
        var delegateSaw = 0;
        var requests = 0;
        foreach (var endpoint in endpoints)
        {
            foreach (var url in Urls(endpoint.Route, ids))
            {
                foreach (var (role, api, browser) in watchers)
                {
                    using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
                    var response = await (endpoint.Route.StartsWith("/api/", StringComparison.Ordinal) ? api : browser).GetAsync(url, timeout.Token);
                    var body = WithoutOwnNavigation(await response.Content.ReadAsStringAsync(timeout.Token));
                    requests++;
                    var names = body.Contains(member.Name, StringComparison.Ordinal) || body.Contains(member.Handle, StringComparison.Ordinal);
                    var related = names && (body.Contains(unionName, StringComparison.Ordinal) || body.Contains(WebUtility.HtmlEncode(unionName), StringComparison.Ordinal));
                    var words = body.Contains(secret, StringComparison.Ordinal);
                    if (role == "delegate")
                    {
                        delegateSaw += related || words ? 1 : 0;
                    }
                    else if (related || words)
                    {
                        leaks.Add($"{role}: GET {url} ({endpoint.Route}) answered {(int)response.StatusCode} with {(words ? "the question's words" : "the member beside the union")}");
                    }
                    else if ((int)response.StatusCode >= 500)
                    {
                        leaks.Add($"{role}: GET {url} ({endpoint.Route}) failed with {(int)response.StatusCode}");
                    }
                }
            }
        }

        Assert.Empty(leaks);
        Assert.True(delegateSaw > 0, "The delegate saw the relation nowhere: the check cannot fail, so it proves nothing.");

        // Nor through notifications, search or exports of their own.
        foreach (var watcher in new[] { admin, hr, manager })
        {
            var told = await watcher.NotificationsAsync();
            Assert.DoesNotContain(told, n => n.Kind is "new-member" or "union-question" || n.Actors.Any(a => a.Id == member.Id));
            Assert.DoesNotContain(member.Name, await watcher.Http.GetStringAsync($"/api/v1/search?q=Solidaires"), StringComparison.Ordinal);
            Assert.DoesNotContain($"zq{suffix}", await watcher.Http.GetStringAsync($"/api/v1/search?q=zq{suffix}"), StringComparison.Ordinal);
        }

        TestContext.Current.TestOutputHelper?.WriteLine(
            $"Union privacy matrix on {App.ProviderName}: {endpoints.Count} GET routes, {requests} requests by an administrator, HR, a manager and the delegate; the delegate saw the relation on {delegateSaw}.");
    }

    /// <summary>
    /// The layout's rail and phone menu list the spaces the reader belongs to (the watchers joined the open union
    /// space themselves): that is their own membership, not the employee's, so it is left out of the check. A page's
    /// own content and the context column stay in.
    /// </summary>
    private static string WithoutOwnNavigation(string body) => OwnNavigation().Replace(body, string.Empty);

    [GeneratedRegex("""<nav class="(rail|tabbar)"[\s\S]*?</nav>""")]
    private static partial Regex OwnNavigation();

    private async Task SetManagerAsync(long personId, long managerId)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RucheDbContext>();
        await db.People.Where(p => p.Id == personId).ExecuteUpdateAsync(s => s.SetProperty(p => p.ManagerId, managerId));
    }

    /// <summary>Every address the route may take with the sample values: each parameter takes each of its candidates.</summary>
    private static IEnumerable<string> Urls(string route, Dictionary<string, string[]> candidates)
    {
        var match = Parameter().Match(route);
        if (!match.Success)
        {
            yield return route;
            yield break;
        }

        var values = candidates.TryGetValue(match.Groups["name"].Value, out var known) ? known : ["x"];
        foreach (var value in values)
        {
            foreach (var url in Urls(string.Concat(route.AsSpan(0, match.Index), Uri.EscapeDataString(value), route.AsSpan(match.Index + match.Length)), candidates))
            {
                yield return url;
            }
        }
    }

    private List<(string Route, bool Anonymous)> GetEndpoints()
    {
        var sources = App.Services.GetRequiredService<EndpointDataSource>();
        return [.. sources.Endpoints.OfType<RouteEndpoint>()
            .Where(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Contains("GET"))
            .Where(e => !e.Metadata.Any(m => m.GetType().Name.Contains("StaticAsset", StringComparison.Ordinal)))
            .Select(e => ("/" + (e.RoutePattern.RawText ?? string.Empty).TrimStart('/'), e.Metadata.GetMetadata<Microsoft.AspNetCore.Authorization.IAllowAnonymous>() is not null))
            .Where(e => !e.Item2 && !e.Item1.Contains("{**", StringComparison.Ordinal) && !e.Item1.Contains("{*", StringComparison.Ordinal))
            .Where(e => !Skipped.Any(prefix => e.Item1.StartsWith(prefix, StringComparison.Ordinal)))
            .Distinct()
            .OrderBy(e => e.Item1, StringComparer.Ordinal)];
    }

    [GeneratedRegex(@"\{(?<name>[A-Za-z]+)(:(?<constraint>[a-z]+))?\??\}")]
    private static partial Regex Parameter();
}

public sealed class UnionPrivacyMatrixTestsOnSqlite(SqliteApp app) : UnionPrivacyMatrixTests(app), IClassFixture<SqliteApp>;

public sealed class UnionPrivacyMatrixTestsOnPostgres(PostgresApp app) : UnionPrivacyMatrixTests(app), IClassFixture<PostgresApp>;
