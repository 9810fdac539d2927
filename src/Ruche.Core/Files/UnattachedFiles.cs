using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Ruche.Core.Common;
using Ruche.Core.Data;

namespace Ruche.Core.Files;

/// <summary>
/// Uploads nothing has taken: no feature attached them (<see cref="IFileAttachments"/>: a post, a comment, a page, a
/// library) and no profile shows them. They are their uploader's alone, count in the per-person cap
/// (<see cref="FileSettings.PersonDailyBytes"/>), and go — row and bytes, renditions included — once older than
/// <see cref="Lifetime"/>, at the next run of the retention job (hourly).
/// </summary>
public sealed class UnattachedFiles(RucheDbContext db, IFileStore store, IEnumerable<IFileAttachments> attachments, TimeProvider time)
{
    /// <summary>How long an upload waits for something to take it.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);

    /// <summary>The condition "nothing has taken this file", as one expression the database evaluates.</summary>
    public Expression<Func<StoredFile, bool>> Condition()
    {
        var f = Expression.Parameter(typeof(StoredFile), "f");
        Expression<Func<StoredFile, bool>> photo = file => db.People.Any(p => p.PhotoFileId == file.Id);
        var taken = attachments.Select(a => a.Attached(db)).Append(photo)
            .Aggregate((Expression)Expression.Constant(false), (any, condition) => Expression.OrElse(any, Lambda.Apply(condition, f)));
        return Expression.Lambda<Func<StoredFile, bool>>(Expression.Not(taken), f);
    }

    /// <summary>
    /// Deletes up to <paramref name="batchSize"/> files nothing took within <see cref="Lifetime"/>; returns how many
    /// went. The delete checks again that nothing took them, in the same statement; bytes go after the commit.
    /// </summary>
    public async Task<int> DeleteExpiredAsync(int batchSize, CancellationToken cancellationToken)
    {
        var cutoff = time.UtcNow() - Lifetime;
        var unattached = Condition();
        var ids = await db.Files.Where(f => f.CreatedAt < cutoff).Where(unattached)
            .OrderBy(f => f.CreatedAt).Select(f => f.Id).Take(batchSize).ToListAsync(cancellationToken);
        if (ids.Count == 0)
        {
            return 0;
        }

        await db.Files.Where(f => ids.Contains(f.Id)).Where(unattached).ExecuteDeleteAsync(cancellationToken);
        var kept = await db.Files.Where(f => ids.Contains(f.Id)).Select(f => f.Id).ToListAsync(cancellationToken);
        foreach (var id in ids.Except(kept))
        {
            await store.DeleteAsync(id, CancellationToken.None);
        }

        return ids.Count;
    }
}
