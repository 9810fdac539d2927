using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Ruche.Core.Data;
using Ruche.Core.Profiles;
using Ruche.Tests.Infrastructure;
using Ruche.Web.People;

namespace Ruche.Tests.People;

/// <summary>Finding people by name for the pickers: active people only, for signed-in readers only.</summary>
public abstract class PeopleLookupTests(RucheApp app) : ProviderTests(app)
{
    [Fact]
    public async Task The_people_picker_suggests_active_people_by_name_or_handle_to_signed_in_readers_only()
    {
        var family = "Zebulon" + Guid.NewGuid().ToString("N")[..6];
        var active = await NewPersonAsync($"Ana {family}");
        var gone = await NewPersonAsync($"Bruno {family}");
        var reader = await NewPersonAsync("Lectrice");
        await using (var scope = App.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<RucheDbContext>().People.Where(p => p.Id == gone.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(p => p.IsActive, false));
        }

        var browser = await App.SignInWithBrowserCookiesAsync(reader);
        var byName = await Suggestions(browser, family);
        Assert.Equal([active.Id], byName.Select(p => p.Id));
        Assert.Equal(active.Handle, byName[0].Handle);
        Assert.Equal(active.Name, byName[0].Name);
        Assert.Equal([active.Id], (await Suggestions(browser, "@" + active.Handle)).Select(p => p.Id));
        Assert.Empty(await Suggestions(browser, gone.Handle));
        Assert.Empty(await Suggestions(browser, "a"));

        var anonymous = await App.NewBrowser().GetAsync($"/ui/people/lookup?q={Uri.EscapeDataString(family)}");
        Assert.NotEqual(HttpStatusCode.OK, anonymous.StatusCode);
        Assert.DoesNotContain(family, await anonymous.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // The API answers tokens the same way: active people, as many as asked for.
        var listed = await reader.GetAsync<List<DirectoryEntry>>($"/api/v1/people?search={Uri.EscapeDataString(family)}&limit=5");
        Assert.Equal([active.Id], listed.Select(p => p.Id));
        Assert.Equal(HttpStatusCode.Unauthorized, (await App.Anonymous().GetAsync($"/api/v1/people?search={Uri.EscapeDataString(family)}")).StatusCode);
    }

    private static async Task<List<PersonSuggestion>> Suggestions(HttpClient browser, string typed)
    {
        var response = await browser.GetAsync($"/ui/people/lookup?q={Uri.EscapeDataString(typed)}");
        await Actor.ExpectAsync(response, HttpStatusCode.OK);
        return (await response.Content.ReadFromJsonAsync<List<PersonSuggestion>>(Actor.Json))!;
    }
}

public sealed class PeopleLookupTestsOnSqlite(SqliteApp app) : PeopleLookupTests(app), IClassFixture<SqliteApp>;

public sealed class PeopleLookupTestsOnPostgres(PostgresApp app) : PeopleLookupTests(app), IClassFixture<PostgresApp>;
