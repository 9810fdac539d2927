using Microsoft.EntityFrameworkCore;
using Ruche.Core.Common;
using Ruche.Core.Data;
using Ruche.Core.PersonalData;

namespace Ruche.Core.Library;

/// <summary>
/// The files a person uploaded to libraries are read, with their name as uploader, by whoever reads the space; how
/// often they were downloaded is theirs alone.
/// </summary>
public sealed class LibraryDisclosure(RucheDbContext db) : IDisclosureSource
{
    public const string ReadersOfTheSpace = "readers-of-the-space";

    public async Task<IReadOnlyList<Disclosure>> DescribeAsync(Viewer viewer, CancellationToken cancellationToken)
    {
        var me = viewer.PersonId;
        var versions = await db.Set<LibraryFileVersion>().CountAsync(v => v.UploadedById == me, cancellationToken);
        return
        [
            new Disclosure("library-files", versions, ReadersOfTheSpace),
            new Disclosure("library-downloads", versions, Audiences.OnlyYou),
        ];
    }
}
