using Ruche.Core.Common;

namespace Ruche.Core.PersonalData;

/// <summary>
/// One kind of a person's data and who can see it. Every feature holding personal data registers one, so the
/// "who sees what" page answers for all of them (goals, survey answers and union choices join the same way).
/// </summary>
public interface IDisclosureSource
{
    Task<IReadOnlyList<Disclosure>> DescribeAsync(Viewer viewer, CancellationToken cancellationToken);
}

/// <summary>
/// What (<see cref="What"/>, a text key), how many of them, and who sees it: an <see cref="Audience"/> key, with
/// the space's name and member count when the audience is a space's members.
/// </summary>
public sealed record Disclosure(string What, int? Count, string Audience, string? SpaceName = null, int? AudienceSize = null);

public static class Audiences
{
    public const string OnlyYou = "only-you";
    public const string Everyone = "everyone";
    public const string SpaceMembers = "space-members";
    public const string ReadersOfThePost = "readers-of-the-post";
    public const string ReadersOfTheEvent = "readers-of-the-event";
    public const string Administrators = "administrators";

    /// <summary>How the "who sees what" page orders its lines: the widest audience first, what only you see last.</summary>
    public static int Breadth(string audience) => audience switch
    {
        Everyone => 0,
        ReadersOfThePost or ReadersOfTheEvent => 1,
        SpaceMembers => 2,
        Administrators => 3,
        OnlyYou => 5,
        _ => 4,
    };
}
