using Ruche.Core.Common;
using Ruche.Core.Content;
using Ruche.Core.Data;
using Ruche.Core.Spaces;
using Ruche.Demo.People;
using Ruche.Demo.Spaces;
using Ruche.Demo.WorkTime;

namespace Ruche.Demo.Posts;

/// <summary>A month of posts, comments and reactions, written the way the demo company's people would.</summary>
internal sealed partial class DemoActivity
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
    private readonly Dictionary<string, string> handles;
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
        handles = staff.All.ToDictionary(m => m.Handle, m => m.Person.DisplayName, StringComparer.Ordinal);
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
            .Where(p => p.Space is { } s && s.Space.Visibility == SpaceRef.CompanyWideVisibility && !s.Space.IsDefault && p.At < now.AddHours(-6))
            .ToList();
        foreach (var original in DemoRandom.Shuffled(shareable, random).Take(Shares))
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
}
