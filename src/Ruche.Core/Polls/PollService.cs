using Microsoft.EntityFrameworkCore;
using Ruche.Core.Ballots;
using Ruche.Core.Common;
using Ruche.Core.Data;
using Ruche.Core.Dialogue;
using Ruche.Core.Posts;
using Ruche.Core.Spaces;

namespace Ruche.Core.Polls;

/// <summary>Creating, voting in and closing polls. Every read goes through the post's rule: a poll one cannot read is "not found".</summary>
public sealed class PollService(RucheDbContext db, PostService posts, BallotBox box, PollClosing closing, PollsLive live, UnionPolls unionPolls, TimeProvider time)
{
    /// <summary>Publishes a post carrying a poll, both in one transaction; returns the post's id.</summary>
    public async Task<long> CreatePostWithPollAsync(Viewer viewer, NewPost post, NewPoll poll, CancellationToken ct)
    {
        var options = PollInputs.Validate(poll, time.UtcNow());
        if (post.SharePostId is not null)
        {
            throw RucheException.Invalid("poll.not-on-share", "A share does not carry a poll.");
        }

        await unionPolls.RequireAllowedAsync(post.SpaceId, poll.Anonymous, ct);
        var postId = await posts.CreateAsync(viewer, post, p => db.Add(WithPost(PollInputs.Build(poll, options), p)), ct);
        await unionPolls.AnnounceAsync(viewer, post.SpaceId, postId, ct);
        return postId;
    }

    /// <summary>Adds a poll to one of the viewer's own posts that carries none yet; returns the poll's id.</summary>
    public async Task<long> AddToPostAsync(Viewer viewer, long postId, NewPoll poll, CancellationToken ct)
    {
        var post = await db.Posts.VisibleTo(viewer.PersonId).Where(p => p.Id == postId)
            .Select(p => new { p.AuthorId, p.IsShare, p.SpaceId, HasPoll = db.Set<Poll>().Any(x => x.PostId == p.Id) })
            .SingleOrDefaultAsync(ct) ?? throw RucheException.NotFound("post.not-found", "No such post.");
        if (post.AuthorId != viewer.PersonId)
        {
            throw RucheException.Forbidden("poll.author-only", "Only the post's author adds a poll to it.");
        }

        if (post.IsShare)
        {
            throw RucheException.Invalid("poll.not-on-share", "A share does not carry a poll.");
        }

        if (post.HasPoll)
        {
            throw RucheException.Invalid("poll.already-exists", "This post already carries a poll.");
        }

        var options = PollInputs.Validate(poll, time.UtcNow());
        await unionPolls.RequireAllowedAsync(post.SpaceId, poll.Anonymous, ct);
        var created = PollInputs.Build(poll, options);
        created.PostId = postId;
        db.Add(created);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            throw RucheException.Invalid("poll.already-exists", "This post already carries a poll.");
        }

        await unionPolls.AnnounceAsync(viewer, post.SpaceId, postId, ct);
        return created.Id;
    }

    /// <summary>
    /// Votes. In a named poll, the choices replace the person's earlier ones while the poll is open. In an anonymous
    /// poll the ballot goes to the ballot box, once: the answer carries the receipt code, shown once.
    /// </summary>
    public async Task<string?> VoteAsync(Viewer viewer, long pollId, IReadOnlyCollection<long>? optionIds, CancellationToken ct)
    {
        var poll = await RequireAsync(viewer, pollId, ct);
        if (poll.ClosedAt is not null || poll.ClosesAt <= time.UtcNow())
        {
            throw RucheException.Invalid("poll.closed", "This poll is closed.");
        }

        var chosen = (optionIds ?? []).Distinct().ToList();
        if (chosen.Count == 0)
        {
            throw RucheException.Invalid("poll.no-choice", "Choose an option.");
        }

        var known = await db.Set<PollOption>().Where(o => o.PollId == pollId).Select(o => o.Id).ToListAsync(ct);
        if (chosen.Any(id => !known.Contains(id)))
        {
            throw RucheException.Invalid("poll.unknown-option", "An option is not in this poll.");
        }

        if (!poll.MultipleChoice && chosen.Count > 1)
        {
            throw RucheException.Invalid("poll.single-choice", "This poll takes one option only.");
        }

        if (poll.Anonymous)
        {
            var counted = await CountedAsync(pollId, ct);
            var receipt = await box.CastAsync(PollCounter.Kind, pollId, viewer.PersonId, PollCounter.Encode(chosen), BallotBox.DefaultBatch, ct);

            // The counts move only when this ballot made a batch be counted: then, and only then, readers hear of it.
            if (await CountedAsync(pollId, ct) != counted)
            {
                await live.PollChangedAsync(pollId);
            }

            return receipt;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.Set<PollVote>().Where(v => v.PollId == pollId && v.PersonId == viewer.PersonId).ExecuteDeleteAsync(ct);
        db.AddRange(chosen.Select(id => new PollVote { PollId = pollId, OptionId = id, PersonId = viewer.PersonId }));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The same person's two votes raced: the first one stands.
            db.ChangeTracker.Clear();
            throw RucheException.Conflict("poll.vote-conflict", "Another vote of yours was being saved; try again.");
        }

        await transaction.CommitAsync(ct);
        await live.PollChangedAsync(pollId);
        return null;
    }

    private Task<int> CountedAsync(long pollId, CancellationToken ct) =>
        db.Set<CountedReceipt>().CountAsync(r => r.BoxKind == PollCounter.Kind && r.BoxId == pollId, ct);

    /// <summary>Closes a poll early (its post's author or its space's moderators); anonymous ballots still waiting are counted.</summary>
    public async Task CloseAsync(Viewer viewer, long pollId, CancellationToken ct)
    {
        var poll = await RequireAsync(viewer, pollId, ct);
        if (!poll.CanClose)
        {
            throw RucheException.Forbidden("poll.close-forbidden", "Only the post's author or the space's moderators close a poll.");
        }

        var now = time.UtcNow();
        if (poll.ClosedAt is not null || poll.ClosesAt <= now)
        {
            throw RucheException.Invalid("poll.closed", "This poll is closed.");
        }

        await closing.CloseAsync(pollId, now, viewer.PersonId, ct);
    }

    /// <summary>Whether the ballot with this receipt was counted; the answer never says what was chosen.</summary>
    public async Task<PollReceiptView> CheckReceiptAsync(Viewer viewer, long pollId, string? receipt, CancellationToken ct)
    {
        var poll = await RequireAsync(viewer, pollId, ct);
        var code = Input.Text(receipt);
        if (!poll.Anonymous || code.Length is 0 or > 32)
        {
            return new PollReceiptView(pollId, "unknown");
        }

        await closing.SettleAsync([pollId], ct);
        var state = await box.CheckReceiptAsync(PollCounter.Kind, pollId, code, ct);
        return new PollReceiptView(pollId, state.ToString().ToLowerInvariant());
    }

    private async Task<PollFacts> RequireAsync(Viewer viewer, long pollId, CancellationToken ct)
    {
        var me = viewer.PersonId;
        return await db.Set<Poll>().VisibleTo(me).Where(p => p.Id == pollId)
            .Select(p => new PollFacts(p.Anonymous, p.MultipleChoice, p.ClosesAt, p.ClosedAt,
                p.Post!.AuthorId == me || (p.Post.SpaceId != null && p.Post.Space!.IsModeratedBy(me))))
            .SingleOrDefaultAsync(ct) ?? throw RucheException.NotFound("poll.not-found", "No such poll.");
    }

    private static Poll WithPost(Poll poll, Post post)
    {
        poll.Post = post;
        return poll;
    }

    private sealed record PollFacts(bool Anonymous, bool MultipleChoice, DateTime? ClosesAt, DateTime? ClosedAt, bool CanClose);
}
