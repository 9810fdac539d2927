using Ruche.Core.Posts;
using Ruche.Demo.People;

namespace Ruche.Demo.Posts;

/// <summary>A comment or reply decided before any is saved, like <see cref="PostPlan"/>.</summary>
internal sealed class CommentPlan(PostPlan post, CommentPlan? parent, DateTime at, DemoMember author, string body)
{
    public PostPlan Post => post;

    public CommentPlan? Parent => parent;

    public DateTime At => at;

    public DemoMember Author => author;

    public string Body => body;

    public Comment? Entity { get; set; }
}
