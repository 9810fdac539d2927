using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Ruche.Core.Common;
using Ruche.Core.Data;
using Ruche.Core.Goals;
using Ruche.Core.People;
using Ruche.Core.Search;
using Ruche.Core.Spaces;

namespace Ruche.Core.Goals;

/// <summary>Daily goals and what came of them, readable by whoever reads their post (<see cref="GoalQueries"/>).</summary>
public sealed class GoalSearchSource(TimeProvider time) : ISearchSource
{
    public const string KindName = "goal";

    public string Kind => KindName;

    public IEnumerable<Func<long>> Touched(EntityEntry entry)
    {
        if (entry.Entity is Goal goal && (entry.State != EntityState.Modified || entry.Property(nameof(Goal.Text)).IsModified || entry.Property(nameof(Goal.StatusNote)).IsModified))
        {
            yield return () => goal.Id;
        }
    }

    public async Task<IReadOnlyList<SearchSourceDocument>> LoadAsync(RucheDbContext db, SearchBatch batch, CancellationToken cancellationToken)
    {
        var goals = batch.Ids is { } ids
            ? db.Goals.Where(g => ids.Contains(g.Id))
            : db.Goals.Where(g => g.Id > batch.AfterId).OrderBy(g => g.Id).Take(batch.Size);
        return await goals
            .Join(db.GoalLists, g => g.ListId, l => l.Id, (g, l) => new SearchSourceDocument(
                g.Id, null, g.StatusNote == null ? g.Text : g.Text + "\n" + g.StatusNote, l.Post!.SpaceId, l.PersonId, l.CreatedAt))
            .ToListAsync(cancellationToken);
    }

    public Expression<Func<SearchHit, bool>> ReadableBy(RucheDbContext db, Viewer viewer)
    {
        var visible = db.Goals.VisibleTo(db, viewer.PersonId);
        return h => visible.Any(g => g.Id == h.SourceId);
    }

    public Expression<Func<SearchHit, bool>>? Tagged(RucheDbContext db, string tag) => null;

    public async Task<IReadOnlyDictionary<long, SearchSourceView>> DescribeAsync(RucheDbContext db, Viewer viewer, IReadOnlyCollection<long> ids, CancellationToken cancellationToken)
    {
        var now = Clock.UtcNow(time);
        var rows = await db.Goals.VisibleTo(db, viewer.PersonId).Where(g => ids.Contains(g.Id))
            .Join(db.GoalLists, g => g.ListId, l => l.Id, (g, l) => new
            {
                g.Id,
                g.Text,
                l.PostId,
                l.CreatedAt,
                Person = PersonRefs.Of(l.Person!, now),
                Space = l.Post!.SpaceId == null ? null : new SpaceRef(l.Post.Space!.Id, l.Post.Space.Name, l.Post.Space.Visibility),
            })
            .ToListAsync(cancellationToken);
        return rows.ToDictionary(r => r.Id, r => new SearchSourceView(null, r.Text, $"/posts/{r.PostId}#goal-{r.Id}", r.Person, r.Space, r.CreatedAt));
    }
}
