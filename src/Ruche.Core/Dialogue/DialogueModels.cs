using Ruche.Core.People;

namespace Ruche.Core.Dialogue;

/// <summary>A union as anyone sees it: its delegates are public (they speak for it), its members and followers are not.</summary>
/// <param name="AcceptsBroadcasts">The viewer's own choice, in force (their answer, or the agreement's default).</param>
/// <param name="ChoseBroadcasts">The viewer answered themself (false: the agreement's default applies).</param>
/// <param name="AcceptsPolls">The viewer's choice in force about the union's polls (announced to them, or not).</param>
/// <param name="ChosePolls">The viewer answered about polls themself.</param>
public sealed record UnionView(
    long Id,
    string Name,
    Guid? LogoFileId,
    long SpaceId,
    IReadOnlyList<PersonRef> Delegates,
    bool IsDelegate,
    bool AcceptsBroadcasts,
    bool ChoseBroadcasts,
    bool AcceptsPolls = false,
    bool ChosePolls = false)
{
    public bool Accepts(UnionChannel channel) => channel == UnionChannel.Polls ? AcceptsPolls : AcceptsBroadcasts;
}

/// <summary>What an administrator records: the union's name, its delegates and, optionally, its logo.</summary>
public sealed record NewUnion(string? Name, IReadOnlyList<long>? DelegateIds, Guid? LogoFileId = null);

/// <summary>The channels and quotas of the agreement, the same for every union.</summary>
public sealed record AgreementTerms(bool Broadcasts, bool Polls, bool Documents, bool Questions, int BroadcastsPerMonth, bool BroadcastsPushedByDefault);

/// <summary>Terms someone would write for one union: accepted only when they are the agreement's own terms (ADR 15).</summary>
public sealed record UnionTerms(long UnionId, AgreementTerms Terms);

public sealed record AgreementRequest(string? Title, DateOnly? ValidFrom, DateOnly? ValidUntil, AgreementTerms? Terms, IReadOnlyList<UnionTerms>? PerUnion = null);

public sealed record AgreementView(long Id, string Title, AgreementTerms Terms, DateOnly ValidFrom, DateOnly? ValidUntil, DateTime RecordedAt);

public sealed record BroadcastView(long Id, long UnionId, string UnionName, PersonRef? Author, string Title, string BodyHtml, DateTime SentAt, bool CanChoose);

/// <summary>What a delegate sends: a title, a Markdown text and, optionally, an audience (nothing: everyone who consents).</summary>
public sealed record NewBroadcast(string? Title, string? Body, Targeting.Audience? Audience = null);

/// <summary>Reach as the union sees it: counts only, and none under 5 people (null: fewer than 5, or nothing to count).</summary>
public sealed record UnionReach(int? Accepting, int? Refusing, int BroadcastsThisMonth, int? BroadcastsPerMonth, IReadOnlyList<BroadcastReach> Broadcasts);

public sealed record BroadcastReach(long BroadcastId, string Title, DateTime SentAt, int? Recipients);

public sealed record QuestionSummary(long Id, long UnionId, string UnionName, PersonRef Asker, string Excerpt, DateTime AskedAt, DateTime LastMessageAt, int Replies);

public sealed record QuestionMessage(PersonRef? Author, string Body, DateTime At, bool FromDelegate);

public sealed record QuestionThread(long Id, long UnionId, string UnionName, PersonRef Asker, IReadOnlyList<QuestionMessage> Messages, bool IsDelegate);
