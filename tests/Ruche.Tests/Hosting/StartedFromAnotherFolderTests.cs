using System.Net;
using System.Text.RegularExpressions;
using Ruche.Tests.Infrastructure;

namespace Ruche.Tests.Hosting;

/// <summary>
/// Started as <c>cd /tmp &amp;&amp; dotnet /path/Ruche.Web.dll</c>, Ruche served its stylesheet and scripts as empty 200s
/// and read none of its appsettings.json (its content root was the current directory).
/// </summary>
public sealed partial class StartedFromAnotherFolderTests(BuiltAppProcess app) : IClassFixture<BuiltAppProcess>
{
    [Theory]
    [InlineData("identity")]
    [InlineData("gzip, br")]
    public async Task The_pages_stylesheet_and_scripts_are_served_with_their_content(string acceptEncoding)
    {
        using var client = new HttpClient(new HttpClientHandler { AutomaticDecompression = DecompressionMethods.None, AllowAutoRedirect = false }) { BaseAddress = app.Address };
        using var decoding = new HttpClient(new HttpClientHandler { AutomaticDecompression = DecompressionMethods.All }) { BaseAddress = app.Address };
        var page = await client.GetStringAsync(new Uri("login", UriKind.Relative));
        var stylesheet = StylesheetLink().Match(page).Groups["href"].Value;
        var script = ModuleScript().Match(page).Groups["src"].Value;
        Assert.StartsWith("css/site.", stylesheet, StringComparison.Ordinal);
        Assert.StartsWith("js/ruche.", script, StringComparison.Ordinal);

        foreach (var (path, source) in new[] { (stylesheet, "css/site.css"), (script, "js/ruche.js") })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.TryAddWithoutValidation("Accept-Encoding", acceptEncoding);
            using var response = await decoding.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var expected = await File.ReadAllTextAsync(Path.Combine(BuildOutput.RepositoryRoot(), "src", "Ruche.Web", "wwwroot", source));
            Assert.Equal(expected, await response.Content.ReadAsStringAsync());
        }

        using var framework = new HttpRequestMessage(HttpMethod.Get, "_framework/blazor.web.js");
        framework.Headers.TryAddWithoutValidation("Accept-Encoding", acceptEncoding);
        using var frameworkResponse = await decoding.SendAsync(framework);
        Assert.Equal(HttpStatusCode.OK, frameworkResponse.StatusCode);
        Assert.True((await frameworkResponse.Content.ReadAsByteArrayAsync()).Length > 10_000, "blazor.web.js came back (nearly) empty");
    }

    [Fact]
    public async Task Its_own_appsettings_json_is_read()
    {
        // A request that reads the database: without appsettings.json ("Microsoft.EntityFrameworkCore": "Warning") every
        // SQL command is logged at Information, as the start-up migrations already were.
        using var client = new HttpClient { BaseAddress = app.Address };
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("health/ready", UriKind.Relative))).StatusCode);

        var log = app.Log;
        Assert.Contains("Content root path: " + BuiltAppProcess.AppFolder, log, StringComparison.Ordinal);
        Assert.DoesNotContain("Executed DbCommand", log, StringComparison.Ordinal);
    }

    [GeneratedRegex("""<link rel="stylesheet" href="(?<href>[^"]+)" />""")]
    private static partial Regex StylesheetLink();

    [GeneratedRegex("""<script type="module" src="(?<src>[^"]+)"></script>""")]
    private static partial Regex ModuleScript();
}
