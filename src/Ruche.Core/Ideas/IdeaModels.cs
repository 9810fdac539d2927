using Ruche.Core.Common;
using Ruche.Core.People;

namespace Ruche.Core.Ideas;

/// <summary>An idea as lists show it.</summary>
public sealed record IdeaCard(
    long Id,
    string Title,
    string Status,
    PersonRef Author,
    SpaceRef? Space,
    int Votes,
    int RecentVotes,
    int Comments,
    IReadOnlyList<string> Tags,
    bool Voted,
    DateTime CreatedAt);

/// <summary>An idea with its timeline (comments and status changes, oldest first) and what the viewer may do.</summary>
public sealed record IdeaView(
    long Id,
    string Title,
    string Description,
    string DescriptionHtml,
    string Status,
    PersonRef Author,
    PersonRef? Owner,
    SpaceRef? Space,
    int Votes,
    int Comments,
    IReadOnlyList<string> Tags,
    bool Voted,
    bool Following,
    bool CanTriage,
    DateTime CreatedAt,
    IReadOnlyList<IdeaTimelineEntry> Timeline);

/// <summary>A comment (<see cref="Body"/> set) or a status change (<see cref="To"/> set) on an idea's timeline.</summary>
public sealed record IdeaTimelineEntry(
    string Kind,
    long Id,
    PersonRef? Person,
    DateTime At,
    string? BodyHtml,
    string? From,
    string? To,
    PersonRef? Owner,
    string? Reason);

/// <summary>How a list is ordered: most votes, most votes in the last 14 days, or newest.</summary>
public enum IdeaOrder
{
    Votes,
    Trend,
    Recent,
}

/// <summary>A new idea: in a space the author may post in, or company-wide without one.</summary>
public sealed record NewIdea(string? Title, string? Description, IReadOnlyList<string>? Tags, long? SpaceId);

/// <summary>A triage decision: the new status (by name), who carries it, and the public reason.</summary>
public sealed record IdeaTriage(string? Status, long? OwnerId, string? Reason);
