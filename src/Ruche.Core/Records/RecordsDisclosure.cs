using Microsoft.EntityFrameworkCore;
using Ruche.Core.Common;
using Ruche.Core.Data;
using Ruche.Core.PersonalData;

namespace Ruche.Core.Records;

/// <summary>Who sees a person's remarks on CSE minutes: the CSE (president, secretary, members); employer answers, everyone once published.</summary>
public sealed class RecordsDisclosure(RucheDbContext db) : IDisclosureSource
{
    public const string CseMembers = "cse-members";

    public async Task<IReadOnlyList<Disclosure>> DescribeAsync(Viewer viewer, CancellationToken cancellationToken)
    {
        var remarks = await db.Set<CseComment>().CountAsync(c => c.AuthorId == viewer.PersonId && !c.IsEmployerAnswer, cancellationToken);
        return remarks == 0 ? [] : [new Disclosure("cse-remarks", remarks, CseMembers)];
    }
}
