using Ruche.Core.Posts;
using Ruche.Demo.People;
using Ruche.Demo.Spaces;

namespace Ruche.Demo.Posts;

/// <summary>A post decided before any is saved: posts are sorted by time first, so ids follow time.</summary>
internal sealed class PostPlan(DateTime at, DemoMember author, DemoSpace? space, string body)
{
    public DateTime At => at;

    public DemoMember Author => author;

    public DemoSpace? Space => space;

    public string Body => body;

    public string? Before { get; init; }

    public DateTime? EditedAt { get; init; }

    public DateTime? PinnedAt { get; set; }

    public PostPlan? Shared { get; init; }

    public List<Reaction> Reactions { get; } = [];

    public Post? Entity { get; set; }
}
