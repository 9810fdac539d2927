using Microsoft.EntityFrameworkCore;
using Ruche.Core.Ballots;
using Ruche.Core.Common;
using Ruche.Core.Data;
using Ruche.Core.People;
using Ruche.Core.Spaces;

namespace Ruche.Core.Polls;

/// <summary>
/// Polls as a reader sees them, for a page of posts in a fixed number of queries. Results hidden from the reader are
/// left out here, so no page or API response can carry them. A poll whose deadline passed is closed on the way.
/// </summary>
public sealed class PollReader(RucheDbContext db, PollClosing closing, TimeProvider time)
{
    /// <summary>One poll the viewer may read (through its post), or "not found".</summary>
    public async Task<PollView> GetAsync(Viewer viewer, long pollId, CancellationToken ct)
    {
        var postId = await db.Set<Poll>().VisibleTo(viewer.PersonId).Where(p => p.Id == pollId).Select(p => (long?)p.PostId).SingleOrDefaultAsync(ct)
            ?? throw RucheException.NotFound("poll.not-found", "No such poll.");
        return (await LoadAsync(viewer, [postId], ct))[postId];
    }

    /// <summary>The polls of posts the caller already filtered by the post rule, by post id.</summary>
    public async Task<IReadOnlyDictionary<long, PollView>> LoadAsync(Viewer viewer, IReadOnlyCollection<long> postIds, CancellationToken ct)
    {
        var rows = await RowsAsync(viewer.PersonId, postIds, ct);
        var now = time.UtcNow();
        if (rows.Any(r => (r.ClosedAt is null && r.ClosesAt <= now) || (r.Anonymous && r.ClosedAt is not null && r.Waiting > 0)))
        {
            await closing.SettleAsync(rows.Select(r => r.Id).ToList(), ct);
            rows = await RowsAsync(viewer.PersonId, postIds, ct);
        }

        if (rows.Count == 0)
        {
            return new Dictionary<long, PollView>();
        }

        var pollIds = rows.Select(r => r.Id).ToArray();
        var options = (await db.Set<PollOption>().Where(o => pollIds.Contains(o.PollId)).OrderBy(o => o.Position)
            .Select(o => new { o.Id, o.PollId, o.Label, o.Tally }).ToListAsync(ct)).ToLookup(o => o.PollId);
        var named = rows.Where(r => !r.Anonymous).Select(r => r.Id).ToArray();
        var me = viewer.PersonId;
        var mine = named.Length == 0
            ? Empty<long>()
            : (await db.Set<PollVote>().Where(v => named.Contains(v.PollId) && v.PersonId == me).Select(v => new { v.PollId, v.OptionId }).ToListAsync(ct))
                .ToLookup(v => v.PollId, v => v.OptionId);
        var shownNamed = rows.Where(r => !r.Anonymous && Shown(r, now)).Select(r => r.Id).ToArray();
        var voters = shownNamed.Length == 0
            ? Empty<PersonRef>()
            : (await db.Set<PollVote>().Where(v => shownNamed.Contains(v.PollId)).OrderBy(v => v.Person!.DisplayName).ThenBy(v => v.PersonId)
                .Select(v => new { v.OptionId, Person = PersonRefs.Of(v.Person!, now) }).ToListAsync(ct)).ToLookup(v => v.OptionId, v => v.Person);

        return rows.ToDictionary(r => r.PostId, r =>
        {
            var closed = IsClosed(r, now);
            var shown = Shown(r, now);
            var basis = r.Anonymous ? r.Counted : r.Participants;
            var optionViews = options[r.Id].Select(o =>
            {
                if (!shown)
                {
                    return new PollOptionView(o.Id, o.Label, null, null, null);
                }

                var count = r.Anonymous ? o.Tally : voters[o.Id].Count();
                return new PollOptionView(o.Id, o.Label, count, basis == 0 ? 0 : Math.Round(100.0 * count / basis, 1), r.Anonymous ? null : voters[o.Id].ToList());
            }).ToList();
            return new PollView(
                r.Id, r.PostId, r.MultipleChoice, r.Anonymous, r.Results, r.ClosesAt, r.ClosedAt, closed, r.Voted,
                CanVote: !closed && !(r.Anonymous && r.Voted),
                CanClose: !closed && r.CanClose,
                ResultsShown: shown,
                r.Participants,
                r.Anonymous && shown ? r.Counted : null,
                r.Anonymous && shown ? r.Waiting : null,
                r.Anonymous ? [] : mine[r.Id].ToList(),
                optionViews);
        });
    }

    /// <summary>The one rule for who sees counts: always; after voting (or closing); after closing.</summary>
    private static bool Shown(PollRow r, DateTime now) => r.Results switch
    {
        PollResultsVisibility.Always => true,
        PollResultsVisibility.AfterVoting => r.Voted || IsClosed(r, now),
        _ => IsClosed(r, now),
    };

    private static ILookup<long, T> Empty<T>() => Array.Empty<KeyValuePair<long, T>>().ToLookup(p => p.Key, p => p.Value);

    private static bool IsClosed(PollRow r, DateTime now) => r.ClosedAt is not null || r.ClosesAt <= now;

    private Task<List<PollRow>> RowsAsync(long me, IReadOnlyCollection<long> postIds, CancellationToken ct)
    {
        var participations = db.Set<BallotParticipation>().Where(b => b.BoxKind == PollCounter.Kind);
        var votes = db.Set<PollVote>();
        return db.Set<Poll>().Where(p => postIds.Contains(p.PostId))
            .Select(p => new PollRow(
                p.Id,
                p.PostId,
                p.MultipleChoice,
                p.Anonymous,
                p.Results,
                p.ClosesAt,
                p.ClosedAt,
                p.CountedBallots,
                db.Set<SealedBallot>().Count(b => b.BoxKind == PollCounter.Kind && b.BoxId == p.Id),
                p.Anonymous ? participations.Count(b => b.BoxId == p.Id) : votes.Where(v => v.PollId == p.Id).Select(v => v.PersonId).Distinct().Count(),
                p.Anonymous ? participations.Any(b => b.BoxId == p.Id && b.PersonId == me) : votes.Any(v => v.PollId == p.Id && v.PersonId == me),
                p.Post!.AuthorId == me || (p.Post.SpaceId != null && p.Post.Space!.IsModeratedBy(me))))
            .ToListAsync(ct);
    }

    private sealed record PollRow(
        long Id, long PostId, bool MultipleChoice, bool Anonymous, PollResultsVisibility Results, DateTime? ClosesAt, DateTime? ClosedAt,
        int Counted, int Waiting, int Participants, bool Voted, bool CanClose);
}
