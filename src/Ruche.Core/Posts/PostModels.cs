using Ruche.Core.People;

namespace Ruche.Core.Posts;

/// <summary>A new post: in a space, or on the author's profile when <see cref="SpaceId"/> is null.</summary>
/// <param name="DocumentIds">Documents uploaded with <c>FilePurpose.PostDocument</c>, listed under the post.</param>
public sealed record NewPost(string? Body, long? SpaceId = null, IReadOnlyList<Guid>? ImageIds = null, long? SharePostId = null, IReadOnlyList<Guid>? DocumentIds = null);

public sealed record PostRevisionView(long Id, string Body, DateTime WrittenAt, DateTime ReplacedAt);

public sealed record CommentView(
    long Id,
    long PostId,
    long? ParentCommentId,
    PersonRef Author,
    string BodyHtml,
    DateTime CreatedAt,
    bool CanDelete,
    string? HiddenReason = null,
    IReadOnlyList<AttachedDocument>? Documents = null)
{
    /// <summary>A moderator hid it: only its author and the post's moderators see it, with why.</summary>
    public bool IsHidden => HiddenReason is not null;
}
