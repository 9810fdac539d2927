using Ruche.Core.People;

namespace Ruche.Core.Posts;

/// <summary>A new post: in a space, or on the author's profile when <see cref="SpaceId"/> is null.</summary>
public sealed record NewPost(string? Body, long? SpaceId = null, IReadOnlyList<Guid>? ImageIds = null, long? SharePostId = null);

public sealed record PostRevisionView(long Id, string Body, DateTime WrittenAt, DateTime ReplacedAt);

public sealed record CommentView(
    long Id,
    long PostId,
    long? ParentCommentId,
    PersonRef Author,
    string BodyHtml,
    DateTime CreatedAt,
    bool CanDelete);
