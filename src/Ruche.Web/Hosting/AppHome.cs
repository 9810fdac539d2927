namespace Ruche.Web.Hosting;

/// <summary>
/// Where Ruche finds its own files (appsettings.json, its stylesheet and scripts), wherever it is started from.
/// The host's default content root is the current directory: started as <c>cd /tmp &amp;&amp; dotnet /opt/ruche/Ruche.Web.dll</c>
/// it read no settings and served empty stylesheets. The data folder stays relative to the current directory (README).
/// </summary>
public static class AppHome
{
    /// <summary>The file every copy of the app carries beside it; a folder without it does not hold the app.</summary>
    private const string SettingsFile = "appsettings.json";

    /// <summary>
    /// The current directory when it holds the app (<c>dotnet run</c>, or started from the published folder), else the
    /// folder of the app's own assembly; a content root given explicitly (<c>--contentRoot</c>, <c>ASPNETCORE_CONTENTROOT</c>)
    /// is kept as it is.
    /// </summary>
    public static WebApplicationOptions Options(string[] args)
    {
        var explicitRoot = new ConfigurationBuilder()
            .AddEnvironmentVariables("DOTNET_")
            .AddEnvironmentVariables("ASPNETCORE_")
            .AddCommandLine(args)
            .Build()[WebHostDefaults.ContentRootKey];
        var current = Directory.GetCurrentDirectory();
        var root = !string.IsNullOrEmpty(explicitRoot) || File.Exists(Path.Combine(current, SettingsFile))
            ? null
            : AppContext.BaseDirectory;
        return new WebApplicationOptions { Args = args, ContentRootPath = root };
    }

    /// <summary>
    /// Run from the build output (not published), the stylesheet and scripts stay in the project and the framework's
    /// package, listed by the static web assets manifest beside the assembly. The host reads that manifest only in
    /// Development; elsewhere every asset answered 200 with an empty body. A published app has no such manifest (its
    /// files are in its wwwroot), and then this does nothing.
    /// </summary>
    public static void UseOwnWebAssets(this WebApplicationBuilder builder) => builder.WebHost.UseStaticWebAssets();

    /// <summary>Refuses to start rather than serve unstyled pages without scripts: says where the files were looked for.</summary>
    public static void RequireWebAssets(this IWebHostEnvironment environment)
    {
        string[] required = ["css/site.css", "js/ruche.js", "_framework/blazor.web.js"];
        var missing = required.Where(path => !environment.WebRootFileProvider.GetFileInfo(path).Exists).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidOperationException(
                $"Ruche cannot find its web files ({string.Join(", ", missing)}) under {environment.WebRootPath ?? "(no wwwroot)"} " +
                $"(content root {environment.ContentRootPath}). Start it from its published folder, or with --contentRoot naming it.");
        }
    }
}
