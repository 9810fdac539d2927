using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using System.Web;
using Microsoft.Playwright;

namespace Ruche.BrowserTests;

public sealed record CrawlFailure(string Role, string Url, string Problem, string? From)
{
    public override string ToString() => From is null ? $"{Role} {Url}: {Problem}" : $"{Role} {Url}: {Problem} (linked from {From})";
}

/// <summary>What one signed-in crawl saw.</summary>
public sealed class CrawlReport(string role)
{
    public string Role { get; } = role;

    /// <summary>Pages read for their layout, texts and links (navigated in Chromium or fetched and parsed).</summary>
    public int PagesCrawled { get; set; }

    /// <summary>Of those, the pages Chromium navigated to, with their console and their requests watched.</summary>
    public int PagesNavigated { get; set; }

    /// <summary>Distinct URLs whose answer was checked: pages, GET forms' results, downloads.</summary>
    public int LinksChecked { get; set; }

    /// <summary>Distinct same-origin URLs met in links and GET forms, checked or not (the page limit stops the crawl).</summary>
    public int LinksFound { get; set; }

    /// <summary>Links and forms left alone because they change something (POST forms, sign-out, deletions, /ui/).</summary>
    public int StateChangingSkipped => StateChanging.Count;

    public HashSet<string> StateChanging { get; } = new(StringComparer.Ordinal);

    public TimeSpan Elapsed { get; set; }

    public List<CrawlFailure> Failures { get; } = [];

    public List<string> Crawled { get; } = [];

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Role}: {PagesCrawled} pages crawled ({PagesNavigated} in Chromium), {LinksChecked} links checked of {LinksFound} found, {StateChangingSkipped} state-changing skipped, {Failures.Count} failures, {Elapsed.TotalSeconds:0.0} s");
}

/// <summary>
/// Crawls Ruche as one signed-in person: the main pages in Chromium (console errors and failed requests count), then
/// every same-origin link and GET form within <see cref="MaxDepth"/> clicks through the context's request API, which
/// shares the browser's cookies and answers much faster than a navigation. Breadth goes to kinds of page first: the
/// next page is taken from the route seen least so far, so 150 pages cover every kind of link rather than 150 posts.
/// </summary>
public sealed partial class SiteCrawler(Uri origin, string role, IPage page, string language)
{
    /// <summary>Pages per crawl: 150 keeps CI to about a minute; RUCHE_CRAWL_PAGES=2000 crawls all within three clicks.</summary>
    public static int MaxPages { get; } =
        int.TryParse(Environment.GetEnvironmentVariable("RUCHE_CRAWL_PAGES"), CultureInfo.InvariantCulture, out var pages) ? pages : 150;

    public const int MaxDepth = 3;
    private const int MaxDownloads = 40;
    private const string SampleQuery = "projet";

    private readonly CrawlReport report = new(role);
    private readonly Dictionary<string, Target> seen = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Queue<Target>> queues = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> crawledPerShape = new(StringComparer.Ordinal);
    private readonly HashSet<string> reported = new(StringComparer.Ordinal);
    private readonly HashSet<string> checkedDownloads = new(StringComparer.Ordinal);
    private int downloads;
    private int order;

    private sealed record Target(Uri Url, string Key, string Shape, int Depth, string? From, bool Download, int Order);

    public async Task<CrawlReport> CrawlAsync()
    {
        var clock = Stopwatch.StartNew();
        page.Console += OnConsole;
        page.PageError += OnPageError;
        page.RequestFailed += OnRequestFailed;
        page.Response += OnResponse;
        try
        {
            var mains = await MainPagesAsync();
            foreach (var main in mains)
            {
                seen[main.Key] = main;
            }

            foreach (var main in mains)
            {
                await NavigateAsync(main);
            }

            await NotFoundPageAsync();
        }
        finally
        {
            page.Console -= OnConsole;
            page.PageError -= OnPageError;
            page.RequestFailed -= OnRequestFailed;
            page.Response -= OnResponse;
        }

        var parser = await page.Context.NewPageAsync();
        try
        {
            while (report.PagesCrawled < MaxPages && Next() is { } target)
            {
                await FetchAsync(target, parser);
            }

            foreach (var download in seen.Values.Where(t => t.Download && !checkedDownloads.Contains(t.Key)).Take(MaxDownloads - downloads).ToList())
            {
                await CheckDownloadAsync(download);
            }
        }
        finally
        {
            await parser.CloseAsync();
        }

        report.LinksFound = seen.Count;
        report.Elapsed = clock.Elapsed;
        return report;
    }

    // ---- the main pages, in Chromium ----

    private Uri At(string pathAndQuery) => new(origin, pathAndQuery);

    /// <summary>
    /// Home, company, spaces, a space, a post, goals, a team board, events, an event, search, notifications, settings,
    /// the profile, and administration and moderation for whoever the header leads there. The ones with an id are
    /// found the way a person finds them: from the pages that list them.
    /// </summary>
    private async Task<List<Target>> MainPagesAsync()
    {
        var mains = new List<Target>();
        void Add(Uri url) => mains.Add(new Target(url, KeyOf(url), ShapeOf(url), 0, null, false, order++));

        await page.GotoAsync(At("/").ToString());
        var home = await PageFacts.OfDocumentAsync(page);
        var homeLinks = Resolve(At("/"), home).ToList();
        foreach (var path in new[] { "/", "/company", "/spaces", "/goals", "/events", "/voice", "/ideas", "/irritants", "/irritants/trends", "/surveys", "/unions", "/report", $"/search?q={SampleQuery}", "/notifications", "/settings" })
        {
            Add(At(path));
        }

        Add(FirstLink(homeLinks, PageLinks.Profile(), "/", "the profile in the header"));
        Add(FirstLink(homeLinks, PageLinks.Post(), "/", "a post"));
        foreach (var staffOnly in new[] { "/admin", "/moderation" })
        {
            if (homeLinks.Any(link => link.AbsolutePath == staffOnly))
            {
                Add(At(staffOnly));
            }
        }

        var spaces = await ReadAsync(At("/spaces"));
        var spaceLinks = spaces.Where(link => PageLinks.Space().IsMatch(link.AbsolutePath)).Distinct().ToList();
        Add(FirstLink(spaceLinks, PageLinks.Space(), "/spaces", "a space"));
        foreach (var space in spaceLinks.Take(30))
        {
            var board = (await ReadAsync(space)).FirstOrDefault(link => PageLinks.Board().IsMatch(link.AbsolutePath) && link.Query.Length == 0);
            if (board is not null)
            {
                Add(board);
                Add(new Uri(board, "team"));
                break;
            }
        }

        if (!mains.Any(main => PageLinks.Board().IsMatch(main.Url.AbsolutePath)))
        {
            Fail(At("/spaces").ToString(), "no team space lists a team board for this person", null);
        }

        var events = await ReadAsync(At("/events"));
        Add(FirstLink(events, PageLinks.Event(), "/events", "an event"));
        return mains.DistinctBy(main => main.Key).ToList();
    }

    private Uri FirstLink(List<Uri> links, Regex kind, string listedOn, string what)
    {
        var found = links.FirstOrDefault(link => kind.IsMatch(link.AbsolutePath) && link.Query.Length == 0);
        if (found is null)
        {
            Fail(At(listedOn).ToString(), $"no link to {what} to start from", null);
            return At(listedOn);
        }

        return found;
    }

    /// <summary>The links of a page fetched through the context, without counting it (to find where to start).</summary>
    private async Task<List<Uri>> ReadAsync(Uri url)
    {
        var response = await page.Context.APIRequest.GetAsync(url.ToString(), RequestOptions());
        try
        {
            var facts = await PageFacts.OfHtmlAsync(page, await response.TextAsync());
            return Resolve(url, facts).ToList();
        }
        finally
        {
            await response.DisposeAsync();
        }
    }

    private async Task NavigateAsync(Target target)
    {
        var navigating = target.Url.ToString();
        IResponse? response;
        try
        {
            response = await page.GotoAsync(navigating, new() { WaitUntil = WaitUntilState.Load });
        }
        catch (PlaywrightException e)
        {
            Fail(navigating, $"navigation failed: {FirstLine(e.Message)}", target.From);
            return;
        }

        report.PagesNavigated++;
        Count(target);
        if (response is null || response.Status >= 400)
        {
            Fail(navigating, $"HTTP {response?.Status}", target.From);
        }

        if (new Uri(page.Url).AbsolutePath == "/login")
        {
            Fail(navigating, "sent to the sign-in page", target.From);
        }

        Check(target, await PageFacts.OfDocumentAsync(page));
    }

    /// <summary>A missing page answers 404 in the layout (the error page), without console errors.</summary>
    private async Task NotFoundPageAsync()
    {
        var url = At("/no-such-page-" + Guid.NewGuid().ToString("N")[..6]).ToString();
        notFoundProbe = url;
        var response = await page.GotoAsync(url);
        report.PagesNavigated++;
        report.PagesCrawled++;
        report.LinksChecked++;
        if (response?.Status != 404)
        {
            Fail(url, $"a missing page answers HTTP {response?.Status}, not 404", null);
        }

        var facts = await PageFacts.OfDocumentAsync(page);
        CheckFacts(url, null, facts);
        CheckInPageLinks(url, new Uri(url), facts);
    }

    private string? notFoundProbe;

    private void OnConsole(object? sender, IConsoleMessage message)
    {
        // Chromium logs the probe's own 404 as a console error; a resource missing from that page is caught by OnResponse.
        if (page.Url == notFoundProbe && message.Text.StartsWith("Failed to load resource: the server responded with a status of 404", StringComparison.Ordinal))
        {
            return;
        }

        if (message.Type == "error")
        {
            Fail(page.Url, $"console error: {FirstLine(message.Text)}", null);
        }
    }

    private void OnPageError(object? sender, string error) => Fail(page.Url, $"script error: {FirstLine(error)}", null);

    private void OnRequestFailed(object? sender, IRequest request)
    {
        // Leaving a page cancels what it still had in flight (the live channel's connection): that is not a failure.
        if (request.Failure is "net::ERR_ABORTED" && !request.IsNavigationRequest)
        {
            return;
        }

        Fail(request.Url, $"request failed: {request.Failure}", page.Url);
    }

    private void OnResponse(object? sender, IResponse response)
    {
        // The main document's status is checked by the navigation itself (the 404 probe expects one).
        if (response.Status >= 400 && !response.Request.IsNavigationRequest)
        {
            Fail(response.Url, $"HTTP {response.Status} for a resource", page.Url);
        }
    }

    // ---- everything else, through the context's request API ----

    private Target? Next()
    {
        var best = queues.Where(queue => queue.Value.Count > 0)
            .OrderBy(queue => crawledPerShape.GetValueOrDefault(queue.Key))
            .ThenBy(queue => queue.Value.Peek().Depth)
            .ThenBy(queue => queue.Value.Peek().Order)
            .Select(queue => queue.Value)
            .FirstOrDefault();
        return best?.Dequeue();
    }

    private async Task FetchAsync(Target target, IPage parser)
    {
        IAPIResponse response;
        try
        {
            response = await page.Context.APIRequest.GetAsync(target.Url.ToString(), RequestOptions());
        }
        catch (PlaywrightException e)
        {
            Fail(target.Url.ToString(), $"request failed: {FirstLine(e.Message)}", target.From);
            return;
        }

        try
        {
            Count(target);
            var url = target.Url.ToString();
            if (response.Status >= 400)
            {
                Fail(url, $"HTTP {response.Status}", target.From);
            }

            if (new Uri(response.Url).AbsolutePath == "/login")
            {
                Fail(url, "sent to the sign-in page", target.From);
                return;
            }

            var type = response.Headers.GetValueOrDefault("content-type") ?? "";
            if (!type.StartsWith("text/html", StringComparison.Ordinal))
            {
                Fail(url, $"answers {type} where a page was expected", target.From);
                return;
            }

            Check(target, await PageFacts.OfHtmlAsync(parser, await response.TextAsync()), new Uri(response.Url));
        }
        finally
        {
            await response.DisposeAsync();
        }
    }

    private async Task CheckDownloadAsync(Target target)
    {
        checkedDownloads.Add(target.Key);
        downloads++;
        report.LinksChecked++;
        await using var response = await page.Context.APIRequest.GetAsync(target.Url.ToString(), RequestOptions());
        if (response.Status != 200)
        {
            Fail(target.Url.ToString(), $"download answers HTTP {response.Status}", target.From);
        }
    }

    private APIRequestContextOptions RequestOptions() => new()
    {
        // As the browser asks: a page, in the context's language (the reader's own setting still decides).
        Headers = new Dictionary<string, string>
        {
            ["Accept"] = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
            ["Accept-Language"] = language == "en" ? "en-GB,en;q=0.9" : "fr-FR,fr;q=0.9",
        },
        MaxRedirects = 10,
        Timeout = 60_000,
    };

    private void Count(Target target)
    {
        report.PagesCrawled++;
        report.LinksChecked++;
        report.Crawled.Add($"{target.Depth} {target.Url.PathAndQuery}");
        crawledPerShape[target.Shape] = crawledPerShape.GetValueOrDefault(target.Shape) + 1;
    }

    // ---- what every page must be, and where it leads ----

    private void Check(Target target, PageFacts facts, Uri? finalUrl = null)
    {
        var url = target.Url.ToString();
        var document = finalUrl ?? target.Url;
        CheckFacts(url, target.From, facts);
        CheckInPageLinks(url, document, facts);
        if (target.Depth >= MaxDepth)
        {
            return;
        }

        foreach (var link in facts.Links)
        {
            if (link.Href.StartsWith('#'))
            {
                continue;
            }

            if (TryResolve(document, facts.BaseHref, link.Href) is { } next)
            {
                Enqueue(next, target, link.Download);
            }
        }

        foreach (var form in facts.Forms)
        {
            if (form.Method != "get")
            {
                report.StateChanging.Add($"{form.Method.ToUpperInvariant()} {form.Action}");
                continue;
            }

            // An empty action submits to the document's own address, whatever the base; the fields replace its query.
            var action = string.IsNullOrEmpty(form.Action) ? document : TryResolve(document, facts.BaseHref, form.Action);
            if (action is null)
            {
                continue;
            }

            var query = string.Join('&', form.Fields.Select(field =>
                $"{Uri.EscapeDataString(field.Name)}={Uri.EscapeDataString(Filled(field))}"));
            Enqueue(new UriBuilder(action) { Query = query, Fragment = "" }.Uri, target, false);
        }
    }

    private void CheckFacts(string url, string? from, PageFacts facts)
    {
        if (facts.Lang != language)
        {
            Fail(url, $"<html lang=\"{facts.Lang}\">, expected \"{language}\"", from);
        }

        if (!facts.Title.EndsWith("· Ruche", StringComparison.Ordinal))
        {
            Fail(url, $"title \"{facts.Title}\" does not end with \"· Ruche\"", from);
        }

        if (!facts.Stylesheets.Any(href => href.Contains("css/site", StringComparison.Ordinal)))
        {
            Fail(url, "no stylesheet link", from);
        }

        if (!facts.HasHeader)
        {
            Fail(url, "no header.top", from);
        }

        foreach (var key in UiTextChecks.RawKeys(facts.Text))
        {
            Fail(url, $"raw resource key \"{key}\"", from);
        }

        if (language == "en")
        {
            foreach (var french in UiTextChecks.FrenchOnEnglishPage(facts.UiTexts))
            {
                Fail(url, $"French text on an English page: \"{french}\"", from);
            }
        }
    }

    /// <summary>
    /// A link to a place in the page ("#main") is resolved against the document's base like any other: under
    /// base href="/" it leads to the home page, not down this one.
    /// </summary>
    private void CheckInPageLinks(string url, Uri document, PageFacts facts)
    {
        foreach (var link in facts.Links.Where(link => link.Href.StartsWith('#') && link.Href.Length > 1).DistinctBy(link => link.Href))
        {
            if (TryResolve(document, facts.BaseHref, link.Href) is { } resolved && resolved.PathAndQuery != document.PathAndQuery)
            {
                Fail(url, $"the in-page link \"{link.Href}\" leads to {resolved.PathAndQuery} (the document's base), not down this page", null);
            }
        }
    }

    /// <summary>What a person types in a required field left empty; other fields go as the page fills them.</summary>
    private static string Filled(FormField field) => field is { Required: true, Value: "" }
        ? field.Type switch
        {
            "date" => DateOnly.FromDateTime(TimeProvider.System.GetLocalNow().DateTime).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            "number" => "1",
            _ => SampleQuery,
        }
        : field.Value;

    private void Enqueue(Uri url, Target from, bool download)
    {
        if (url.Scheme != origin.Scheme || url.Authority != origin.Authority)
        {
            return;
        }

        if (ChangesState(url))
        {
            report.StateChanging.Add(url.PathAndQuery);
            return;
        }

        var key = KeyOf(url);
        if (seen.ContainsKey(key))
        {
            return;
        }

        var path = url.AbsolutePath;
        download |= path.StartsWith("/files/", StringComparison.Ordinal) || path.EndsWith(".ics", StringComparison.Ordinal)
            || path.StartsWith("/api/", StringComparison.Ordinal) || path.StartsWith("/calendar/", StringComparison.Ordinal);
        var target = new Target(url, key, ShapeOf(url), from.Depth + 1, from.Url.PathAndQuery, download, order++);
        seen[key] = target;
        if (!download)
        {
            if (!queues.TryGetValue(target.Shape, out var queue))
            {
                queues[target.Shape] = queue = new Queue<Target>();
            }

            queue.Enqueue(target);
        }
    }

    /// <summary>Sign-out, deletions and the form endpoints under /ui/ act; the crawler only reads.</summary>
    private static bool ChangesState(Uri url)
    {
        var path = url.AbsolutePath;
        var query = HttpUtility.ParseQueryString(url.Query);
        return path.StartsWith("/ui/", StringComparison.Ordinal)
            || path.Contains("logout", StringComparison.OrdinalIgnoreCase)
            || path.StartsWith("/hub", StringComparison.Ordinal)
            || query.AllKeys.Any(name => name is not null && name.Contains("delete", StringComparison.OrdinalIgnoreCase))
            || (query.GetValues(null)?.Any(flag => flag.Contains("delete", StringComparison.OrdinalIgnoreCase)) ?? false);
    }

    private static IEnumerable<Uri> Resolve(Uri document, PageFacts facts) =>
        facts.Links.Where(link => !link.Href.StartsWith('#')).Select(link => TryResolve(document, facts.BaseHref, link.Href)).OfType<Uri>();

    /// <summary>As the browser resolves it: against the document's base (Ruche's layout sets base href="/").</summary>
    private static Uri? TryResolve(Uri document, string? baseHref, string href)
    {
        var baseUri = string.IsNullOrEmpty(baseHref) ? document : new Uri(document, baseHref);
        if (!Uri.TryCreate(baseUri, href.Trim(), out var url) || url.Scheme is not ("http" or "https"))
        {
            return null;
        }

        return new UriBuilder(url) { Fragment = "" }.Uri;
    }

    /// <summary>The same page whatever the order of its query or its empty fields.</summary>
    private static string KeyOf(Uri url)
    {
        var query = HttpUtility.ParseQueryString(url.Query);
        var pairs = query.AllKeys.Where(name => name is not null)
            .SelectMany(name => query.GetValues(name)!.Where(value => value.Length > 0).Select(value => $"{name}={value}"))
            .Order(StringComparer.Ordinal);
        var normalized = string.Join('&', pairs);
        return normalized.Length == 0 ? url.AbsolutePath : $"{url.AbsolutePath}?{normalized}";
    }

    /// <summary>The kind of page: /posts/{n}?share, /people/{x}, /search?q&amp;type…</summary>
    private static string ShapeOf(Uri url)
    {
        var segments = url.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < segments.Length; i++)
        {
            if (segments[i].All(char.IsAsciiDigit) || (i == 1 && segments[0] is "people" or "tags" or "invitation"))
            {
                segments[i] = "{}";
            }
        }

        var query = HttpUtility.ParseQueryString(url.Query);
        var names = query.AllKeys.Where(name => name is not null && query[name]!.Length > 0).Order(StringComparer.Ordinal);
        return "/" + string.Join('/', segments) + "?" + string.Join('&', names);
    }

    private void Fail(string url, string problem, string? from)
    {
        lock (report)
        {
            var path = url.StartsWith("http", StringComparison.Ordinal) && new Uri(url) is var absolute && absolute.Authority == origin.Authority
                ? absolute.PathAndQuery
                : url;
            var fromPath = from is not null && from.StartsWith("http", StringComparison.Ordinal) ? new Uri(from).PathAndQuery : from;
            if (reported.Add(path + "\n" + problem))
            {
                report.Failures.Add(new CrawlFailure(role, path, problem, fromPath));
            }
        }
    }

    private static string FirstLine(string text) => text.Split('\n', 2)[0].Trim();
}
