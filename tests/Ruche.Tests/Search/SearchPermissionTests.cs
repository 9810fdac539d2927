using Ruche.Core.Common;
using Ruche.Core.Search;
using Ruche.Tests.Infrastructure;

namespace Ruche.Tests.Search;

/// <summary>Nobody finds, or counts, what they may not read.</summary>
public abstract class SearchPermissionTests(RucheApp app) : ProviderTests(app)
{
    [Fact]
    public async Task A_secret_space_its_posts_and_comments_are_invisible_to_a_non_member_even_in_counts()
    {
        var owner = await NewPersonAsync("Owner");
        var outsider = await NewPersonAsync("Outsider");
        var secret = await owner.CreateSpaceAsync("Projet Licorne", SpaceVisibility.Secret);
        var post = await owner.PostAsync("Rachat confidentiel de Zyxwvut #licorne", secret);
        await owner.CommentAsync(post, "Zyxwvut signe lundi");

        var mine = await owner.SearchAsync("zyxwvut");
        Assert.Equal(2, mine.Items.Count);
        Assert.Single((await owner.SearchAsync("licorne", "&type=space")).Items);

        foreach (var query in new[] { "zyxwvut", "licorne", "rachat confidentiel", "Projet Licorne" })
        {
            foreach (var filters in new[] { "", "&type=post", "&type=comment", "&type=space", $"&spaceId={secret.Id}", "&tag=licorne", "&sort=newest" })
            {
                var results = await outsider.SearchAsync(query, filters);
                Assert.Empty(results.Items);
                Assert.All(results.Facets, f => Assert.Equal(0, f.Count));
            }
        }
    }

    [Fact]
    public async Task A_private_space_is_found_by_everyone_but_its_posts_only_by_members()
    {
        var owner = await NewPersonAsync("Owner");
        var member = await NewPersonAsync("Member");
        var outsider = await NewPersonAsync("Outsider");
        var space = await owner.CreateSpaceAsync("Comité Qwertzuiop", SpaceVisibility.Private);
        await owner.AddToSpaceAsync(space, member);
        var post = await owner.PostAsync("Ordre du jour qwertzuiop", space);
        await owner.CommentAsync(post, "Ajout au qwertzuiop");

        var outside = await outsider.SearchAsync("qwertzuiop");
        Assert.Equal(["space"], outside.Items.Select(r => r.Type));
        Assert.Equal(1, outside.Facets.Sum(f => f.Count));

        var inside = await member.SearchAsync("qwertzuiop");
        Assert.Equal(["comment", "post", "space"], inside.Items.Select(r => r.Type).Order());
        Assert.Equal(3, inside.Facets.Sum(f => f.Count));
    }

    [Fact]
    public async Task A_member_removed_from_a_space_stops_finding_its_posts_at_once()
    {
        var owner = await NewPersonAsync("Owner");
        var member = await NewPersonAsync("Member");
        var space = await owner.CreateSpaceAsync("Cellule Mnbvcxw", SpaceVisibility.Secret);
        await owner.AddToSpaceAsync(space, member);
        await owner.PostAsync("Point mnbvcxw du jour", space);
        Assert.Equal(2, (await member.SearchAsync("mnbvcxw")).Items.Count);

        await Actor.ExpectAsync(await owner.Http.DeleteAsync($"/api/v1/spaces/{space.Id}/members/{member.Id}"), System.Net.HttpStatusCode.NoContent);

        var after = await member.SearchAsync("mnbvcxw");
        Assert.Empty(after.Items);
        Assert.All(after.Facets, f => Assert.Equal(0, f.Count));
    }

    [Fact]
    public async Task Open_space_posts_and_profile_posts_are_found_by_everyone()
    {
        var author = await NewPersonAsync("Author");
        var reader = await NewPersonAsync("Reader");
        var open = await author.CreateSpaceAsync("Forum ouvert");
        await author.JoinAsync(open);
        await author.PostAsync("Annonce plokijuh dans le forum", open);
        await author.PostAsync("Annonce plokijuh sur mon profil");

        var results = await reader.SearchAsync("plokijuh", "&type=post");

        Assert.Equal(2, results.Items.Count);
        Assert.Equal(new SearchFacet("post", 2), results.Facets.Single(f => f.Type == "post"));
    }
}

public sealed class SearchPermissionTestsOnSqlite(SqliteApp app) : SearchPermissionTests(app), IClassFixture<SqliteApp>;

public sealed class SearchPermissionTestsOnPostgres(PostgresApp app) : SearchPermissionTests(app), IClassFixture<PostgresApp>;
