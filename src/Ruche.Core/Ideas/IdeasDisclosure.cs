using Microsoft.EntityFrameworkCore;
using Ruche.Core.Common;
using Ruche.Core.Data;
using Ruche.Core.PersonalData;

namespace Ruche.Core.Ideas;

/// <summary>Ideas a person submitted, their comments and votes are seen by whoever reads the idea (its space's readers, or everyone).</summary>
public sealed class IdeasDisclosure(RucheDbContext db) : IDisclosureSource
{
    public const string ReadersOfTheIdea = "readers-of-the-idea";

    public async Task<IReadOnlyList<Disclosure>> DescribeAsync(Viewer viewer, CancellationToken cancellationToken)
    {
        var me = viewer.PersonId;
        var ideas = await db.Set<Idea>().CountAsync(i => i.AuthorId == me, cancellationToken);
        var votes = await db.Set<IdeaVote>().CountAsync(v => v.PersonId == me, cancellationToken);
        var comments = await db.Set<IdeaComment>().CountAsync(c => c.AuthorId == me, cancellationToken);
        return
        [
            new Disclosure("ideas", ideas, ReadersOfTheIdea),
            new Disclosure("idea-votes", votes, Audiences.OnlyYou),
            new Disclosure("idea-comments", comments, ReadersOfTheIdea),
        ];
    }
}
