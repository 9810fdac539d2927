using Ruche.Core.Common;
using Ruche.Core.PersonalData;

namespace Ruche.Core.Influence;

/// <summary>
/// Who sees a person's influence figures (ADR 24): the person always; HR and administrators only when the person chose
/// to be recognised; nobody else, ever. Their acts also count in group figures HR reads only for groups of 5 or more.
/// Having left the graph, nobody sees any figure of theirs.
/// </summary>
public sealed class InfluenceDisclosure(InfluencePreferences preferences) : IDisclosureSource
{
    /// <summary>The person, and HR and administrators (the person chose to be recognised).</summary>
    public const string YouAndHr = "influence-you-and-hr";

    /// <summary>Only the person (HR and administrators too if they choose to be recognised; nobody else).</summary>
    public const string OnlyYou = "influence-only-you";

    /// <summary>HR and administrators, only as figures of groups of at least 5 people.</summary>
    public const string GroupsOfFive = "influence-groups-of-five";

    /// <summary>Nobody: the person left the graph.</summary>
    public const string Nobody = "influence-nobody";

    public async Task<IReadOnlyList<Disclosure>> DescribeAsync(Viewer viewer, CancellationToken cancellationToken)
    {
        var choices = await preferences.GetAsync(viewer, cancellationToken);
        if (choices.LeftGraph)
        {
            return [new Disclosure("influence-figures", null, Nobody)];
        }

        return
        [
            new Disclosure("influence-figures", null, choices.Recognised ? YouAndHr : OnlyYou),
            new Disclosure("influence-groups", null, GroupsOfFive),
        ];
    }
}
