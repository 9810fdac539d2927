using Microsoft.EntityFrameworkCore;
using Ruche.Core.Data;
using Ruche.Core.Follows;
using Ruche.Core.People;
using Ruche.Core.Posts;
using Ruche.Core.Common;
using Ruche.Core.Spaces;

namespace Ruche.InfluenceBench;

/// <summary>
/// A company of <c>people</c> and about <c>interactions</c> A→B acts in Ruche's own tables, within the last 180 days:
/// reactions 60%, top-level comments 15%, replies 5%, mentions 5%, shares 5%, follows 10%; authors and followees with
/// a power-law skew (a few people draw much), givers uniform; one post per ten acts; 1% of the posts in two union
/// spaces (their acts are refused).
/// </summary>
internal static class Generator
{
    public static async Task RunAsync(RucheDbContext db, int people, int interactions, DateTime now, Action<string> log)
    {
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var writer = new BulkWriter(db, postgres: false);
        var random = new Random(17);
        var sites = Enumerable.Range(1, 5).Select(i => new Site { Id = i, Name = $"Site {i}", TimeZone = "Europe/Paris", CountryCode = "FR" }).ToList();
        var departments = Enumerable.Range(1, 20).Select(i => new Department { Id = i, Name = $"Département {i}" }).ToList();
        await writer.WriteAsync(sites);
        await writer.WriteAsync(departments);
        await writer.WriteAsync(Enumerable.Range(1, people).Select(i =>
        {
            var handle = $"p{i}";
            return new Person
            {
                Id = i,
                UserName = handle + "@bench.ruche",
                NormalizedUserName = (handle + "@bench.ruche").ToUpperInvariant(),
                Email = handle + "@bench.ruche",
                NormalizedEmail = (handle + "@bench.ruche").ToUpperInvariant(),
                SecurityStamp = "s",
                ConcurrencyStamp = "c",
                DisplayName = $"Personne {i}",
                Handle = handle,
                DepartmentId = 1 + (i % departments.Count),
                SiteId = 1 + (i % sites.Count),
                TimeZone = "Europe/Paris",
                CreatedAt = now.AddYears(-1),
            };
        }));
        log($"  people written");

        var firstSpace = (await db.Spaces.MaxAsync(s => (long?)s.Id) ?? 0) + 1;
        const int spaceCount = 200;
        await writer.WriteAsync(Enumerable.Range(0, spaceCount).Select(i => new Space
        {
            Id = firstSpace + i,
            Name = $"Espace {i}",
            Kind = i < 2 ? SpaceKind.Union : SpaceKind.Project,
            Visibility = SpaceVisibility.Open,
            CreatedAt = now.AddYears(-1),
            CreatedById = 1,
        }));

        long Skewed() => 1 + (long)(people * Math.Pow(random.NextDouble(), 3));
        long Uniform() => 1 + random.Next(people);
        DateTime When() => now.AddSeconds(-random.NextDouble() * 179 * 86400);

        var postCount = Math.Max(10, interactions / 10);
        var shares = interactions / 20;
        var authors = new long[postCount + 1];
        var spaces = new long?[postCount + 1];
        await writer.WriteAsync(Enumerable.Range(1, postCount).Select(i =>
        {
            long? space = random.Next(100) switch
            {
                0 => firstSpace + random.Next(2),
                < 40 => (long?)null,
                _ => firstSpace + 2 + random.Next(spaceCount - 2),
            };
            authors[i] = Skewed();
            spaces[i] = space;
            return new Post { Id = i, AuthorId = authors[i], SpaceId = space, Body = "p", BodyHtml = "<p>p</p>", CreatedAt = When() };
        }));
        await writer.WriteAsync(Enumerable.Range(1, postCount / 10).Select(i => new PostTag { PostId = i * 10, Tag = "sujet" + (i % 50) }));
        await writer.WriteAsync(Enumerable.Range(postCount + 1, shares).Select(i =>
        {
            var shared = 1 + random.Next(postCount);
            return new Post { Id = i, AuthorId = Uniform(), SpaceId = spaces[shared], Body = "s", BodyHtml = "<p>s</p>", CreatedAt = When(), SharedPostId = shared, IsShare = true };
        }));
        log($"  posts and shares written");

        ReactionKind[] kinds = Enum.GetValues<ReactionKind>();
        await writer.WriteAsync(Enumerable.Range(0, interactions / 10 * 6).Select(_ =>
            new Reaction { PostId = 1 + random.Next(postCount), PersonId = Uniform(), Kind = kinds[random.Next(kinds.Length)], CreatedAt = When() }));
        log($"  reactions written");
        var topLevel = interactions / 20 * 3;
        var commentPosts = new int[topLevel + 1];
        await writer.WriteAsync(Enumerable.Range(1, topLevel).Select(i =>
        {
            commentPosts[i] = 1 + random.Next(postCount);
            return new Comment { Id = i, PostId = commentPosts[i], AuthorId = Uniform(), Body = "c", BodyHtml = "<p>c</p>", CreatedAt = When() };
        }));
        await writer.WriteAsync(Enumerable.Range(topLevel + 1, interactions / 20).Select(i =>
        {
            var parent = 1 + random.Next(topLevel);
            return new Comment { Id = i, PostId = commentPosts[parent], ParentCommentId = parent, AuthorId = Uniform(), Body = "r", BodyHtml = "<p>r</p>", CreatedAt = When() };
        }));
        log($"  comments written");
        await writer.WriteAsync(Enumerable.Range(0, interactions / 20).Select(_ => new PostMention { PostId = 1 + random.Next(postCount), PersonId = Skewed() }));
        await writer.WriteAsync(Enumerable.Range(0, interactions / 10).Select(_ => new PersonFollow { FollowerId = Uniform(), FolloweeId = Skewed(), CreatedAt = When() }));
        log($"  mentions and follows written");
    }
}
