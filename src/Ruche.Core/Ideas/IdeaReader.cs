using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Ruche.Core.Common;
using Ruche.Core.Data;
using Ruche.Core.People;
using Ruche.Core.Spaces;

namespace Ruche.Core.Ideas;

/// <summary>
/// Ideas as the pages and the API read them, always through <see cref="IdeaQueries.VisibleTo"/>. Lists page by keyset
/// (newest, or most votes then newest) in one SQL command; the trend (votes of the last <see cref="TrendDays"/> days)
/// is a bounded top list. An idea is three commands: itself, its comments and its status changes.
/// </summary>
public sealed class IdeaReader(RucheDbContext db, TimeProvider time)
{
    public const int TrendDays = 14;

    /// <summary>The trend is the top of a moving window, not a feed: one bounded page.</summary>
    public const int TrendMax = 50;

    public async Task<Page<IdeaCard>> ListAsync(
        Viewer viewer, IdeaOrder order, string? status, string? tag, string? cursor, int? pageSize, CancellationToken cancellationToken)
    {
        var size = Cursor.PageSize(pageSize);
        var wanted = IdeaInputs.StatusOrNull(status);
        var me = viewer.PersonId;
        var now = time.UtcNow();
        var since = now.AddDays(-TrendDays);
        var ideas = db.Set<Idea>().VisibleTo(me);
        if (wanted is { } s)
        {
            ideas = ideas.Where(i => i.Status == s);
        }

        if (!string.IsNullOrWhiteSpace(tag))
        {
            var key = Content.Tags.Normalize(tag) ?? throw RucheException.Invalid("idea.tag-invalid", "That is not a tag.");
            ideas = ideas.Where(i => i.Tags.Any(t => t.Tag == key));
        }

        var (after, afterVotes) = ParseCursor(cursor, order);
        IQueryable<Idea> ordered;
        switch (order)
        {
            case IdeaOrder.Votes:
                if (after is { } id)
                {
                    ideas = ideas.Where(i => i.VoteCount < afterVotes || (i.VoteCount == afterVotes && i.Id < id));
                }

                ordered = ideas.OrderByDescending(i => i.VoteCount).ThenByDescending(i => i.Id);
                break;
            case IdeaOrder.Trend:
                size = Math.Min(size, TrendMax);
                ordered = ideas.OrderByDescending(i => i.Votes.Count(v => v.CreatedAt >= since)).ThenByDescending(i => i.VoteCount).ThenByDescending(i => i.Id);
                break;
            default:
                if (after is { } newest)
                {
                    ideas = ideas.Where(i => i.Id < newest);
                }

                ordered = ideas.OrderByDescending(i => i.Id);
                break;
        }

        var rows = await ordered.Take(size + 1)
            .Select(i => new
            {
                i.Id,
                i.Title,
                i.Status,
                Author = PersonRefs.Of(i.Author!, now),
                Space = i.Space == null ? null : new SpaceRef(i.Space.Id, i.Space.Name, i.Space.Visibility),
                i.VoteCount,
                Recent = i.Votes.Count(v => v.CreatedAt >= since),
                i.CommentCount,
                Tags = i.Tags.OrderBy(t => t.Tag).Select(t => t.Tag).ToList(),
                Voted = i.Votes.Any(v => v.PersonId == me),
                i.CreatedAt,
            })
            .AsNoTracking()
            .AsSingleQuery()
            .ToListAsync(cancellationToken);
        var items = rows.Take(size)
            .Select(i => new IdeaCard(i.Id, i.Title, IdeaInputs.Name(i.Status), i.Author, i.Space, i.VoteCount, i.Recent, i.CommentCount, i.Tags, i.Voted, i.CreatedAt))
            .ToList();
        var next = rows.Count > size && order != IdeaOrder.Trend
            ? order == IdeaOrder.Votes
                ? $"{items[^1].Votes.ToString(CultureInfo.InvariantCulture)}-{Cursor.Format(items[^1].Id)}"
                : Cursor.Format(items[^1].Id)
            : null;
        return new Page<IdeaCard>(items, next);
    }

    public async Task<IdeaView> GetAsync(Viewer viewer, long ideaId, CancellationToken cancellationToken)
    {
        var me = viewer.PersonId;
        var now = time.UtcNow();
        var row = await db.Set<Idea>().VisibleTo(me).Where(i => i.Id == ideaId)
            .Select(i => new
            {
                i.Id,
                i.Title,
                i.Description,
                i.DescriptionHtml,
                i.Status,
                Author = PersonRefs.Of(i.Author!, now),
                Owner = i.Owner == null ? null : PersonRefs.Of(i.Owner, now),
                Space = i.Space == null ? null : new SpaceRef(i.Space.Id, i.Space.Name, i.Space.Visibility),
                i.VoteCount,
                i.CommentCount,
                Tags = i.Tags.OrderBy(t => t.Tag).Select(t => t.Tag).ToList(),
                Voted = i.Votes.Any(v => v.PersonId == me),
                Following = db.Set<IdeaFollow>().Any(f => f.IdeaId == i.Id && f.PersonId == me),
                Moderates = i.SpaceId != null && i.Space!.IsModeratedBy(me),
                i.CreatedAt,
            })
            .AsNoTracking()
            .AsSingleQuery()
            .SingleOrDefaultAsync(cancellationToken) ?? throw IdeaService.NotFound();
        var comments = await db.Set<IdeaComment>().Where(c => c.IdeaId == ideaId).OrderBy(c => c.Id).Take(500)
            .Select(c => new IdeaTimelineEntry("comment", c.Id, PersonRefs.Of(c.Author!, now), c.CreatedAt, c.BodyHtml, null, null, null, null))
            .ToListAsync(cancellationToken);
        var changes = await db.Set<IdeaStatusChange>().Where(c => c.IdeaId == ideaId).OrderBy(c => c.Id)
            .Select(c => new
            {
                c.Id,
                DecidedBy = c.DecidedBy == null ? null : PersonRefs.Of(c.DecidedBy, now),
                c.At,
                c.From,
                c.To,
                Owner = c.Owner == null ? null : PersonRefs.Of(c.Owner, now),
                c.Reason,
            })
            .ToListAsync(cancellationToken);
        var timeline = comments
            .Concat(changes.Select(c => new IdeaTimelineEntry("status", c.Id, c.DecidedBy, c.At, null, IdeaInputs.Name(c.From), IdeaInputs.Name(c.To), c.Owner, c.Reason)))
            .OrderBy(e => e.At).ThenBy(e => e.Id)
            .ToList();
        return new IdeaView(
            row.Id, row.Title, row.Description, row.DescriptionHtml, IdeaInputs.Name(row.Status), row.Author, row.Owner, row.Space,
            row.VoteCount, row.CommentCount, row.Tags, row.Voted, row.Following, IdeaRights.MayTriage(viewer, row.Moderates), row.CreatedAt, timeline);
    }

    /// <summary>Whether the viewer triages some ideas (HR, administrators, or any space's moderator), for the pages' hints.</summary>
    public static bool TriagesEverything(Viewer viewer) => IdeaRights.MayTriageAny(viewer);

    private static (long? Id, int Votes) ParseCursor(string? cursor, IdeaOrder order)
    {
        if (string.IsNullOrEmpty(cursor) || order == IdeaOrder.Trend)
        {
            return (null, 0);
        }

        if (order == IdeaOrder.Votes)
        {
            var dash = cursor.IndexOf('-', StringComparison.Ordinal);
            if (dash > 0 && int.TryParse(cursor[..dash], NumberStyles.None, CultureInfo.InvariantCulture, out var votes))
            {
                return (Cursor.Parse(cursor[(dash + 1)..]), votes);
            }

            throw RucheException.Invalid("cursor.invalid", "The cursor is not one this server produced.");
        }

        return (Cursor.Parse(cursor), 0);
    }
}
