using Ruche.Core.People;

namespace Ruche.Demo.People;

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
