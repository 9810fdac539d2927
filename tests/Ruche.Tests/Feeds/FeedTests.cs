using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Ruche.Core.Common;
using Ruche.Core.Feeds;
using Ruche.Core.Goals;
using Ruche.Core.Posts;
using Ruche.Core.Spaces;
using Ruche.Tests.Goals;
using Ruche.Tests.Infrastructure;

namespace Ruche.Tests.Feeds;

public abstract class FeedTests(RucheApp app) : ProviderTests(app)
{
    [Fact]
    public async Task Home_feed_gathers_followed_people_followed_tags_and_my_spaces_newest_first()
    {
        var reader = await NewPersonAsync("Reader");
        var colleague = await NewPersonAsync("Colleague");
        var stranger = await NewPersonAsync("Stranger");
        var team = await colleague.CreateSpaceAsync("Équipe produit");
        await reader.JoinAsync(team);
        await reader.FollowAsync(colleague);
        await reader.FollowTagAsync("Télétravail");

        var fromFollowed = await colleague.PostAsync("Sur mon profil");
        var fromTag = await stranger.PostAsync("Mon avis sur le #teletravail");
        var fromSpace = await stranger.PostAsync("Dans l'équipe", await JoinedAsync(stranger, team));
        var unrelated = await stranger.PostAsync("Rien à voir");

        var home = await reader.HomeAsync();
        var ids = home.Items.Select(p => p.Id).ToList();
        Assert.Contains(fromFollowed.Id, ids);
        Assert.Contains(fromTag.Id, ids);
        Assert.Contains(fromSpace.Id, ids);
        Assert.DoesNotContain(unrelated.Id, ids);
        Assert.Equal(ids.OrderDescending(), ids);
    }

    [Fact]
    public async Task Cursor_pagination_walks_every_post_once_newest_first()
    {
        var author = await NewPersonAsync("Author");
        var written = new List<long>();
        for (var i = 0; i < 7; i++)
        {
            written.Add((await author.PostAsync($"Message {i}")).Id);
        }

        var seen = new List<long>();
        string? cursor = null;
        do
        {
            var page = await author.HomeAsync(cursor, pageSize: 3);
            Assert.True(page.Items.Count <= 3);
            seen.AddRange(page.Items.Select(p => p.Id));
            cursor = page.NextCursor;
        }
        while (cursor is not null);

        Assert.Equal(written.OrderDescending(), seen);
    }

    [Theory]
    [InlineData(5)]
    [InlineData(40)]
    public async Task A_feed_page_costs_a_constant_number_of_sql_commands_whatever_its_size(int pageSize)
    {
        var reader = await NewPersonAsync("Reader");
        var others = new List<Actor>();
        for (var i = 0; i < 4; i++)
        {
            var other = await NewPersonAsync("Other");
            await reader.FollowAsync(other);
            others.Add(other);
        }

        var space = await others[0].CreateSpaceAsync("Espace");
        await reader.JoinAsync(space);
        var shared = await others[1].PostAsync("Original #partage");
        for (var i = 0; i < 45; i++)
        {
            var author = others[i % others.Count];
            var post = i % 3 == 0 ? await author.ShareAsync(shared, "Partage " + i) : await author.PostAsync($"Post {i} #tag{i % 5} @{reader.Handle}");
            await reader.ReactAsync(post, "like");
            if (i % 2 == 0)
            {
                await reader.CommentAsync(post, "Bien vu");
            }
        }

        App.Commands.Reset();
        var page = await reader.HomeAsync(pageSize: pageSize);
        var commands = App.Commands.Count;

        Assert.Equal(pageSize, page.Items.Count);
        Assert.All(page.Items, p => Assert.Contains(p.Reactions, r => r.Mine));

        // 2 for the bearer token (token, roles) + 8 for the page (ids, rows, tags, images, reactions, visible shared
        // originals and their rows, moderation).
        Assert.InRange(commands, 1, 10);
    }

    [Fact]
    public async Task Feeds_run_by_creation_time_even_when_ids_do_not_and_the_cursor_walks_ties_once()
    {
        var author = await NewPersonAsync("Chronos");
        var posts = new List<PostCard>();
        for (var i = 0; i < 6; i++)
        {
            posts.Add(await author.PostAsync($"Chrono {i}"));
        }

        // Seeded or imported posts: ids in one order, dates in another, two of them at the same instant.
        var start = new DateTime(2026, 1, 5, 9, 0, 0, DateTimeKind.Utc);
        DateTime[] dates = [start.AddHours(5), start.AddHours(1), start.AddHours(3), start.AddHours(3), start, start.AddHours(4)];
        await App.InDatabaseAsync(async db =>
        {
            for (var i = 0; i < posts.Count; i++)
            {
                var (id, at) = (posts[i].Id, dates[i]);
                await db.Posts.Where(p => p.Id == id).ExecuteUpdateAsync(s => s.SetProperty(p => p.CreatedAt, at));
            }

            return 0;
        });
        var expected = posts.Select((p, i) => (p.Id, At: dates[i])).OrderByDescending(p => p.At).ThenByDescending(p => p.Id).Select(p => p.Id).ToList();

        Assert.Equal(expected, (await author.ProfileFeedAsync(author)).Items.Select(p => p.Id).Where(expected.Contains));
        var seen = new List<long>();
        string? cursor = null;
        do
        {
            var page = await author.HomeAsync(cursor, pageSize: 1);
            seen.AddRange(page.Items.Select(p => p.Id));
            cursor = page.NextCursor;
        }
        while (cursor is not null);

        Assert.Equal(expected, seen.Where(expected.Contains));

        // The live catch-up reports as new only what is newer than the top of the page, not an older post with a greater id.
        await using var scope = App.Services.CreateAsyncScope();
        var catchUp = scope.ServiceProvider.GetRequiredService<LiveCatchUp>();
        var viewer = new Viewer(author.Id, new HashSet<string>());
        Assert.Empty((await catchUp.ReadAsync(viewer, new CatchUpRequest(LiveFeeds.Home, null, expected[0], []), CancellationToken.None)).NewPostIds);
        var fresh = await author.PostAsync("Tout frais");
        Assert.Equal([fresh.Id], (await catchUp.ReadAsync(viewer, new CatchUpRequest(LiveFeeds.Home, null, expected[0], []), CancellationToken.None)).NewPostIds);
        await author.Http.GetAsync("/api/v1/feeds/home?cursor=12").ShouldBeProblemAsync(System.Net.HttpStatusCode.BadRequest, "cursor.invalid");
    }

    [Fact]
    public async Task The_home_feed_folds_todays_goals_into_one_card_and_keeps_peoples_posts()
    {
        var reader = await NewPersonAsync("Lecteur");
        var lead = await NewPersonAsync("Responsable");
        var team = await lead.CreateSpaceAsync("Équipe repliée", SpaceVisibility.Private, SpaceKind.Team);
        await lead.AddToSpaceAsync(team, reader);
        var checkers = new List<Actor>();
        for (var i = 0; i < 4; i++)
        {
            var member = await NewPersonAsync($"Membre {i}");
            await lead.AddToSpaceAsync(team, member);
            await member.PostGoalsAsync($"Objectif {i}", "Revue");
            checkers.Add(member);
        }

        var words = await lead.PostAsync("Un mot pour l'équipe", team);
        await reader.PostGoalsAsync("Mon objectif");

        var home = (await reader.HomeAsync()).Items;
        Assert.Contains(words.Id, home.Select(p => p.Id));
        Assert.DoesNotContain(home, p => p.Goals is not null);
        var today = await reader.GetAsync<List<GoalListView>>("/api/v1/feeds/home/goals-today");
        Assert.Equal(5, today.Count);
        Assert.Equal(reader.Id, today[0].Person.Id);
        Assert.Equal(checkers.Select(c => c.Id).Order(), today.Skip(1).Select(l => l.Person.Id).Order());

        var page = await (await App.SignInWithBrowserCookiesAsync(reader)).PageAsync("/");
        Assert.Contains("data-today-goals=\"5\"", page, StringComparison.Ordinal);
        Assert.Contains("<details class=\"today-goals", page, StringComparison.Ordinal);
        Assert.Contains("Objectif 3", page, StringComparison.Ordinal);

        // Goals still live where they were posted: the team space and the company of goals.
        Assert.Equal(5, (await reader.SpaceFeedAsync(team)).Items.Count(p => p.Goals is not null));
        var outsider = await NewPersonAsync("Dehors");
        Assert.Empty(await outsider.GetAsync<List<GoalListView>>("/api/v1/feeds/home/goals-today"));
    }

    [Fact]
    public async Task The_company_feed_keeps_peoples_posts_and_leaves_goals_check_ins_to_the_goals_pages()
    {
        var author = await NewPersonAsync("Autrice entreprise");
        var reader = await NewPersonAsync("Lecteur entreprise");
        await author.PostGoalsAsync("Objectif du jour visible ailleurs");
        var words = await author.PostAsync("Une nouvelle pour toute l'entreprise");

        var company = (await reader.CompanyAsync()).Items;

        Assert.Contains(words.Id, company.Select(p => p.Id));
        Assert.DoesNotContain(company, p => p.Goals is not null);
        Assert.Contains((await reader.ProfileFeedAsync(author)).Items, p => p.Goals is not null);
    }

    private static async Task<Core.Spaces.SpaceSummary> JoinedAsync(Actor person, Core.Spaces.SpaceSummary space)
    {
        await person.JoinAsync(space);
        return space;
    }
}

public sealed class FeedTestsOnSqlite(SqliteApp app) : FeedTests(app), IClassFixture<SqliteApp>;

public sealed class FeedTestsOnPostgres(PostgresApp app) : FeedTests(app), IClassFixture<PostgresApp>;
