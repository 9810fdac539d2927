namespace Ruche.Demo.People;

/// <summary>One person of the demo company; the handle and address derive from the names.</summary>
/// <param name="Manager">The manager's handle; null for the chief executive only.</param>
/// <param name="JoinedDaysAgo">Above zero for newcomers, who arrive during the month of activity.</param>
internal sealed record DemoPersonSpec(
    string FirstName,
    string LastName,
    string Site,
    string Department,
    string JobTitle,
    string? Manager,
    string? Role = null,
    int JoinedDaysAgo = 0,
    string? Bio = null,
    string[]? Skills = null)
{
    public string Handle => DemoRoster.Handle(FirstName, LastName);
}
