using Ruche.Core.Content;
using Ruche.Core.Posts;

namespace Ruche.Demo.Posts;

/// <summary>Writes the planned posts and comments in time order, so their ids grow with time as feeds expect.</summary>
internal sealed partial class DemoActivity
{
    private async Task SavePostsAsync(List<PostPlan> posts, CancellationToken cancellationToken)
    {
        foreach (var plan in posts)
        {
            // A share stores its original's id, so the original is saved first; everything older goes with it, keeping ids in time order.
            if (plan.Shared is { Entity.Id: 0 })
            {
                await db.SaveChangesAsync(cancellationToken);
            }

            var parsed = MarkdownContent.Parse(plan.Body);
            var post = new Post
            {
                AuthorId = plan.Author.Id,
                SpaceId = plan.Space?.Space.Id,
                Body = plan.Body,
                BodyHtml = markdown.RenderHtml(parsed, handles),
                CreatedAt = plan.At,
                EditedAt = plan.EditedAt,
                PinnedAt = plan.PinnedAt,
                SharedPostId = plan.Shared?.Entity!.Id,
                IsShare = plan.Shared is not null,
                Tags = parsed.Tags.Select(t => new PostTag { Tag = t }).ToList(),
                Mentions = parsed.Handles.Where(handles.ContainsKey).Select(h => new PostMention { PersonId = staff.ByHandle[h].Id }).ToList(),
                Reactions = plan.Reactions,
                Revisions = plan.Before is null
                    ? []
                    : [new PostRevision { Body = plan.Before, WrittenAt = plan.At, ReplacedAt = plan.EditedAt ?? plan.At }],
            };
            db.Posts.Add(post);
            plan.Entity = post;
        }

        await db.SaveChangesAsync(cancellationToken);

        // Later batches only need ids; a lighter change tracker keeps them fast.
        db.ChangeTracker.Clear();
    }

    private async Task SaveCommentsAsync(List<CommentPlan> comments, CancellationToken cancellationToken)
    {
        foreach (var plan in comments)
        {
            // Same rule as shares: a reply needs its parent's id, and comments list by id.
            if (plan.Parent is { Entity.Id: 0 })
            {
                await db.SaveChangesAsync(cancellationToken);
            }

            var comment = new Comment
            {
                PostId = plan.Post.Entity!.Id,
                ParentCommentId = plan.Parent?.Entity!.Id,
                AuthorId = plan.Author.Id,
                Body = plan.Body,
                BodyHtml = markdown.RenderHtml(MarkdownContent.Parse(plan.Body), handles),
                CreatedAt = plan.At,
            };
            db.Comments.Add(comment);
            plan.Entity = comment;
        }

        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }
}
