using Ruche.Core.Common;
using Ruche.Core.PersonalData;

namespace Ruche.Core.Privacy;

/// <summary>Answers "who can see what of mine?" from every registered <see cref="IDisclosureSource"/>.</summary>
public sealed class WhoSeesWhat(IEnumerable<IDisclosureSource> sources)
{
    public async Task<IReadOnlyList<Disclosure>> DescribeAsync(Viewer viewer, CancellationToken cancellationToken)
    {
        var all = new List<Disclosure>();
        foreach (var source in sources)
        {
            all.AddRange(await source.DescribeAsync(viewer, cancellationToken));
        }

        // Widest audience first, whatever order the features registered in.
        return [.. all.OrderBy(d => Audiences.Breadth(d.Audience))];
    }
}
