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

    private static async Task<Core.Spaces.SpaceSummary> JoinedAsync(Actor person, Core.Spaces.SpaceSummary space)
    {
        await person.JoinAsync(space);
        return space;
    }
}

public sealed class FeedTestsOnSqlite(SqliteApp app) : FeedTests(app), IClassFixture<SqliteApp>;

public sealed class FeedTestsOnPostgres(PostgresApp app) : FeedTests(app), IClassFixture<PostgresApp>;
