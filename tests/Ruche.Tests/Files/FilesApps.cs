using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Ruche.Core.Files;
using Ruche.Tests.Infrastructure;
using Ruche.Web.Hosting;

namespace Ruche.Tests.Files;

/// <summary>
/// What the file tests need of their app besides HTTP: the store it writes to, a count of what that store holds, and a
/// switch that makes the next file rows fail to save. Originals are kept (so the tests see them stripped too).
/// </summary>
public interface IFilesApp
{
    RucheApp App { get; }

    /// <summary>"Local" or "S3".</summary>
    string StoreName { get; }

    FailingFileInserts Failures { get; }

    /// <summary>Every object (main contents, renditions, leftovers of a failed write) the store holds.</summary>
    Task<int> StoredObjectsAsync();
}

/// <summary>Fails saving a new file row while <see cref="On"/>: the upload must then leave nothing in the store.</summary>
public sealed class FailingFileInserts : SaveChangesInterceptor
{
    public bool On { get; set; }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (On && eventData.Context!.ChangeTracker.Entries<StoredFile>().Any(e => e.State == Microsoft.EntityFrameworkCore.EntityState.Added))
        {
            throw new InvalidOperationException("The database refused the file row (test).");
        }

        return base.SavingChangesAsync(eventData, result, cancellationToken);
    }
}

internal static class FilesNode
{
    public static void Configure(IWebHostBuilder builder, FailingFileInserts failures, string? s3Endpoint, string bucket)
    {
        builder.UseSetting("Ruche:Files:KeepOriginals", "true");
        builder.UseSetting("Ruche:Files:S3:Bucket", bucket);
        builder.UseSetting("Ruche:Files:S3:AccessKey", TestS3.Key);
        builder.UseSetting("Ruche:Files:S3:SecretKey", TestS3.Key);
        if (s3Endpoint is not null)
        {
            builder.UseSetting("Ruche:Files:S3:Endpoint", s3Endpoint);
        }

        builder.ConfigureTestServices(services => services.AddSingleton<IInterceptor>(failures));
    }

    public static string Bucket() => "ruche-" + Guid.NewGuid().ToString("N")[..12];

    public static Task<int> LocalObjectsAsync(RucheApp app)
    {
        var folder = app.Services.GetRequiredService<IOptions<RucheOptions>>().Value.FilesDirFullPath;
        return Task.FromResult(Directory.Exists(folder) ? Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Count() : 0);
    }

    public static async Task<int> BucketObjectsAsync(string endpoint, string bucket)
    {
        using var client = Client(endpoint);
        var listing = await client.ListObjectsV2Async(new ListObjectsV2Request { BucketName = bucket });
        return listing.S3Objects?.Count ?? 0;
    }

    public static async Task CreateBucketAsync(string endpoint, string bucket)
    {
        using var store = new S3FileStore(TestS3.Settings(endpoint, bucket));
        await store.EnsureBucketAsync(CancellationToken.None);
    }

    private static AmazonS3Client Client(string endpoint) => new(
        new BasicAWSCredentials(TestS3.Key, TestS3.Key),
        new AmazonS3Config { ServiceURL = endpoint, ForcePathStyle = true, AuthenticationRegion = "us-east-1" });
}

/// <summary>The local folder store (the default), on SQLite.</summary>
public sealed class FilesSqliteApp : SqliteApp, IFilesApp
{
    private readonly string bucket = FilesNode.Bucket();
    private string? s3;

    public RucheApp App => this;

    public string StoreName => "Local";

    public FailingFileInserts Failures { get; } = new();

    /// <summary>The S3 server the move command copies to, when there is one here.</summary>
    public string? S3Endpoint => s3;

    public string Bucket => bucket;

    public Task<int> StoredObjectsAsync() => FilesNode.LocalObjectsAsync(this);

    protected override async Task<string?> PrepareNodeAsync()
    {
        (s3, _) = await TestS3.EndpointAsync();
        if (s3 is not null)
        {
            await FilesNode.CreateBucketAsync(s3, bucket);
        }

        return null;
    }

    protected override void ConfigureNode(IWebHostBuilder builder) => FilesNode.Configure(builder, Failures, s3, bucket);
}

/// <summary>The local folder store (the default), on PostgreSQL.</summary>
public sealed class FilesPostgresApp : PostgresApp, IFilesApp
{
    private readonly string bucket = FilesNode.Bucket();
    private string? s3;

    public RucheApp App => this;

    public string StoreName => "Local";

    public FailingFileInserts Failures { get; } = new();

    public string? S3Endpoint => s3;

    public string Bucket => bucket;

    public Task<int> StoredObjectsAsync() => FilesNode.LocalObjectsAsync(this);

    protected override async Task<string?> PrepareNodeAsync()
    {
        (s3, _) = await TestS3.EndpointAsync();
        if (s3 is not null)
        {
            await FilesNode.CreateBucketAsync(s3, bucket);
        }

        return null;
    }

    protected override void ConfigureNode(IWebHostBuilder builder) => FilesNode.Configure(builder, Failures, s3, bucket);
}

/// <summary>The S3-compatible store (s3rver on loopback), on SQLite; skipped with its reason when s3rver is absent.</summary>
public sealed class FilesSqliteS3App : SqliteApp, IFilesApp
{
    private readonly string bucket = FilesNode.Bucket();
    private string? endpoint;

    public RucheApp App => this;

    public string StoreName => "S3";

    public FailingFileInserts Failures { get; } = new();

    public Task<int> StoredObjectsAsync() => FilesNode.BucketObjectsAsync(endpoint!, bucket);

    protected override async Task<string?> PrepareNodeAsync()
    {
        (endpoint, var missing) = await TestS3.EndpointAsync();
        if (endpoint is null)
        {
            return missing;
        }

        await FilesNode.CreateBucketAsync(endpoint, bucket);
        return null;
    }

    protected override void ConfigureNode(IWebHostBuilder builder)
    {
        FilesNode.Configure(builder, Failures, endpoint, bucket);
        builder.UseSetting("Ruche:Files:Store", "S3");
    }
}

/// <summary>The S3-compatible store (s3rver on loopback), on PostgreSQL.</summary>
public sealed class FilesPostgresS3App : PostgresApp, IFilesApp
{
    private readonly string bucket = FilesNode.Bucket();
    private string? endpoint;

    public RucheApp App => this;

    public string StoreName => "S3";

    public FailingFileInserts Failures { get; } = new();

    public Task<int> StoredObjectsAsync() => FilesNode.BucketObjectsAsync(endpoint!, bucket);

    protected override async Task<string?> PrepareNodeAsync()
    {
        (endpoint, var missing) = await TestS3.EndpointAsync();
        if (endpoint is null)
        {
            return missing;
        }

        await FilesNode.CreateBucketAsync(endpoint, bucket);
        return null;
    }

    protected override void ConfigureNode(IWebHostBuilder builder)
    {
        FilesNode.Configure(builder, Failures, endpoint, bucket);
        builder.UseSetting("Ruche:Files:Store", "S3");
    }
}
