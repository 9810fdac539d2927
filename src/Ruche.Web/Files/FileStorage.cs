using Ruche.Core.Files;

namespace Ruche.Web.Files;

/// <summary>Binds "Ruche:Files" and registers the store it names (docs/deployment.md "Files").</summary>
public static class FileStorage
{
    public static IServiceCollection AddRucheFileStore(this IServiceCollection services, IConfiguration configuration, string filesDir)
    {
        var section = configuration.GetSection(FileSettings.Section);
        services.Configure<FileSettings>(section);
        var settings = section.Get<FileSettings>() ?? new FileSettings();
        services.AddSingleton(Create(settings.Store, settings, filesDir));
        return services;
    }

    /// <summary>The store of that name ("Local" or "S3", any case) with these settings.</summary>
    public static IFileStore Create(string name, FileSettings settings, string filesDir) => name.ToLowerInvariant() switch
    {
        "local" => new LocalFileStore(filesDir),
        "s3" => new S3FileStore(settings.S3),
        _ => throw new InvalidOperationException($"Ruche:Files:Store is \"{name}\": Local or S3."),
    };

    /// <summary>
    /// The <c>move-files --to s3|local</c> command: copies every file from the other store to the one named, prints the
    /// counts, and exits non-zero when something is missing or failed. Set Ruche:Files:Store to the target afterwards.
    /// </summary>
    public static async Task<int> MoveAsync(IServiceProvider services, IReadOnlyList<string> args, string filesDir)
    {
        var at = args.ToList().IndexOf("--to");
        var to = at >= 0 && at + 1 < args.Count ? args[at + 1] : null;
        if (to is null || !(to.Equals("s3", StringComparison.OrdinalIgnoreCase) || to.Equals("local", StringComparison.OrdinalIgnoreCase)))
        {
            Console.Error.WriteLine("Usage: move-files --to s3|local (copies from the other store; Ruche:Files:S3 says where the bucket is).");
            return 2;
        }

        var settings = services.GetRequiredService<Microsoft.Extensions.Options.IOptions<FileSettings>>().Value;
        var from = to.Equals("s3", StringComparison.OrdinalIgnoreCase) ? "local" : "s3";
        var source = Create(from, settings, filesDir);
        var target = Create(to, settings, filesDir);
        try
        {
            if (target is S3FileStore bucket)
            {
                await bucket.EnsureBucketAsync(CancellationToken.None);
            }

            await using var scope = services.CreateAsyncScope();
            var report = await scope.ServiceProvider.GetRequiredService<FileMover>().CopyAsync(source, target, CancellationToken.None);
            Console.WriteLine($"move-files {from} → {to}: {report}");
            return report.Missing + report.Failed == 0 ? 0 : 1;
        }
        finally
        {
            (source as IDisposable)?.Dispose();
            (target as IDisposable)?.Dispose();
        }
    }
}
