using Ruche.Core.People;
using Ruche.Core.Targeting;

namespace Ruche.Core.Communication;

/// <summary>What HR or the *community manager social* sends; no audience is everyone; the category decides who may refuse it.</summary>
public sealed record NewMessage(string? Title, string? Body, string? Category, Audience? Audience = null);

/// <summary>A message as its reader sees it: their own read flag, and whether they may refuse its category.</summary>
public sealed record MessageView(
    long Id, string Title, string BodyHtml, string Category, DateTime SentAt, PersonRef? Author, bool IsSender, bool CanRefuseCategory, bool RefusesCategory);

/// <summary>One of the viewer's own messages in their list; <paramref name="IsRead"/> is theirs, seen by them only.</summary>
public sealed record InboxItem(long Id, string Title, string Category, DateTime SentAt, bool IsRead);

/// <summary>A message its sender sent, with its reach in counts only.</summary>
public sealed record SentMessage(long Id, string Title, string Category, DateTime SentAt, AudienceView Audience, int? Recipients, int? Reads);

/// <summary>
/// Reach as its sender sees it: counts of people, each shown only when at least k (null: fewer, or hidden so that no
/// difference between shown counts reveals a smaller group). Per site and department, groups under k are pooled in
/// <paramref name="Others"/>s, itself shown only when at least k.
/// </summary>
public sealed record MessageReach(long MessageId, int? Recipients, int? Reads, IReadOnlyList<GroupReach> BySite, GroupReach? OtherSites, IReadOnlyList<GroupReach> ByDepartment, GroupReach? OtherDepartments);

/// <summary>A group's counts (<paramref name="Name"/> null: people with no site or department).</summary>
public sealed record GroupReach(string? Name, int Recipients, int Reads);

/// <summary>An employee's answer to one refusable category.</summary>
public sealed record OptOutView(string Category, bool Refused);
