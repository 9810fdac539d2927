using Ruche.Core.Common;
using Ruche.Core.Spaces;
using Ruche.Demo.People;
using Ruche.Demo.WorkTime;

namespace Ruche.Demo.Spaces;

/// <summary>A seeded space: its entity, its active members, who may post, and which text pool its posts come from.</summary>
internal sealed class DemoSpace
{
    private DemoSpace(Space space, string pool, int postCount, List<DemoMember> members, List<DemoMember> posters)
    {
        Space = space;
        Pool = pool;
        PostCount = postCount;
        Members = members;
        Posters = posters;
    }

    public Space Space { get; }

    public string Pool { get; }

    public int PostCount { get; }

    public IReadOnlyList<DemoMember> Members { get; }

    public IReadOnlyList<DemoMember> Posters { get; }

    public bool IsWorkSpace => Space.Kind is SpaceKind.Team or SpaceKind.Project or SpaceKind.Announcements;

    public static DemoSpace Create(
        string name,
        string description,
        SpaceKind kind,
        SpaceVisibility visibility,
        string pool,
        int postCount,
        DateTime createdAt,
        IReadOnlyList<DemoMember> owners,
        IReadOnlyList<DemoMember> moderators,
        IReadOnlyList<DemoMember> members,
        bool isDefault = false)
    {
        var all = owners.Concat(moderators).Concat(members).Distinct().ToList();
        var space = new Space
        {
            Name = name,
            Description = description,
            Kind = kind,
            Visibility = visibility,
            IsDefault = isDefault,
            CreatedAt = createdAt,
            CreatedById = owners[0].Id,
            Members = all.Select(m => new SpaceMembership
            {
                PersonId = m.Id,
                Role = owners.Contains(m) ? SpaceRole.Owner : moderators.Contains(m) ? SpaceRole.Moderator : SpaceRole.Member,
                Status = MembershipStatus.Active,
                CreatedAt = DemoCalendar.Later(createdAt, m.JoinedAt),
            }).ToList(),
        };

        // Announcement spaces take posts from their owners and moderators only (SpaceSummary.CanPost).
        var posters = kind == SpaceKind.Announcements ? owners.Concat(moderators).Distinct().ToList() : all;
        return new DemoSpace(space, pool, postCount, all, posters);
    }
}
