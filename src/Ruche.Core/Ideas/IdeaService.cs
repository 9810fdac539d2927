using Microsoft.EntityFrameworkCore;
using Ruche.Core.Common;
using Ruche.Core.Content;
using Ruche.Core.Data;
using Ruche.Core.Notifications;
using Ruche.Core.Spaces;

namespace Ruche.Core.Ideas;

/// <summary>Submitting ideas, voting, commenting, following, and triage (HR, administrators, a space's moderators).</summary>
public sealed class IdeaService(RucheDbContext db, ContentRenderer renderer, SpaceService spaces, Notifier notifier, IdeasLive live, TimeProvider time)
{
    /// <summary>Submits an idea, company-wide or in a space the viewer may post in; its author follows it.</summary>
    public async Task<long> SubmitAsync(Viewer viewer, NewIdea input, CancellationToken cancellationToken)
    {
        var idea = IdeaInputs.Check(input.Title, input.Description, input.Tags);
        if (input.SpaceId is { } spaceId)
        {
            var space = await spaces.GetAsync(viewer, spaceId, cancellationToken);
            if (!space.CanPost)
            {
                throw RucheException.Forbidden("idea.members-only", "Only the members who may post in a space propose ideas there.");
            }
        }

        var content = await renderer.RenderAsync(idea.Description, cancellationToken);
        var row = new Idea
        {
            SpaceId = input.SpaceId,
            AuthorId = viewer.PersonId,
            Title = idea.Title,
            Description = idea.Description,
            DescriptionHtml = content.Html,
            Status = IdeaStatus.New,
            CreatedAt = time.UtcNow(),
            Tags = [.. idea.Tags.Select(t => new IdeaTag { Tag = t })],
        };
        db.Add(row);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        db.Add(new IdeaFollow { IdeaId = row.Id, PersonId = viewer.PersonId });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return row.Id;
    }

    /// <summary>Votes for an idea the viewer reads; a second vote is refused.</summary>
    public async Task VoteAsync(Viewer viewer, long ideaId, CancellationToken cancellationToken)
    {
        var voted = await db.Set<Idea>().VisibleTo(viewer.PersonId).Where(i => i.Id == ideaId)
            .Select(i => (bool?)i.Votes.Any(v => v.PersonId == viewer.PersonId)).SingleOrDefaultAsync(cancellationToken) ?? throw NotFound();
        if (voted)
        {
            throw AlreadyVoted();
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.Add(new IdeaVote { IdeaId = ideaId, PersonId = viewer.PersonId, CreatedAt = time.UtcNow() });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The same person voting twice at once: the key keeps one vote.
            throw AlreadyVoted();
        }

        await db.Set<Idea>().Where(i => i.Id == ideaId).ExecuteUpdateAsync(s => s.SetProperty(i => i.VoteCount, i => i.VoteCount + 1), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        await live.IdeaChangedAsync(ideaId);
    }

    /// <summary>Withdraws the viewer's vote; refused when there is none.</summary>
    public async Task WithdrawVoteAsync(Viewer viewer, long ideaId, CancellationToken cancellationToken)
    {
        await RequireReadableAsync(viewer, ideaId, cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (await db.Set<IdeaVote>().Where(v => v.IdeaId == ideaId && v.PersonId == viewer.PersonId).ExecuteDeleteAsync(cancellationToken) == 0)
        {
            throw RucheException.Conflict("idea.not-voted", "You have not voted for this idea.");
        }

        await db.Set<Idea>().Where(i => i.Id == ideaId).ExecuteUpdateAsync(s => s.SetProperty(i => i.VoteCount, i => i.VoteCount - 1), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        await live.IdeaChangedAsync(ideaId);
    }

    /// <summary>Comments on an idea the viewer reads; its followers hear of it.</summary>
    public async Task<long> CommentAsync(Viewer viewer, long ideaId, string? body, CancellationToken cancellationToken)
    {
        var text = Input.Text(body);
        if (text.Length == 0)
        {
            throw RucheException.Invalid("idea.comment-required", "Write something to comment.");
        }

        if (text.Length > Limits.CommentBodyMaxLength)
        {
            throw RucheException.Invalid("idea.comment-too-long", $"A comment holds at most {Limits.CommentBodyMaxLength} characters.");
        }

        await RequireReadableAsync(viewer, ideaId, cancellationToken);
        var content = await renderer.RenderAsync(text, cancellationToken);
        var comment = new IdeaComment { IdeaId = ideaId, AuthorId = viewer.PersonId, Body = text, BodyHtml = content.Html, CreatedAt = time.UtcNow() };
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.Add(comment);
        await db.SaveChangesAsync(cancellationToken);
        await db.Set<Idea>().Where(i => i.Id == ideaId).ExecuteUpdateAsync(s => s.SetProperty(i => i.CommentCount, i => i.CommentCount + 1), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        await notifier.NotifyAsync(IdeaNotifications.Commented, viewer.PersonId, await FollowersAsync(ideaId, cancellationToken), ideaId);
        return comment.Id;
    }

    /// <summary>Follows an idea the viewer reads (following again changes nothing).</summary>
    public async Task FollowAsync(Viewer viewer, long ideaId, CancellationToken cancellationToken)
    {
        await RequireReadableAsync(viewer, ideaId, cancellationToken);
        if (!await db.Set<IdeaFollow>().AnyAsync(f => f.IdeaId == ideaId && f.PersonId == viewer.PersonId, cancellationToken))
        {
            db.Add(new IdeaFollow { IdeaId = ideaId, PersonId = viewer.PersonId });
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    public async Task UnfollowAsync(Viewer viewer, long ideaId, CancellationToken cancellationToken)
    {
        await RequireReadableAsync(viewer, ideaId, cancellationToken);
        await db.Set<IdeaFollow>().Where(f => f.IdeaId == ideaId && f.PersonId == viewer.PersonId).ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>
    /// Changes an idea's status (<see cref="IdeaRights.MayTriage"/>), with the person who carries it and a public reason;
    /// the change joins the idea's timeline and its author, followers and new owner are told, reason included.
    /// </summary>
    public async Task<long> TriageAsync(Viewer viewer, long ideaId, IdeaTriage triage, CancellationToken cancellationToken)
    {
        var me = viewer.PersonId;
        var row = await db.Set<Idea>().VisibleTo(me).Where(i => i.Id == ideaId)
            .Select(i => new { Idea = i, Moderates = i.SpaceId != null && i.Space!.IsModeratedBy(me) })
            .SingleOrDefaultAsync(cancellationToken) ?? throw NotFound();
        if (!IdeaRights.MayTriage(viewer, row.Moderates))
        {
            throw RucheException.Forbidden("idea.triage-forbidden", "HR, administrators and the moderators of the idea's space triage ideas.");
        }

        var status = IdeaInputs.StatusOrNull(triage.Status) ?? throw RucheException.Invalid("idea.status-required", "Choose the idea's new status.");
        var reason = IdeaInputs.CheckReason(triage.Reason);
        if (triage.OwnerId is not { } ownerId)
        {
            throw RucheException.Invalid("idea.owner-required", "Name the person who carries the idea.");
        }

        if (!await db.People.AnyAsync(p => p.Id == ownerId && p.IsActive && db.Set<Idea>().Any(i => i.Id == ideaId && i.IsReadableBy(p.Id)), cancellationToken))
        {
            throw RucheException.Invalid("idea.owner-invalid", "The owner is an active colleague who can read the idea.");
        }

        var idea = row.Idea;
        if (idea.Status == status && idea.OwnerId == ownerId)
        {
            throw RucheException.Invalid("idea.status-unchanged", "The idea already has this status and this owner.");
        }

        var now = time.UtcNow();
        var change = new IdeaStatusChange { IdeaId = ideaId, From = idea.Status, To = status, OwnerId = ownerId, DecidedById = me, Reason = reason, At = now };
        idea.Status = status;
        idea.OwnerId = ownerId;
        idea.StatusChangedAt = now;
        db.Add(change);
        await db.SaveChangesAsync(cancellationToken);
        var told = await FollowersAsync(ideaId, cancellationToken);
        told.Add(idea.AuthorId);
        told.Add(ownerId);
        await notifier.NotifyAsync(IdeaNotifications.StatusChanged, me, told.Distinct(), change.Id);
        await live.IdeaChangedAsync(ideaId);
        return change.Id;
    }

    private async Task RequireReadableAsync(Viewer viewer, long ideaId, CancellationToken cancellationToken)
    {
        if (!await db.Set<Idea>().VisibleTo(viewer.PersonId).AnyAsync(i => i.Id == ideaId, cancellationToken))
        {
            throw NotFound();
        }
    }

    private Task<List<long>> FollowersAsync(long ideaId, CancellationToken cancellationToken) =>
        db.Set<IdeaFollow>().Where(f => f.IdeaId == ideaId).Select(f => f.PersonId).ToListAsync(cancellationToken);

    internal static RucheException NotFound() => RucheException.NotFound("idea.not-found", "No such idea.");

    private static RucheException AlreadyVoted() => RucheException.Conflict("idea.already-voted", "You already voted for this idea.");
}
