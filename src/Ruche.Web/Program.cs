using Ruche.Web.Hosting;

var builder = WebApplication.CreateBuilder(AppHome.Options(args));
builder.UseOwnWebAssets();
builder.AddRuche();
var app = builder.Build();

// "migrate" applies the schema (and base rows) and exits: with several nodes, run it once before starting them.
var options = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<RucheOptions>>().Value;
if (args.Contains("migrate", StringComparer.Ordinal))
{
    await DatabaseStartup.MigrateAsync(app.Services);
    if (options.Cluster)
    {
        // The first signing key is made here, once, so nodes starting together all read the same one.
        DatabaseStartup.EnsureSigningKey(app.Services);
    }

    return;
}

// "verify-audit" walks the audit chain and exits non-zero when an entry was changed or removed.
if (args.Contains("verify-audit", StringComparer.Ordinal))
{
    await using var scope = app.Services.CreateAsyncScope();
    var result = await scope.ServiceProvider.GetRequiredService<Ruche.Core.Audit.AuditLog>().VerifyAsync(CancellationToken.None);
    Console.WriteLine(result.Intact
        ? $"Audit log intact: {result.EntriesChecked} entries verified."
        : $"Audit log BROKEN at entry {result.FirstBrokenId} (after {result.EntriesChecked} intact entries).");
    Environment.ExitCode = result.Intact ? 0 : 1;
    return;
}

// "reindex-search" rebuilds the search index from the content (after restoring a backup, or to apply a new analyser).
if (args.Contains("reindex-search", StringComparer.Ordinal))
{
    await DatabaseStartup.ReindexSearchAsync(app.Services);
    return;
}

// "move-files --to s3|local" copies every uploaded file from the other store to that one (docs/deployment.md "Files").
if (args.Contains("move-files", StringComparer.Ordinal))
{
    Environment.ExitCode = await Ruche.Web.Files.FileStorage.MoveAsync(app.Services, args, options.FilesDirFullPath);
    return;
}

// "reprocess-images" re-encodes images stored before the image pipeline, dropping what the camera wrote (GPS included).
if (args.Contains("reprocess-images", StringComparer.Ordinal))
{
    await using var scope = app.Services.CreateAsyncScope();
    var report = await scope.ServiceProvider.GetRequiredService<Ruche.Core.Files.ImageReprocessing>().RunAsync(CancellationToken.None);
    Console.WriteLine($"reprocess-images: {report}");
    Environment.ExitCode = report.Missing + report.Unreadable == 0 ? 0 : 1;
    return;
}

// A cluster node never migrates: the schema is the migrate command's, run once before the nodes start; a node
// on an older schema reports not ready (/health/ready) instead of serving.
if (options.MigrateOnStart && !options.Cluster)
{
    await DatabaseStartup.MigrateAsync(app.Services);
}

app.UseRuche();
await app.RunAsync();

/// <summary>The entry point, visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
