using Ruche.Core.Common;
using Ruche.Core.PersonalData;

namespace Ruche.Core.Profiles;

/// <summary>The directory profile is read by every signed-in colleague; settings and tokens by the person alone.</summary>
public sealed class ProfileDisclosure : IDisclosureSource
{
    public Task<IReadOnlyList<Disclosure>> DescribeAsync(Viewer viewer, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<Disclosure>>(
        [
            new Disclosure("profile", null, Audiences.Everyone),
            new Disclosure("followers-count", null, Audiences.Everyone),
            new Disclosure("following", null, Audiences.OnlyYou),
            new Disclosure("settings", null, Audiences.OnlyYou),
        ]);
}
