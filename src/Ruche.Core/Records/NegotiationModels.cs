using System.ComponentModel.DataAnnotations;
namespace Ruche.Core.Records;

/// <param name="DirectionIds">People of direction named as parties (the drafter is one of them).</param>
/// <param name="UnionIds">Unions named as parties; each approves through one of its delegates.</param>
/// <param name="AudienceSpaceId">Who reads it once published: null for the whole company, else the members of this space.</param>
public sealed record NegotiationDraft(
    [property: MaxLength(RecordsLimits.TitleMaxLength)] string? Title, [property: MaxLength(RecordsLimits.SubjectMaxLength)] string? Subject, [property: MaxLength(RecordsLimits.TextMaxLength)] string? Text,
    [property: MaxLength(RecordsLimits.PartiesMax)] IReadOnlyList<long>? DirectionIds, [property: MaxLength(RecordsLimits.PartiesMax)] IReadOnlyList<long>? UnionIds, long? AudienceSpaceId);

public sealed record NegotiationEdit(
    [property: MaxLength(RecordsLimits.TitleMaxLength)] string? Title, [property: MaxLength(RecordsLimits.SubjectMaxLength)] string? Subject, [property: MaxLength(RecordsLimits.TextMaxLength)] string? Text);

/// <param name="Version">The version the party read and approves: a text changed meanwhile is refused.</param>
public sealed record NegotiationApproval(int Version);

public sealed record NegotiationSummary(
    long Id, string Title, string Subject, NegotiationStatus Status, int Version, string? AudienceSpaceName, DateTime CreatedAt, DateTime? PublishedAt,
    int Parties, int Approvals);

/// <param name="Label">A direction person's name, or a union's name.</param>
public sealed record NegotiationPartyView(long Id, bool IsUnion, long? PersonId, long? UnionId, string Label, int? ApprovedVersion, DateTime? ApprovedAt, bool IsViewer);

public sealed record NegotiationStepView(NegotiationStepKind Kind, int Version, string? Party, DateTime At);

public sealed record NegotiationVersionView(int Number, string? Party, DateTime SavedAt);

/// <param name="CanEdit">The viewer speaks for a party and the record is not published.</param>
/// <param name="CanApprove">The viewer speaks for a party that has not approved the current version, in review.</param>
public sealed record NegotiationView(
    long Id, string Title, string Subject, string Text, string TextHtml, NegotiationStatus Status, int Version,
    long? AudienceSpaceId, string? AudienceSpaceName, DateTime CreatedAt, DateTime? PublishedAt,
    IReadOnlyList<NegotiationPartyView> Parties, IReadOnlyList<NegotiationStepView> Timeline, IReadOnlyList<NegotiationVersionView> Versions,
    bool CanEdit, bool CanApprove, bool CanSubmit);
