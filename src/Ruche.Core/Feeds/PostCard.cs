using Ruche.Core.Common;
using Ruche.Core.People;
using Ruche.Core.Posts;
using Ruche.Core.Spaces;

namespace Ruche.Core.Feeds;

/// <summary>
/// A post as a reader sees it in a feed or on its own page; a daily goals post carries its list in <see cref="Goals"/>, a post with a poll its poll in <see cref="Poll"/>.
/// <see cref="Images"/> are <see cref="ImageIds"/> with their descriptions (alt texts).
/// <see cref="HiddenReason"/> is set on a post a moderator hid, which only its author and moderators still read.
/// </summary>
/// <param name="Author">The person who wrote it; null when Ruche wrote it (<paramref name="Origin"/> says what it is).</param>
public sealed record PostCard(
    long Id,
    PersonRef? Author,
    PostOrigin Origin,
    SpaceRef? Space,
    string Body,
    string BodyHtml,
    DateTime CreatedAt,
    DateTime? EditedAt,
    DateTime? PinnedAt,
    IReadOnlyList<string> Tags,
    IReadOnlyList<Guid> ImageIds,
    int CommentCount,
    IReadOnlyList<ReactionCount> Reactions,
    SharedPostCard? Shared,
    PostPermissions Can,
    Goals.GoalListView? Goals = null,
    string? HiddenReason = null,
    Polls.PollView? Poll = null,
    IReadOnlyList<PostImageView>? Images = null,
    IReadOnlyList<AttachedDocument>? Documents = null)
{
    public bool IsHidden => HiddenReason is not null;
}

/// <summary>One image of a post and what it shows, in words (its alt text; null when its author gave none).</summary>
public sealed record PostImageView(Guid Id, string? AltText);

public sealed record ReactionCount(ReactionKind Kind, int Count, bool Mine);

/// <summary>
/// The post a share points to. <see cref="Available"/> is false when it was deleted or the reader may not
/// see it; then nothing else of it is given.
/// </summary>
public sealed record SharedPostCard(bool Available, long? Id, PersonRef? Author, SpaceRef? Space, string? BodyHtml, DateTime? CreatedAt);

