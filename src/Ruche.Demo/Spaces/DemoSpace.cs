using Ruche.Core.People;
using Ruche.Core.Spaces;

namespace Ruche.Demo;

/// <summary>A seeded person with what the activity generator needs to write as them.</summary>
internal sealed class DemoMember(Person person, DemoPersonSpec spec, DemoSite site, TimeZoneInfo zone, IReadOnlyList<string> skills)
{
    public Person Person => person;

    public DemoPersonSpec Spec => spec;

    public DemoSite Site => site;

    public TimeZoneInfo Zone => zone;

    public IReadOnlyList<string> Skills => skills;

    /// <summary>How often this person writes, relative to colleagues.</summary>
    public double Weight { get; set; } = 1;

    public long Id => person.Id;

    public string Handle => person.Handle;

    public DateTime JoinedAt => person.CreatedAt;
}

internal sealed record DemoStaff(IReadOnlyList<DemoMember> All, IReadOnlyDictionary<string, DemoMember> ByHandle);

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
                CreatedAt = DemoCompany.Later(createdAt, m.JoinedAt),
            }).ToList(),
        };

        // Announcement spaces take posts from their owners and moderators only (SpaceSummary.CanPost).
        var posters = kind == SpaceKind.Announcements ? owners.Concat(moderators).Distinct().ToList() : all;
        return new DemoSpace(space, pool, postCount, all, posters);
    }
}
