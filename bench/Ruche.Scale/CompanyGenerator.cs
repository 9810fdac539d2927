using System.Diagnostics;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Ruche.Core.Common;
using Ruche.Core.Data;
using Ruche.Core.Follows;
using Ruche.Core.People;
using Ruche.Core.Posts;
using Ruche.Core.Search;
using Ruche.Core.Spaces;
using Ruche.Demo;

namespace Ruche.Scale;

/// <summary>The sizes of the company to build.</summary>
/// <param name="AnnouncementMembers">
/// At least this many members in the announcement space (W3 needs 10,000): when the company has fewer people, the
/// rest are "readers" — people in the Café and the announcements only, who neither post nor follow, so the other
/// workloads see the company of <paramref name="People"/> people they were sized for.
/// </param>
internal sealed record CompanySize(int People, int Posts, int FollowsPerPerson, int AnnouncementMembers = 0)
{
    public int Readers => Math.Max(0, AnnouncementMembers - People);

    /// <summary>Twelve department teams, the announcements, and topical spaces (one per 25 people, at least ten).</summary>
    public int Spaces => 13 + Math.Max(10, People / 25);
}

/// <summary>What the load generator needs to know about the company it built.</summary>
/// <param name="AnnouncerId">The announcement space's owner (person 1, also the most followed person): who may post there.</param>
/// <param name="ReaderIds">The extra announcement readers (see <see cref="CompanySize.AnnouncementMembers"/>), often none.</param>
internal sealed record Company(
    long[] PersonIds, long[] OpenSpaceIds, long AnnouncementSpaceId, long AnnouncerId, long[] ReaderIds, long[] TeamSpaceIds, string[] Tags,
    long FirstPostId, long LastPostId, double IndexedDocsPerSecond, TimeSpan Took);

/// <summary>
/// A realistic company built fast: sites, departments, people with a skewed follow graph (a few people are followed
/// by many), team spaces per department, open project and interest spaces, an announcement space everyone is in,
/// posts by skewed authors (profile and spaces), tags, comments, reactions, and the search index rows of posts,
/// people and spaces (analysed by Ruche's own analyser). Deterministic for a seed.
/// </summary>
internal sealed class CompanyGenerator(RucheDbContext db, bool postgres, CompanySize size, int seed = 42)
{
    private const int Chunk = 50_000;
    private static readonly string[] Words =
    [
        "projet", "réunion", "client", "équipe", "livraison", "sécurité", "télétravail", "budget", "atelier", "formation",
        "déjeuner", "planning", "recette", "migration", "serveur", "données", "qualité", "retour", "idée", "semaine",
        "objectif", "trimestre", "bravo", "merci", "question", "documentation", "version", "incident", "astreinte", "roadmap",
        "design", "mobile", "performance", "kubernetes", "atlas", "contrat", "fournisseur", "salon", "recrutement", "onboarding",
        "release", "feedback", "meeting", "customer", "deadline", "launch", "review", "support", "report", "training",
    ];

    private static readonly string[] TagPool = ["atlas", "securite", "teletravail", "rse", "recrutement", "release", "qualite", "cafe", "formation", "innovation"];
    private readonly Random random = new(seed);
    private readonly BulkWriter writer = new(db, postgres);
    private readonly DateTime start = new(2025, 11, 29, 8, 0, 0, DateTimeKind.Utc);

    public async Task<Company> BuildAsync(Action<string> log)
    {
        var clock = Stopwatch.StartNew();
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var employeeRole = await db.Roles.Where(r => r.Name == RoleNames.Employee).Select(r => r.Id).SingleAsync();
        var cafe = await db.Spaces.Where(s => s.IsDefault).Select(s => s.Id).SingleAsync();
        var firstSpace = await db.Spaces.MaxAsync(s => s.Id) + 1;
        searchId = await db.SearchDocuments.MaxAsync(d => (long?)d.Id) ?? 0;

        var sites = Enumerable.Range(1, 5).Select(i => new Site { Id = i, Name = $"Site {i}", TimeZone = "Europe/Paris", CountryCode = "FR" }).ToList();
        var departments = Enumerable.Range(1, 12).Select(i => new Department { Id = i, Name = $"Département {i}" }).ToList();
        await writer.WriteAsync(sites);
        await writer.WriteAsync(departments);

        // People: one password hash for all (the demo password), like the demo company.
        var hash = new PasswordHasher<Person>().HashPassword(null!, DemoCompany.Password);
        var people = Enumerable.Range(1, size.People).Select(i => (long)i).ToArray();
        var readers = Enumerable.Range(size.People + 1, size.Readers).Select(i => (long)i).ToArray();
        await writer.WriteAsync(people.Concat(readers).Select(id =>
        {
            var handle = $"personne.{id}";
            var email = handle + "@bench.ruche";
            return new Person
            {
                Id = id,
                UserName = email,
                NormalizedUserName = email.ToUpperInvariant(),
                Email = email,
                NormalizedEmail = email.ToUpperInvariant(),
                EmailConfirmed = true,
                PasswordHash = hash,
                SecurityStamp = Guid.NewGuid().ToString("N"),
                ConcurrencyStamp = Guid.NewGuid().ToString(),
                LockoutEnabled = true,
                DisplayName = $"Personne {id}",
                Handle = handle,
                JobTitle = Words[id % Words.Length] + " lead",
                DepartmentId = 1 + (id % departments.Count),
                SiteId = 1 + (id % sites.Count),
                TimeZone = "Europe/Paris",
                CreatedAt = start,
            };
        }));
        await writer.WriteAsync(people.Concat(readers).Select(id => new IdentityUserRole<long> { UserId = id, RoleId = employeeRole }));

        // Most people say where they work from today: every card, comment and list showing them reads it.
        var tomorrow = TimeProvider.System.GetUtcNow().UtcDateTime.AddDays(1);
        WorkingFrom[] modes = [WorkingFrom.Office, WorkingFrom.Home, WorkingFrom.Office, WorkingFrom.Travelling];
        await writer.WriteAsync(people.Concat(readers).Where(id => id % 5 < 3).Select(id => new PresenceStatus { PersonId = id, Mode = modes[id % modes.Length], ExpiresAt = tomorrow }));
        log($"  {size.People:N0} people (+{readers.Length:N0} announcement readers): {clock.Elapsed.TotalSeconds:0.0} s");

        // Spaces: a private team per department, an announcement space, open project/interest spaces, a few secret ones.
        var spaces = new List<Space>();
        var teamOf = new Dictionary<long, long>();
        foreach (var department in departments)
        {
            teamOf[department.Id] = firstSpace + spaces.Count;
            spaces.Add(NewSpace(firstSpace + spaces.Count, $"Équipe {department.Name}", SpaceKind.Team, SpaceVisibility.Private));
        }

        var announcements = firstSpace + spaces.Count;
        spaces.Add(NewSpace(announcements, "Annonces", SpaceKind.Announcements, SpaceVisibility.Open));
        var openSpaces = new List<long> { cafe, announcements };
        var topical = new List<long>();
        while (spaces.Count < size.Spaces)
        {
            var id = firstSpace + spaces.Count;
            var secret = spaces.Count % 10 == 0;
            spaces.Add(NewSpace(id, $"Espace {id} {Words[id % Words.Length]}", spaces.Count % 2 == 0 ? SpaceKind.Project : SpaceKind.Interest, secret ? SpaceVisibility.Secret : SpaceVisibility.Open));
            topical.Add(id);
            if (!secret)
            {
                openSpaces.Add(id);
            }
        }

        await writer.WriteAsync(spaces);
        await writer.AdvanceSequencesAsync("Spaces");

        // Memberships: everyone in the Café, the announcements and their team; three topical spaces, popular ones more often.
        var memberOf = new List<long>[size.People];
        var memberships = new List<SpaceMembership>();
        for (var i = 0; i < size.People; i++)
        {
            var person = people[i];
            var mine = new HashSet<long> { cafe, announcements, teamOf[1 + (person % departments.Count)] };
            for (var k = 0; k < 3; k++)
            {
                mine.Add(topical[Skewed(topical.Count)]);
            }

            memberOf[i] = [.. mine];
            // The announcements take posts from their owners and moderators only: person 1 owns them (W3 posts as them).
            memberships.AddRange(mine.Select(s => new SpaceMembership
            {
                SpaceId = s, PersonId = person, Role = s == announcements && person == people[0] ? SpaceRole.Owner : SpaceRole.Member, Status = MembershipStatus.Active, CreatedAt = start,
            }));
        }

        memberships.AddRange(readers.SelectMany(person => new[] { cafe, announcements }.Select(s => new SpaceMembership { SpaceId = s, PersonId = person, Role = SpaceRole.Member, Status = MembershipStatus.Active, CreatedAt = start })));

        await writer.WriteAsync(memberships);

        // Follows: followers uniform, followees skewed (a few people are followed by a large share of the company).
        var follows = new HashSet<(long, long)>();
        foreach (var follower in people)
        {
            var wanted = Math.Min(size.FollowsPerPerson, size.People - 1);
            for (var tries = 0; tries < wanted * 2 && wanted > 0; tries++)
            {
                var followee = people[Skewed(size.People)];
                if (followee != follower && follows.Add((follower, followee)))
                {
                    wanted--;
                }
            }
        }

        await writer.WriteAsync(follows.Select(f => new PersonFollow { FollowerId = f.Item1, FolloweeId = f.Item2, CreatedAt = start }));
        await writer.WriteAsync(people.Where(p => p % 5 == 0).Select(p => new TagFollow { PersonId = p, Tag = TagPool[(int)(p % TagPool.Length)], CreatedAt = start }));
        log($"  {spaces.Count} spaces, {memberships.Count:N0} memberships, {follows.Count:N0} follows: {clock.Elapsed.TotalSeconds:0.0} s");

        // Posts in chunks, with their tags, comments, reactions and search rows.
        var indexing = TimeSpan.Zero;
        long postId = 0, commentId = 0;
        var span = TimeSpan.FromDays(365).Ticks / Math.Max(1, size.Posts);
        for (var done = 0; done < size.Posts; done += Chunk)
        {
            var count = Math.Min(Chunk, size.Posts - done);
            var posts = new List<Post>(count);
            var tags = new List<PostTag>();
            for (var k = 0; k < count; k++)
            {
                postId++;
                var authorIndex = Skewed(size.People);
                var author = people[authorIndex];
                var roll = random.Next(100);
                long? space = roll switch
                {
                    < 40 => null,
                    < 50 => cafe,
                    < 52 => announcements,
                    _ => memberOf[authorIndex][random.Next(memberOf[authorIndex].Count)],
                };
                var body = Sentence(10 + random.Next(30));
                if (random.Next(10) == 0)
                {
                    var tag = TagPool[random.Next(TagPool.Length)];
                    body += " #" + tag;
                    tags.Add(new PostTag { PostId = postId, Tag = tag });
                }

                posts.Add(new Post { Id = postId, AuthorId = author, SpaceId = space, Body = body, BodyHtml = $"<p>{body}</p>", CreatedAt = start.AddTicks(span * postId) });
            }

            await writer.WriteAsync(posts);
            await writer.WriteAsync(tags);

            var comments = new List<Comment>();
            var reactions = new List<Reaction>();
            foreach (var post in posts)
            {
                var commentCount = random.Next(100) < 30 ? 1 + random.Next(3) : 0;
                for (var c = 0; c < commentCount; c++)
                {
                    commentId++;
                    var text = Sentence(5 + random.Next(15));
                    comments.Add(new Comment { Id = commentId, PostId = post.Id, AuthorId = people[random.Next(size.People)], Body = text, BodyHtml = $"<p>{text}</p>", CreatedAt = post.CreatedAt.AddMinutes(5 + c) });
                }

                var reactionCount = random.Next(100) < 50 ? 1 + random.Next(4) : 0;
                var first = random.Next(size.People);
                for (var r = 0; r < reactionCount; r++)
                {
                    reactions.Add(new Reaction { PostId = post.Id, PersonId = people[(first + r * 7) % size.People], Kind = (ReactionKind)random.Next(5), CreatedAt = post.CreatedAt.AddMinutes(1 + r) });
                }
            }

            await writer.WriteAsync(comments);
            await writer.WriteAsync(reactions);

            var indexClock = Stopwatch.StartNew();
            await writer.WriteAsync(posts.Select(p => Indexed("post", new SearchSourceDocument(p.Id, null, p.Body, p.SpaceId, p.AuthorId, p.CreatedAt))));
            indexing += indexClock.Elapsed;
            log($"  {done + count:N0} posts, {commentId:N0} comments (+reactions, index rows): {clock.Elapsed.TotalSeconds:0.0} s");
        }

        await writer.WriteAsync(spaces.Select(s => Indexed("space", new SearchSourceDocument(s.Id, s.Name, s.Description ?? string.Empty, s.Id, null, s.CreatedAt))));
        await writer.WriteAsync(people.Concat(readers).Select(id => Indexed("person", new SearchSourceDocument(id, $"Personne {id}", Words[id % Words.Length] + " lead", null, null, start))));
        await writer.AdvanceSequencesAsync("AspNetUsers", "Sites", "Departments", "Posts", "Comments", "SearchDocuments");
        await db.Database.ExecuteSqlRawAsync("ANALYZE");

        var sorted = openSpaces.ToArray();
        return new Company(people, sorted, announcements, people[0], readers, [.. teamOf.Values], TagPool, 1, postId, size.Posts / Math.Max(indexing.TotalSeconds, 0.001), clock.Elapsed);
    }

    private long searchId;

    /// <summary>A search row as the indexer writes it, with an id of its own (bulk rows carry explicit ids).</summary>
    private SearchDocument Indexed(string kind, SearchSourceDocument source)
    {
        var document = SearchIndexer.Analyse(kind, source);
        document.Id = ++searchId;
        return document;
    }

    /// <summary>An index in [0, count) with a power-law skew towards 0 (popular people, busy spaces).</summary>
    private int Skewed(int count) => Math.Min(count - 1, (int)(count * Math.Pow(random.NextDouble(), 3)));

    /// <summary>
    /// Text with a long-tailed vocabulary: mostly synthetic words drawn from 20,000 with a power-law skew, and 3% of
    /// the words from the real list the search queries use, so a "common" query word is in about 1.5% of posts
    /// (with the real list alone every query would match a third of the company's posts).
    /// </summary>
    private string Sentence(int words) => string.Join(' ', Enumerable.Range(0, words).Select(_ =>
        random.Next(100) < 3 ? Words[random.Next(Words.Length)] : "mot" + Skewed(20_000).ToString(System.Globalization.CultureInfo.InvariantCulture)));

    private Space NewSpace(long id, string name, SpaceKind kind, SpaceVisibility visibility) =>
        new() { Id = id, Name = name, Description = $"{name} : {Sentence(8)}", Kind = kind, Visibility = visibility, CreatedAt = start, CreatedById = 1 };
}
