using Ruche.Core.Posts;
using Ruche.Core.Spaces;
using Ruche.Demo.People;

namespace Ruche.Demo.Posts;

/// <summary>What readers do with a post: comments, replies to them, and reactions.</summary>
internal sealed partial class DemoActivity
{
    private List<CommentPlan> PlanComments(List<PostPlan> posts)
    {
        var comments = new List<CommentPlan>();
        foreach (var post in posts)
        {
            var audience = post.Space?.Members ?? staff.All;
            var topLevel = new List<CommentPlan>();
            var count = random.Next(0, 3) + (random.NextDouble() < 0.45 ? random.Next(1, 4) : 0);
            for (var i = 0; i < count; i++)
            {
                // Replies attach to top-level comments only, as CommentService does.
                var parent = topLevel.Count > 0 && random.NextDouble() < 0.3 ? topLevel[random.Next(topLevel.Count)] : null;
                if (calendar.After(parent?.At ?? post.At) is not { } at)
                {
                    continue;
                }

                var author = parent is not null && parent.Author != post.Author && random.NextDouble() < 0.4
                    ? post.Author
                    : writer.WeightedOrNull(audience.Where(m => m != (parent?.Author ?? post.Author) && m.JoinedAt <= at).ToList());
                if (author is null)
                {
                    continue;
                }

                var body = writer.Fill(writer.Draw(parent is null ? "comment" : "reply"), author, audience, at, post.Author, parent?.Author);
                var comment = new CommentPlan(post, parent, at, author, body);
                comments.Add(comment);
                if (parent is null)
                {
                    topLevel.Add(comment);
                }
            }

            PlanReactions(post, audience);
        }

        comments.Sort((a, b) => a.At.CompareTo(b.At));
        return comments;
    }

    private void PlanReactions(PostPlan post, IReadOnlyList<DemoMember> audience)
    {
        var readers = post.Space?.Space.Kind == SpaceKind.Announcements ? random.Next(8, 18) : random.Next(1, 8);
        var festive = post.Body.Contains("#kudos", StringComparison.Ordinal) || post.Body.Contains("🎉", StringComparison.Ordinal);
        foreach (var reader in DemoRandom.Shuffled(audience.Where(m => m != post.Author), random).Take(readers))
        {
            if (calendar.After(post.At) is not { } at || reader.JoinedAt > at)
            {
                continue;
            }

            var kind = PickKind(festive);
            post.Reactions.Add(new Reaction { PersonId = reader.Id, Kind = kind, CreatedAt = at });
            var second = PickKind(festive);
            var secondAt = at.AddSeconds(random.Next(5, 120));
            if (random.NextDouble() < 0.1 && second != kind && secondAt < now)
            {
                post.Reactions.Add(new Reaction { PersonId = reader.Id, Kind = second, CreatedAt = secondAt });
            }
        }
    }

    private ReactionKind PickKind(bool festive)
    {
        var roll = random.NextDouble();
        if (festive && roll < 0.4)
        {
            return ReactionKind.Celebrate;
        }

        return random.NextDouble() switch
        {
            < 0.52 => ReactionKind.Like,
            < 0.68 => ReactionKind.Love,
            < 0.80 => ReactionKind.Celebrate,
            < 0.93 => ReactionKind.Insightful,
            _ => ReactionKind.Funny,
        };
    }
}
