using Ruche.Core.Common;
using Ruche.Core.People;

namespace Ruche.Core.Moderation;

/// <summary>What the reporter learns: their report, new or the one they made before (<see cref="Created"/> false).</summary>
public sealed record ReportReceipt(long Id, bool Created, bool Open);

/// <summary>A piece of reported content in the queue, with its open reports (who reported is for moderators' eyes only).</summary>
public sealed record ReportedItem(
    ReportedContent Content,
    long ContentId,
    long? PostId,
    PersonRef Author,
    SpaceRef? Space,
    string Excerpt,
    bool Hidden,
    IReadOnlyList<ReportView> Reports);

public sealed record ReportView(long Id, ReportReason Reason, string? Note, PersonRef Reporter, DateTime CreatedAt);

/// <summary>
/// A decision as its author reads it: what was done to which content, why and when; <see cref="PostId"/> while the
/// content can still be opened (hidden, not deleted). Neither the reporters nor their number are told.
/// </summary>
public sealed record DecisionView(long Id, ReportedContent Content, ModerationAction Action, string Reason, DateTime DecidedAt, long? PostId, SpaceRef? Space);
