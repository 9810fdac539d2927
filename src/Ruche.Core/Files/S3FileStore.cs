using System.Net;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;

namespace Ruche.Core.Files;

/// <summary>
/// Files in an S3-compatible bucket, shared by every node: key <c>{prefix}ab/abcd…</c> for the main content and
/// <c>{prefix}ab/abcd….thumb</c> for a rendition. A PUT is atomic (an object exists whole or not at all); reads are
/// ranged GETs behind a seekable stream, so HTTP range requests fetch only the bytes asked for.
/// </summary>
public sealed class S3FileStore : IFileStore, IDisposable
{
    private readonly AmazonS3Client client;
    private readonly string bucket;
    private readonly string prefix;

    public S3FileStore(S3StoreSettings settings)
    {
        var config = new AmazonS3Config
        {
            ForcePathStyle = settings.PathStyle,
            AuthenticationRegion = settings.Region,
            // Checksums only where S3 requires them: compatible servers do not all read the trailing ones.
            RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
            MaxErrorRetry = 3,
        };
        if (string.IsNullOrWhiteSpace(settings.Endpoint))
        {
            config.RegionEndpoint = Amazon.RegionEndpoint.GetBySystemName(settings.Region);
        }
        else
        {
            config.ServiceURL = settings.Endpoint;
        }

        client = string.IsNullOrEmpty(settings.AccessKey)
            ? new AmazonS3Client(config)
            : new AmazonS3Client(new BasicAWSCredentials(settings.AccessKey, settings.SecretKey), config);
        bucket = settings.Bucket;
        prefix = settings.Prefix;
    }

    public async Task WriteAsync(Guid id, string? rendition, Stream content, CancellationToken cancellationToken)
    {
        var body = content;
        if (!content.CanSeek)
        {
            body = new MemoryStream();
            await content.CopyToAsync(body, cancellationToken);
            body.Position = 0;
        }

        await using var _ = body == content ? null : body;
        await client.PutObjectAsync(
            new PutObjectRequest { BucketName = bucket, Key = KeyOf(id, rendition), InputStream = body, AutoCloseStream = false, UseChunkEncoding = false },
            cancellationToken);
    }

    public async Task<Stream?> OpenReadAsync(Guid id, string? rendition, CancellationToken cancellationToken)
    {
        var length = await LengthAsync(id, rendition, cancellationToken);
        return length is null ? null : new S3RangeStream(client, bucket, KeyOf(id, rendition), length.Value);
    }

    public async Task<long?> LengthAsync(Guid id, string? rendition, CancellationToken cancellationToken)
    {
        try
        {
            var metadata = await client.GetObjectMetadataAsync(new GetObjectMetadataRequest { BucketName = bucket, Key = KeyOf(id, rendition) }, cancellationToken);
            return metadata.ContentLength;
        }
        catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    public async Task DeleteAsync(Guid id, CancellationToken cancellationToken)
    {
        var listing = await client.ListObjectsV2Async(new ListObjectsV2Request { BucketName = bucket, Prefix = KeyOf(id, null) }, cancellationToken);
        foreach (var item in listing.S3Objects ?? [])
        {
            await client.DeleteObjectAsync(new DeleteObjectRequest { BucketName = bucket, Key = item.Key }, cancellationToken);
        }
    }

    /// <summary>Creates the bucket when it does not exist (tests and first starts against a fresh server).</summary>
    public async Task EnsureBucketAsync(CancellationToken cancellationToken)
    {
        try
        {
            await client.ListObjectsV2Async(new ListObjectsV2Request { BucketName = bucket, MaxKeys = 1 }, cancellationToken);
        }
        catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            await client.PutBucketAsync(new PutBucketRequest { BucketName = bucket }, cancellationToken);
        }
    }

    public void Dispose() => client.Dispose();

    private string KeyOf(Guid id, string? rendition)
    {
        var name = id.ToString("N");
        return $"{prefix}{name[..2]}/{(rendition is null ? name : $"{name}.{rendition}")}";
    }
}
