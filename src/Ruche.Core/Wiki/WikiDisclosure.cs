using Microsoft.EntityFrameworkCore;
using Ruche.Core.Common;
using Ruche.Core.Data;
using Ruche.Core.PersonalData;

namespace Ruche.Core.Wiki;

/// <summary>Revisions a person saved (signed in the page's history) and their comments are seen by whoever reads the page.</summary>
public sealed class WikiDisclosure(RucheDbContext db) : IDisclosureSource
{
    public const string ReadersOfThePage = "readers-of-the-page";

    public async Task<IReadOnlyList<Disclosure>> DescribeAsync(Viewer viewer, CancellationToken cancellationToken)
    {
        var me = viewer.PersonId;
        var revisions = await db.Set<WikiRevision>().CountAsync(r => r.AuthorId == me, cancellationToken);
        var comments = await db.Set<WikiComment>().CountAsync(c => c.AuthorId == me, cancellationToken);
        return
        [
            new Disclosure("page-revisions", revisions, ReadersOfThePage),
            new Disclosure("page-comments", comments, ReadersOfThePage),
        ];
    }
}
