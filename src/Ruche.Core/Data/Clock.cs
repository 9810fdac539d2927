namespace Ruche.Core.Data;

public static class Clock
{
    /// <summary>Now, in UTC, truncated to microseconds (PostgreSQL's precision) so a round trip keeps the value.</summary>
    public static DateTime UtcNow(this TimeProvider time)
    {
        var now = time.GetUtcNow().UtcDateTime;
        return new DateTime(now.Ticks - (now.Ticks % 10), DateTimeKind.Utc);
    }
}
