using Microsoft.EntityFrameworkCore;
using Ruche.Core.Data;
using Ruche.Core.Goals;
using Ruche.Core.Ideas;
using Ruche.Core.Spaces;

namespace Ruche.Core.Recognition;

/// <summary>
/// Awards the badges (<see cref="Badges"/>) from the acts themselves, idempotently: each pass reads who qualifies now
/// and inserts only the (person, badge) pairs not yet earned; the pair is the table's key, so two passes at once keep
/// one row. It runs at the moment of an act recognition sees (kudos, helpful and best-answer marks) for the people
/// concerned, and on a schedule for everyone (an idea accepted, a goal suggestion taken: acts of features that do not
/// know badges exist). A badge once earned stays: a later unmark does not take back what was acknowledged.
/// Nothing here counts posts, comments, reactions or days in a row.
/// </summary>
public sealed class BadgeAwarder(RucheDbContext db, TimeProvider time)
{
    /// <summary>Awards what the given people (everyone when null) newly qualify for; returns how many badges were awarded.</summary>
    public async Task<int> AwardAsync(IReadOnlyCollection<long>? people, CancellationToken cancellationToken)
    {
        var qualified = new List<(long Person, string Badge)>();
        foreach (var (badge, who) in Qualifying())
        {
            var scoped = people is null ? who : who.Where(id => people.Contains(id));
            qualified.AddRange((await scoped.Distinct().ToListAsync(cancellationToken)).Select(id => (id, badge)));
        }

        if (qualified.Count == 0)
        {
            return 0;
        }

        var candidates = qualified.Select(q => q.Person).Distinct().ToList();
        var earned = (await db.Set<EarnedBadge>().AsNoTracking().Where(b => candidates.Contains(b.PersonId)).Select(b => new { b.PersonId, b.Badge }).ToListAsync(cancellationToken))
            .Select(b => (b.PersonId, b.Badge)).ToHashSet();
        var now = time.UtcNow();
        var added = 0;
        foreach (var (person, badge) in qualified.Where(q => !earned.Contains(q)))
        {
            var row = new EarnedBadge { PersonId = person, Badge = badge, EarnedAt = now };
            db.Add(row);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                added++;
            }
            catch (DbUpdateException)
            {
                // Another pass awarded it at the same moment: the key kept one.
                db.Entry(row).State = EntityState.Detached;
            }
        }

        return added;
    }

    /// <summary>Who qualifies for each badge, as queries over the acts.</summary>
    private IEnumerable<(string Badge, IQueryable<long> People)> Qualifying()
    {
        IdeaStatus[] accepted = [IdeaStatus.Accepted, IdeaStatus.InProgress, IdeaStatus.Done];
        yield return (Badges.IdeaAccepted, db.Set<IdeaStatusChange>().Where(c => accepted.Contains(c.To)).Select(c => c.Idea!.AuthorId));
        // Marks count only on visible content outside union and staff-representation spaces (never analysed, ADR 24).
        var counted = db.Posts.Where(p => p.HiddenAt == null && (p.SpaceId == null || !p.Space!.KeepsMembersPrivate()));
        yield return (Badges.HelpfulAnswers, db.Set<HelpfulMark>().Where(m => counted.Any(p => p.Id == m.PostId))
            .Join(db.Comments.Where(c => c.HiddenAt == null), m => m.CommentId, c => c.Id, (m, c) => c.AuthorId)
            .GroupBy(author => author).Where(g => g.Count() >= Badges.HelpfulAnswersNeeded).Select(g => g.Key));
        yield return (Badges.BestAnswer, db.Set<Question>().Where(q => q.BestCommentId != null && counted.Any(p => p.Id == q.PostId))
            .Join(db.Comments.Where(c => c.HiddenAt == null), q => q.BestCommentId, c => (long?)c.Id, (q, c) => c.AuthorId));
        SuggestionStatus[] taken = [SuggestionStatus.Replaced, SuggestionStatus.Added];
        yield return (Badges.SuggestionTaken, db.GoalSuggestions.Where(s => taken.Contains(s.Status)).Select(s => s.AuthorId));
        yield return (Badges.ManyValues, db.Set<Kudos>().Where(k => k.PersonId != null && k.HiddenAt == null)
            .GroupBy(k => k.PersonId!.Value).Where(g => g.Select(k => k.ValueId).Distinct().Count() >= Badges.DistinctValuesNeeded).Select(g => g.Key));
    }
}
