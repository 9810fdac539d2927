using Microsoft.EntityFrameworkCore;
using Ruche.Core.Common;
using Ruche.Core.Data;
using Ruche.Core.PersonalData;

namespace Ruche.Core.Dialogue;

/// <summary>
/// Who sees a person's relation with the unions: their broadcast choices, nobody but them (the union counts groups of 5
/// or more); their questions, the asked union's delegates. Neither the employer, HR nor administrators.
/// </summary>
public sealed class DialogueDisclosure(RucheDbContext db) : IDisclosureSource
{
    public const string UnionDelegates = "union-delegates";

    public async Task<IReadOnlyList<Disclosure>> DescribeAsync(Viewer viewer, CancellationToken cancellationToken)
    {
        var me = viewer.PersonId;
        var choices = await db.Set<BroadcastChoice>().CountAsync(c => c.PersonId == me, cancellationToken);
        var questions = await db.Set<UnionQuestion>().CountAsync(q => q.AskerId == me, cancellationToken);
        return [new Disclosure("union-choices", choices, Audiences.OnlyYou), new Disclosure("union-questions", questions, UnionDelegates)];
    }
}
