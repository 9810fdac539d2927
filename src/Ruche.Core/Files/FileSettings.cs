namespace Ruche.Core.Files;

/// <summary>
/// The "Ruche:Files" configuration section (environment: <c>Ruche__Files__QuotaBytes</c>…), docs/deployment.md "Files".
/// </summary>
public sealed class FileSettings
{
    public const string Section = "Ruche:Files";

    /// <summary>Bytes the company's files may take in all (main contents and renditions); 20 GiB unless set.</summary>
    public long QuotaBytes { get; set; } = 20L * 1024 * 1024 * 1024;

    /// <summary>
    /// Bytes one person may have uploaded in the last 24 hours plus whatever of theirs nothing has taken yet (main
    /// contents and renditions); 2 GiB unless set. Past it an upload is refused ("file.person-limit"): one account,
    /// or a script with its token, cannot fill the company's storage alone.
    /// </summary>
    public long PersonDailyBytes { get; set; } = 2L * 1024 * 1024 * 1024;

    /// <summary>
    /// Keep a full-size copy of every image (re-encoded without metadata like every rendition). Off by default: the
    /// feed-size rendition is what people see, and a company that does not need originals should not hold them.
    /// </summary>
    public bool KeepOriginals { get; set; }

    /// <summary>"Local" (the data folder's files, the default) or "S3" (an S3-compatible bucket, for several nodes).</summary>
    public string Store { get; set; } = "Local";

    public S3StoreSettings S3 { get; set; } = new();
}

/// <summary>An S3-compatible bucket (AWS, MinIO, Ceph RGW, Garage, Scaleway…).</summary>
public sealed class S3StoreSettings
{
    /// <summary>The service's address, e.g. https://s3.fr-par.scw.cloud; empty for AWS itself (then Region says where).</summary>
    public string? Endpoint { get; set; }

    public string Region { get; set; } = "us-east-1";

    public string Bucket { get; set; } = "ruche";

    /// <summary>Prepended to every object key, e.g. "ruche/" when the bucket is shared.</summary>
    public string Prefix { get; set; } = string.Empty;

    public string? AccessKey { get; set; }

    public string? SecretKey { get; set; }

    /// <summary>Address buckets as endpoint/bucket/key (MinIO and most self-hosted servers) instead of bucket.endpoint/key.</summary>
    public bool PathStyle { get; set; } = true;
}
