using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Ruche.Core.Data;
using Ruche.Core.Search;
using Ruche.Tests.Infrastructure;

namespace Ruche.Tests.Search;

/// <summary>The index follows every write at once, and can be rebuilt from the content.</summary>
public abstract class SearchIndexTests(RucheApp app) : ProviderTests(app)
{
    [Fact]
    public async Task A_new_post_is_found_at_once_an_edited_one_by_its_new_words_and_a_deleted_one_no_more()
    {
        var author = await NewPersonAsync("Author");
        var post = await author.PostAsync("Première version avec azertyuiop");
        Assert.Equal([post.Id], (await author.SearchAsync("azertyuiop")).Items.Select(r => r.Id));

        var edited = await author.Http.PatchAsJsonAsync($"/api/v1/posts/{post.Id}", new { body = "Seconde version avec poiuytreza" }, Actor.Json);
        await Actor.ExpectAsync(edited, HttpStatusCode.OK);
        Assert.Empty((await author.SearchAsync("azertyuiop")).Items);
        Assert.Equal([post.Id], (await author.SearchAsync("poiuytreza")).Items.Select(r => r.Id));

        await Actor.ExpectAsync(await author.Http.DeleteAsync($"/api/v1/posts/{post.Id}"), HttpStatusCode.NoContent);
        Assert.Empty((await author.SearchAsync("poiuytreza")).Items);
        Assert.Equal(0, await DocumentsAsync("post", post.Id));
    }

    [Fact]
    public async Task Deleting_a_post_removes_its_comments_from_the_index_too()
    {
        var author = await NewPersonAsync("Author");
        var post = await author.PostAsync("Sujet du jour");
        var comment = await author.CommentAsync(post, "Réponse wxcvbnqsd");
        Assert.Equal([comment.Id], (await author.SearchAsync("wxcvbnqsd", "&type=comment")).Items.Select(r => r.Id));

        await Actor.ExpectAsync(await author.Http.DeleteAsync($"/api/v1/posts/{post.Id}"), HttpStatusCode.NoContent);

        Assert.Empty((await author.SearchAsync("wxcvbnqsd")).Items);
        Assert.Equal(0, await DocumentsAsync("comment", comment.Id));
    }

    [Fact]
    public async Task People_are_found_by_name_job_title_and_skills_as_soon_as_their_profile_changes()
    {
        var person = await NewPersonAsync("Gwendoline");
        var reader = await NewPersonAsync("Reader");
        var update = new { jobTitle = "Ingénieure fiabilité", skills = new[] { "Kubernetes", "Observabilité" } };
        await Actor.ExpectAsync(await person.Http.PatchAsJsonAsync($"/api/v1/people/{person.Id}", update, Actor.Json), HttpStatusCode.OK);

        foreach (var query in new[] { "gwendoline", "ingénieur", "kubernetes", "observabilite" })
        {
            var results = await reader.SearchAsync(query, "&type=person");
            var result = Assert.Single(results.Items);
            Assert.Equal(person.Id, result.Id);
            Assert.Equal($"/people/{person.Handle}", result.Path);
        }
    }

    [Fact]
    public async Task Rebuilding_the_index_finds_the_same_things()
    {
        var author = await NewPersonAsync("Author");
        var space = await author.CreateSpaceAsync("Atelier Tgbyhnujm");
        await author.PostAsync("Compte rendu tgbyhnujm", space);
        var before = await author.SearchAsync("tgbyhnujm");

        await using (var scope = App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RucheDbContext>();
            await scope.ServiceProvider.GetRequiredService<SearchIndexer>().RebuildAsync(db, CancellationToken.None);
        }

        var after = await author.SearchAsync("tgbyhnujm");
        Assert.Equal(2, after.Items.Count);
        Assert.Equal(before.Items.Select(r => (r.Type, r.Id)).Order(), after.Items.Select(r => (r.Type, r.Id)).Order());
    }

    private async Task<int> DocumentsAsync(string kind, long sourceId)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RucheDbContext>();
        return await db.SearchDocuments.CountAsync(d => d.Kind == kind && d.SourceId == sourceId);
    }
}

public sealed class SearchIndexTestsOnSqlite(SqliteApp app) : SearchIndexTests(app), IClassFixture<SqliteApp>;

public sealed class SearchIndexTestsOnPostgres(PostgresApp app) : SearchIndexTests(app), IClassFixture<PostgresApp>;
