using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Ruche.Core.Data;

namespace Ruche.Core.Reporting;

/// <summary>
/// Appends to the channel's access log (<see cref="ReportingAccess"/>) inside the caller's transaction, serialised so the
/// chain never forks, and verifies the chain. There is no way here, or anywhere, to change or remove an entry.
/// </summary>
public sealed class ReportingAccessLog(RucheDbContext db, IDatabaseProvider provider, TimeProvider time)
{
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";

    public async Task AppendAsync(long? caseId, AccessActor actor, long? actorId, string action, string? detail, CancellationToken cancellationToken)
    {
        await provider.SerializeAsync(db, "reporting-access", cancellationToken);
        var previous = await db.Set<ReportingAccess>().OrderByDescending(a => a.Id).Select(a => a.Hash).FirstOrDefaultAsync(cancellationToken) ?? Genesis;
        var entry = new ReportingAccess
        {
            At = time.UtcNow(),
            CaseId = caseId,
            Actor = actor,
            ActorId = actorId,
            Action = action,
            Detail = detail,
            PreviousHash = previous,
            Hash = string.Empty,
        };
        entry.Hash = HashOf(entry);
        db.Add(entry);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Whether every entry still chains to the one before it and its own hash holds.</summary>
    public async Task<bool> IsIntactAsync(CancellationToken cancellationToken)
    {
        var previous = Genesis;
        await foreach (var entry in db.Set<ReportingAccess>().AsNoTracking().OrderBy(a => a.Id).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            if (entry.PreviousHash != previous || entry.Hash != HashOf(entry))
            {
                return false;
            }

            previous = entry.Hash;
        }

        return true;
    }

    internal static string HashOf(ReportingAccess entry)
    {
        var canonical = string.Join(
            '\n',
            entry.PreviousHash,
            entry.At.ToString("O", CultureInfo.InvariantCulture),
            entry.CaseId?.ToString(CultureInfo.InvariantCulture) ?? "-",
            entry.Actor.ToString(),
            entry.ActorId?.ToString(CultureInfo.InvariantCulture) ?? "-",
            $"{entry.Action.Length}:{entry.Action}",
            entry.Detail is null ? "-" : $"{entry.Detail.Length}:{entry.Detail}");
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }
}
