using Microsoft.EntityFrameworkCore;
using Ruche.Core.Common;
using Ruche.Core.Data;
using Ruche.Core.PersonalData;

namespace Ruche.Core.Recognition;

/// <summary>
/// Kudos a person received and gave are read by everyone (or a private team's readers); their badges by everyone on
/// their profile; whether their thanks show in feeds only they know. HR sees kudos per value only as counts for
/// groups of at least 5.
/// </summary>
public sealed class RecognitionDisclosure(RucheDbContext db) : IDisclosureSource
{
    public const string ReadersOfTheKudos = "readers-of-the-kudos";

    public async Task<IReadOnlyList<Disclosure>> DescribeAsync(Viewer viewer, CancellationToken cancellationToken)
    {
        var me = viewer.PersonId;
        var received = await db.Set<Kudos>().CountAsync(k => k.PersonId == me && k.HiddenAt == null, cancellationToken);
        var given = await db.Set<Kudos>().CountAsync(k => k.GiverId == me && k.HiddenAt == null, cancellationToken);
        var badges = await db.Set<EarnedBadge>().CountAsync(b => b.PersonId == me, cancellationToken);
        return
        [
            new Disclosure("kudos-received", received, Audiences.Everyone),
            new Disclosure("kudos-given", given, ReadersOfTheKudos),
            new Disclosure("badges", badges, Audiences.Everyone),
            new Disclosure("kudos-in-feeds", null, Audiences.OnlyYou),
        ];
    }
}
