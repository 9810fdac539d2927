using System.Threading.RateLimiting;
using Ruche.Core.Reporting;

namespace Ruche.Web.Reporting;

/// <summary>
/// The brake on guessing receipts, without any network address: at most <see cref="PerCode"/> attempts per case code
/// every 15 minutes (guessing one case's secret), and <see cref="Overall"/> attempts a minute on the whole channel
/// (trying codes). A refused attempt is answered the same whether the code exists or not.
/// </summary>
public sealed class FollowAttempts : IDisposable
{
    public const int PerCode = 10;
    public const int Overall = 120;

    private readonly PartitionedRateLimiter<string> limiter = PartitionedRateLimiter.CreateChained(
        PartitionedRateLimiter.Create<string, string>(code => RateLimitPartition.GetFixedWindowLimiter(
            code, _ => new FixedWindowRateLimiterOptions { PermitLimit = PerCode, Window = TimeSpan.FromMinutes(15), QueueLimit = 0 })),
        PartitionedRateLimiter.Create<string, string>(_ => RateLimitPartition.GetTokenBucketLimiter(
            "channel", _ => new TokenBucketRateLimiterOptions { TokenLimit = Overall, TokensPerPeriod = Overall, ReplenishmentPeriod = TimeSpan.FromMinutes(1), QueueLimit = 0 })));

    /// <summary>Whether one more attempt with this code may be checked now.</summary>
    public bool TryAttempt(string? code)
    {
        using var lease = limiter.AttemptAcquire(CaseReceipts.Normalize(code) ?? "?");
        return lease.IsAcquired;
    }

    public void Dispose() => limiter.Dispose();
}
