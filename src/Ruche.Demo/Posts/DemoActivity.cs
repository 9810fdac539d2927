using Ruche.Core.Content;
using Ruche.Core.Data;
using Ruche.Core.Posts;
using Ruche.Core.Spaces;

namespace Ruche.Demo;

/// <summary>A month of posts, comments and reactions, written the way the demo company's people would.</summary>
internal sealed class DemoActivity
{
    private const int ProfilePosts = 24;
    private const int Shares = 8;
    private const int PinnedAnnouncements = 3;

    private readonly RucheDbContext db;
    private readonly DemoStaff staff;
    private readonly IReadOnlyList<DemoSpace> spaces;
    private readonly Random random;
    private readonly DateTime now;
    private readonly DemoCalendar calendar;
    private readonly DemoSpace cafe;
    private readonly MarkdownContent markdown = new();
    private readonly HashSet<string> handles;
    private readonly DemoWriter writer;

    public DemoActivity(RucheDbContext db, DemoStaff staff, IReadOnlyList<DemoSpace> spaces, Random random, DateTime now)
    {
        this.db = db;
        this.staff = staff;
        this.spaces = spaces;
        this.random = random;
        this.now = now;
        calendar = new DemoCalendar(random, now);
        cafe = spaces.Single(s => s.Space.IsDefault);
        handles = staff.All.Select(m => m.Handle).ToHashSet(StringComparer.Ordinal);
        writer = new DemoWriter(random);
    }

    public async Task WriteAsync(CancellationToken cancellationToken)
    {
        var posts = PlanPosts();

        // Feeds page on ids, newest first: inserting oldest first makes ids grow with time.
        posts.Sort((a, b) => a.At.CompareTo(b.At));
        var comments = PlanComments(posts);
        await SavePostsAsync(posts, cancellationToken);
        await SaveCommentsAsync(comments, cancellationToken);
    }

    private List<PostPlan> PlanPosts()
    {
        var plans = new List<PostPlan>();
        foreach (var space in spaces)
        {
            for (var i = 0; i < space.PostCount; i++)
            {
                var author = writer.Weighted(space.Posters);
                var at = calendar.PickTime(author, space.IsWorkSpace);

                // One Café post in five speaks of the writer's own city.
                var pool = space == cafe && random.NextDouble() < 0.2 ? "cafe:" + author.Site.Name : space.Pool;
                plans.Add(new PostPlan(at, author, space, writer.Fill(writer.Draw(pool), author, space.Members, at)));
            }
        }

        for (var i = 0; i < ProfilePosts; i++)
        {
            var author = writer.Weighted(staff.All);
            var at = calendar.PickTime(author, workday: false);
            plans.Add(new PostPlan(at, author, null, writer.Fill(writer.Draw("profile"), author, staff.All, at)));
        }

        PlanFridays(plans);
        PlanNewcomers(plans);
        PlanEdits(plans);
        foreach (var pinned in plans
            .Where(p => p.Space?.Space.Kind == SpaceKind.Announcements && p.Body.StartsWith("**", StringComparison.Ordinal))
            .OrderByDescending(p => p.At)
            .Take(PinnedAnnouncements))
        {
            pinned.PinnedAt = DemoCalendar.Earlier(pinned.At.AddMinutes(random.Next(5, 30)), now);
        }

        PlanShares(plans);
        return plans;
    }

    private void PlanFridays(List<PostPlan> plans)
    {
        for (var d = 0; d < DemoCalendar.ActivityDays; d++)
        {
            var day = calendar.Today.AddDays(-d);
            if (day.DayOfWeek != DayOfWeek.Friday)
            {
                continue;
            }

            for (var i = random.Next(1, 3); i > 0; i--)
            {
                var author = writer.Weighted(cafe.Posters);
                var at = calendar.Local(day, random.Next((15 * 60) + 30, 18 * 60), author);
                if (at < now && at > author.JoinedAt)
                {
                    plans.Add(new PostPlan(at, author, cafe, writer.Fill(writer.Draw("friday"), author, cafe.Members, at)));
                }
            }
        }
    }

    private void PlanNewcomers(List<PostPlan> plans)
    {
        foreach (var newcomer in staff.All.Where(m => m.Spec.JoinedDaysAgo > 0))
        {
            var spec = newcomer.Spec;
            var manager = staff.ByHandle[spec.Manager!];
            var welcomedAt = calendar.DuringWorkingHours(newcomer.JoinedAt.AddHours(2).AddMinutes(random.Next(60)), manager);
            if (welcomedAt < now)
            {
                plans.Add(new PostPlan(welcomedAt, manager, cafe, DemoTexts.Welcome(newcomer.Handle, spec.JobTitle, spec.Department, spec.Site)));
            }

            var introducedAt = calendar.DuringWorkingHours(newcomer.JoinedAt.AddDays(1).AddHours(1).AddMinutes(random.Next(90)), newcomer);
            if (introducedAt < now)
            {
                plans.Add(new PostPlan(introducedAt, newcomer, cafe, DemoTexts.Introduction(spec.JobTitle, spec.Site, manager.Handle)));
            }
        }
    }

    private void PlanEdits(List<PostPlan> plans)
    {
        foreach (var edit in DemoTexts.Edits)
        {
            var space = spaces.Single(s => s.Pool == edit.Pool);
            var author = writer.Weighted(space.Posters);
            var at = calendar.PickTime(author, space.IsWorkSpace);
            plans.Add(new PostPlan(at, author, space, writer.Fill(edit.After, author, space.Members, at))
            {
                Before = edit.Before,
                EditedAt = DemoCalendar.Earlier(at.AddMinutes(random.Next(3, 45)), now),
            });
        }
    }

    private void PlanShares(List<PostPlan> plans)
    {
        // Only open-space posts: a share must never carry a private or secret post out of its space.
        var shareable = plans
            .Where(p => p.Space is { } s && s.Space.Visibility == SpaceVisibility.Open && !s.Space.IsDefault && p.At < now.AddHours(-6))
            .ToList();
        foreach (var original in DemoCompany.Shuffled(shareable, random).Take(Shares))
        {
            var sharer = writer.Weighted(staff.All.Where(m => m != original.Author).ToList());
            if (calendar.After(original.At) is not { } at || sharer.JoinedAt > at)
            {
                continue;
            }

            // Most shares land on the sharer's profile, some in their team's space.
            var target = random.NextDouble() < 0.3 ? spaces.Single(s => s.Pool == "team:" + sharer.Spec.Department) : null;
            plans.Add(new PostPlan(at, sharer, target, writer.Fill(writer.Draw("share"), sharer, target?.Members ?? staff.All, at)) { Shared = original });
        }
    }

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
        foreach (var reader in DemoCompany.Shuffled(audience.Where(m => m != post.Author), random).Take(readers))
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
                Mentions = parsed.Handles.Where(handles.Contains).Select(h => new PostMention { PersonId = staff.ByHandle[h].Id }).ToList(),
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

    private sealed class PostPlan(DateTime at, DemoMember author, DemoSpace? space, string body)
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

    private sealed class CommentPlan(PostPlan post, CommentPlan? parent, DateTime at, DemoMember author, string body)
    {
        public PostPlan Post => post;

        public CommentPlan? Parent => parent;

        public DateTime At => at;

        public DemoMember Author => author;

        public string Body => body;

        public Comment? Entity { get; set; }
    }
}
