using System.Text;
using Ruche.Tests.Infrastructure;

namespace Ruche.Tests.Feeds;

/// <summary>
/// The weight of what a reader downloads: the home page's HTML with a full first page of 20 posts (each with an
/// image, comments and reactions), and the CSS and JavaScript the app ships. Measured on main before the in-place
/// actions: 127 KB of HTML for these posts (every reaction its own form); the bound keeps it from growing back.
/// </summary>
public abstract class PageWeightTests(RucheApp app) : ProviderTests(app)
{
    /// <summary>
    /// 127,349 bytes before issue 15; 95,164 once a post's reactions share one form; 105,517 with the navigation rail,
    /// the reader's spaces, the phone tab bar and the context column. The bound leaves a little room.
    /// </summary>
    private const int HomeHtmlBound = 110_000;

    [Fact]
    public async Task The_home_page_with_twenty_posts_stays_light()
    {
        var reader = await NewPersonAsync("Reader");
        var author = await NewPersonAsync("Author");
        var colleague = await NewPersonAsync("Colleague");
        await reader.FollowAsync(author);
        for (var i = 0; i < 20; i++)
        {
            var image = await author.UploadImageAsync(TestImages.Png((byte)i, 2, 3));
            var post = await author.PostAsync($"Point d'étape n°{i} du projet **Ruche** avec #jalon et une phrase de plus pour faire un vrai message.", images: [image.Id]);
            await reader.ReactAsync(post, "like");
            await colleague.ReactAsync(post, "celebrate");
            await colleague.CommentAsync(post, "Bravo à toute l'équipe !");
            await reader.CommentAsync(post, "Merci pour le partage.");
        }

        var browser = await App.SignInWithBrowserCookiesAsync(reader);
        var html = await browser.PageAsync("/");
        var bytes = Encoding.UTF8.GetByteCount(html);
        Assert.Equal(20, CountOf(html, "<article class=\"post\""));

        var assets = ShippedAssets();
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"Home page HTML with 20 posts: {bytes} bytes ({bytes / 1024.0:0.0} KB). " +
            $"CSS shipped: {assets.Css} bytes, JS shipped: {assets.Js} bytes (wwwroot without lib).");
        Assert.True(bytes < HomeHtmlBound, $"The home page weighs {bytes} bytes, over {HomeHtmlBound}.");
    }

    private static int CountOf(string text, string part)
    {
        var count = 0;
        for (var at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + part.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    private static (long Css, long Js) ShippedAssets()
    {
        var root = Path.Combine(SourceFiles.RepositoryRoot, "src", "Ruche.Web", "wwwroot");
        long Sum(string folder, string pattern) =>
            Directory.EnumerateFiles(Path.Combine(root, folder), pattern, SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length);
        return (Sum("css", "*.css"), Sum("js", "*.js"));
    }
}

public sealed class PageWeightTestsOnSqlite(SqliteApp app) : PageWeightTests(app), IClassFixture<SqliteApp>;

public sealed class PageWeightTestsOnPostgres(PostgresApp app) : PageWeightTests(app), IClassFixture<PostgresApp>;
