using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Ruche.Core.Common;
using Ruche.Core.Data;
using Ruche.Core.Files;
using Ruche.Core.Posts;
using Ruche.Core.Wiki;
using Ruche.Tests.Infrastructure;
using Ruche.Tests.Notifications;

namespace Ruche.Tests.Wiki;

/// <summary>
/// Moving a page in its space's tree and deleting one, through HTTP on both providers: who may, what is refused (a
/// cycle, a parent elsewhere, a page with sub-pages, someone who may not) with nothing changed, and that a deleted page
/// leaves nothing behind: no page, history, file, search hit or notification for anyone, and a feed link that answers 404.
/// </summary>
public abstract class WikiTreeTests(RucheApp app) : ProviderTests(app)
{
    [Fact]
    public async Task An_editor_moves_a_page_under_another_or_to_the_top_and_the_breadcrumb_and_list_follow()
    {
        var ana = await NewPersonAsync("Ana");
        var bruno = await NewPersonAsync("Bruno");
        var space = await ana.CreateSpaceAsync("Arbre mobile");
        await bruno.JoinAsync(space);
        var a = await ana.CreatePageAsync(space.Id, "Projets", "a");
        var b = await ana.CreatePageAsync(space.Id, "Archives", "b");
        var c = await ana.CreatePageAsync(space.Id, "Projet Été", "c", a.Id);
        var d = await ana.CreatePageAsync(space.Id, "Budget Été", "d", c.Id);
        var feedBefore = (await ana.SpaceFeedAsync(space)).Items.Count;

        // Bruno may edit, so he moves: Archives under Projet Été, then Budget Été to the top.
        await bruno.MovePageAsync(b.Id, c.Id);
        var moved = await bruno.PageAsync(b.Id);
        Assert.Equal([a.Id, c.Id], moved.Breadcrumb.Select(x => x.Id));
        Assert.Equal(1, moved.Number);
        Assert.Equal(b.Path, moved.Path);
        Assert.Equal(new[] { b.Id, d.Id }.Order(), (await bruno.PageAsync(c.Id)).Children.Select(x => x.Id).Order());
        await bruno.MovePageAsync(d.Id, null);
        Assert.Empty((await bruno.PageAsync(d.Id)).Breadcrumb);
        var list = await bruno.GetAsync<List<WikiPageCard>>($"/api/v1/spaces/{space.Id}/pages");
        Assert.Equal((c.Id, (long?)null), (list.Single(p => p.Id == b.Id).ParentId, list.Single(p => p.Id == d.Id).ParentId));
        Assert.Equal(feedBefore, (await ana.SpaceFeedAsync(space)).Items.Count);

        // The page's form offers every page but itself and those under it; sent empty, it goes to the top.
        var browser = await App.SignInWithBrowserCookiesAsync(bruno);
        var html = await browser.PageAsync(a.Path!);
        Assert.Contains("id=\"wiki-move-parent\"", html, StringComparison.Ordinal);
        var start = html.IndexOf("id=\"wiki-move-parent\"", StringComparison.Ordinal);
        var select = html[start..html.IndexOf("</select>", start, StringComparison.Ordinal)];
        Assert.Contains($"value=\"{d.Id}\"", select, StringComparison.Ordinal);
        Assert.DoesNotContain($"value=\"{a.Id}\"", select, StringComparison.Ordinal);
        Assert.DoesNotContain($"value=\"{c.Id}\"", select, StringComparison.Ordinal);
        Assert.DoesNotContain($"value=\"{b.Id}\"", select, StringComparison.Ordinal);
        var form = await browser.SubmitFormAsync(b.Path!, $"/ui/pages/{b.Id}/parent", new() { ["parentId"] = string.Empty, ["returnUrl"] = b.Path! });
        Assert.Equal(HttpStatusCode.Redirect, form.StatusCode);
        Assert.Equal($"{b.Path}?saved=moved", form.Headers.Location?.OriginalString);
        Assert.Empty((await bruno.PageAsync(b.Id)).Breadcrumb);
        form = await browser.SubmitFormAsync(b.Path!, $"/ui/pages/{a.Id}/parent", new() { ["parentId"] = Id(d.Id), ["returnUrl"] = a.Path! });
        Assert.Equal($"{a.Path}?saved=moved", form.Headers.Location?.OriginalString);
        Assert.Equal([d.Id], (await bruno.PageAsync(a.Id)).Breadcrumb.Select(x => x.Id));
        Assert.Contains("Budget Été", System.Net.WebUtility.HtmlDecode(await browser.PageAsync(c.Path!)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_move_into_itself_elsewhere_or_by_someone_who_may_not_edit_is_refused_and_changes_nothing()
    {
        var ana = await NewPersonAsync("Ana");
        var reader = await NewPersonAsync("Reader");
        var outsider = await NewPersonAsync("Outsider");
        var space = await ana.CreateSpaceAsync("Arbre gardé");
        var other = await ana.CreateSpaceAsync("Autre arbre");
        var secret = await ana.CreateSpaceAsync("Arbre secret", SpaceVisibility.Secret);
        var a = await ana.CreatePageAsync(space.Id, "Racine", "a");
        var c = await ana.CreatePageAsync(space.Id, "Enfant", "c", a.Id);
        var d = await ana.CreatePageAsync(space.Id, "Petit-enfant", "d", c.Id);
        var elsewhere = await ana.CreatePageAsync(other.Id, "Ailleurs", "x");
        var hidden = await ana.CreatePageAsync(secret.Id, "Cachée", "y");
        var secretPage = await ana.CreatePageAsync(secret.Id, "Cachée 2", "z");
        var before = await DatabaseDigest.TakeAsync(App);

        await ana.TryMovePageAsync(a.Id, a.Id).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "wiki.parent-cycle");
        await ana.TryMovePageAsync(a.Id, c.Id).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "wiki.parent-cycle");
        await ana.TryMovePageAsync(a.Id, d.Id).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "wiki.parent-cycle");
        await ana.TryMovePageAsync(c.Id, elsewhere.Id).ShouldBeProblemAsync(HttpStatusCode.NotFound, "wiki.parent-not-found");
        await ana.TryMovePageAsync(c.Id, 999_999_999).ShouldBeProblemAsync(HttpStatusCode.NotFound, "wiki.parent-not-found");

        // Someone who reads the open space but is not a member may not edit it; a page of a secret space is nobody else's.
        await reader.TryMovePageAsync(d.Id, null).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "wiki.edit-forbidden");
        await outsider.TryMovePageAsync(secretPage.Id, hidden.Id).ShouldBeProblemAsync(HttpStatusCode.NotFound, "wiki.not-found");
        await outsider.TryMovePageAsync(secretPage.Id, null).ShouldBeProblemAsync(HttpStatusCode.NotFound, "wiki.not-found");
        await ana.TryMovePageAsync(999_999_999, null).ShouldBeProblemAsync(HttpStatusCode.NotFound, "wiki.not-found");
        Assert.DoesNotContain(DatabaseDigest.Changed(before, await DatabaseDigest.TakeAsync(App)), t => t != "AuditEntries");

        // A member of the space may not put a page under one of a space they do not read.
        await reader.JoinAsync(space);
        before = await DatabaseDigest.TakeAsync(App);
        await reader.TryMovePageAsync(d.Id, hidden.Id).ShouldBeProblemAsync(HttpStatusCode.NotFound, "wiki.parent-not-found");
        Assert.False((await reader.PageAsync(a.Id)).CanDelete);

        // (Refused reads are audited: that is the only trace they leave.)
        Assert.DoesNotContain(DatabaseDigest.Changed(before, await DatabaseDigest.TakeAsync(App)), t => t != "AuditEntries");
        Assert.Equal([a.Id, c.Id], (await ana.PageAsync(d.Id)).Breadcrumb.Select(x => x.Id));

        // The web form says why, in the reader's language.
        var browser = await App.SignInWithBrowserCookiesAsync(ana);
        var form = await browser.SubmitFormAsync(a.Path!, $"/ui/pages/{a.Id}/parent", new() { ["parentId"] = Id(d.Id), ["returnUrl"] = a.Path! });
        Assert.Equal($"{a.Path}?error=wiki.parent-cycle", form.Headers.Location?.OriginalString);
        Assert.Contains("sous elle-même", System.Net.WebUtility.HtmlDecode(await browser.PageAsync(form.Headers.Location!.OriginalString)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Its_creator_deletes_a_page_and_nothing_of_it_is_left_for_anyone()
    {
        var ana = await NewPersonAsync("Ana");
        var bruno = await NewPersonAsync("Bruno");
        var space = await ana.CreateSpaceAsync("Pages éphémères", SpaceVisibility.Private);
        await ana.AddToSpaceAsync(space, bruno);
        var page = await bruno.CreatePageAsync(space.Id, "Brouillon wkdel", "Texte wkdel pour @" + ana.Handle);
        await bruno.SavePageAsync(page.Id, 1, "Brouillon wkdel", "Texte wkdel pour @" + ana.Handle + "\nsuite");
        await ana.CommentPageAsync(page.Id, "Vu @" + bruno.Handle);
        var file = await bruno.AttachToPageAsync(page.Id, TestImages.Png());
        var kept = await bruno.CreatePageAsync(space.Id, "Gardée wkdel", "reste");
        Assert.Equal(HttpStatusCode.OK, (await ana.Http.GetAsync(file.Path)).StatusCode);
        Assert.Contains(await ana.NotificationsAsync(), n => n.SubjectKind == WikiPageSubject.Kind && n.SubjectId == page.Id);
        Assert.Contains((await ana.SearchAsync("wkdel", "&type=page")).Items, i => i.Path == page.Path);
        var entry = Assert.Single((await ana.SpaceFeedAsync(space)).Items, p => p.Origin == PostOrigin.PageUpdate && p.BodyHtml.Contains(page.Path!, StringComparison.Ordinal));
        Assert.True((await bruno.PageAsync(page.Id)).CanDelete);
        Assert.True((await ana.PageAsync(kept.Id)).CanDelete);

        var browser = await App.SignInWithBrowserCookiesAsync(bruno);
        var html = System.Net.WebUtility.HtmlDecode(await browser.PageAsync(page.Path!));
        Assert.Contains("<details class=\"wiki-tool wiki-delete\">", html, StringComparison.Ordinal);
        Assert.Contains("2 révisions", html, StringComparison.Ordinal);
        var form = await browser.SubmitFormAsync(page.Path!, $"/ui/pages/{page.Id}/delete", new() { ["returnUrl"] = page.Path! });
        Assert.Equal($"/spaces/{space.Id}/pages?saved=deleted", form.Headers.Location?.OriginalString);

        foreach (var person in new[] { ana, bruno })
        {
            foreach (var url in new[] { $"/api/v1/pages/{page.Id}", $"/api/v1/pages/{page.Id}/revisions", $"/api/v1/pages/{page.Id}/revisions/1", $"/api/v1/pages/{page.Id}/diff?from=1&to=2" })
            {
                await person.Http.GetAsync(url).ShouldBeProblemAsync(HttpStatusCode.NotFound, "wiki.not-found");
            }

            Assert.Equal(HttpStatusCode.NotFound, (await person.Http.GetAsync(file.Path)).StatusCode);
            Assert.DoesNotContain((await person.SearchAsync("wkdel")).Items, i => i.Path == page.Path);
            Assert.DoesNotContain(await person.NotificationsAsync(), n => n.SubjectKind == WikiPageSubject.Kind && n.SubjectId == page.Id);
            Assert.DoesNotContain(await person.GetAsync<List<WikiPageCard>>($"/api/v1/spaces/{space.Id}/pages"), p => p.Id == page.Id);
        }

        Assert.Contains((await ana.SearchAsync("wkdel", "&type=page")).Items, i => i.Path == kept.Path);

        // The feed entry stays a post; the page it links to answers 404 in the layout, on the page, its history and editor.
        Assert.Contains((await ana.SpaceFeedAsync(space)).Items, p => p.Id == entry.Id);
        var reader = await App.SignInWithBrowserCookiesAsync(ana);
        foreach (var url in new[] { page.Path!, $"{page.Path}/history", $"{page.Path}/edit", $"/spaces/{space.Id}/pages/{page.Id}" })
        {
            var response = await reader.GetAsync(url);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            var body = System.Net.WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
            Assert.Contains("<main id=\"main\">", body, StringComparison.Ordinal);
            Assert.DoesNotContain("Texte wkdel", body, StringComparison.Ordinal);
        }

        // Rows and bytes are gone: revisions, comments, the file's row and its bytes, the search document, notifications.
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RucheDbContext>();
        Assert.Equal(0, await db.Set<WikiRevision>().CountAsync(r => r.PageId == page.Id));
        Assert.Equal(0, await db.Set<WikiComment>().CountAsync(r => r.PageId == page.Id));
        Assert.Equal(0, await db.Set<WikiPageFile>().CountAsync(r => r.PageId == page.Id));
        Assert.Equal(0, await db.Files.CountAsync(f => f.Id == file.Id));
        Assert.Equal(0, await db.SearchDocuments.CountAsync(d => d.Kind == WikiSearchSource.KindName && d.SourceId == page.Id));
        Assert.Equal(0, await db.Notifications.CountAsync(n => n.SubjectKind == WikiPageSubject.Kind && n.SubjectId == page.Id));
        Assert.Null(await scope.ServiceProvider.GetRequiredService<IFileStore>().LengthAsync(file.Id, null, CancellationToken.None));
        Assert.Equal(1, await db.Set<WikiRevision>().CountAsync(r => r.PageId == kept.Id));
        await bruno.TryDeletePageAsync(page.Id).ShouldBeProblemAsync(HttpStatusCode.NotFound, "wiki.not-found");
    }

    [Fact]
    public async Task A_member_who_neither_created_nor_moderates_may_not_delete_and_a_page_with_sub_pages_is_refused()
    {
        var ana = await NewPersonAsync("Ana");
        var bruno = await NewPersonAsync("Bruno");
        var chloe = await NewPersonAsync("Chloé");
        var outsider = await NewPersonAsync("Outsider");
        var admin = await NewPersonAsync("Admin", "Europe/Paris", RoleNames.Administrator);
        var space = await ana.CreateSpaceAsync("Pages tenues");
        var closed = await ana.CreateSpaceAsync("Pages fermées", SpaceVisibility.Private);
        await bruno.JoinAsync(space);
        await chloe.JoinAsync(space);
        var parent = await bruno.CreatePageAsync(space.Id, "Parent", "p");
        var child = await bruno.CreatePageAsync(space.Id, "Enfant", "c", parent.Id);
        var alone = await bruno.CreatePageAsync(space.Id, "Seule", "s");
        var byAna = await ana.CreatePageAsync(space.Id, "Par Ana", "a");
        var closedPage = await ana.CreatePageAsync(closed.Id, "Fermée", "f");
        Assert.False((await chloe.PageAsync(alone.Id)).CanDelete);
        var before = await DatabaseDigest.TakeAsync(App);

        await chloe.TryDeletePageAsync(alone.Id).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "wiki.delete-forbidden");
        await bruno.TryDeletePageAsync(byAna.Id).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "wiki.delete-forbidden");
        await outsider.TryDeletePageAsync(closedPage.Id).ShouldBeProblemAsync(HttpStatusCode.NotFound, "wiki.not-found");
        await admin.TryDeletePageAsync(closedPage.Id).ShouldBeProblemAsync(HttpStatusCode.NotFound, "wiki.not-found");
        await bruno.TryDeletePageAsync(parent.Id).ShouldBeProblemAsync(HttpStatusCode.Conflict, "wiki.has-children");
        await ana.TryDeletePageAsync(parent.Id).ShouldBeProblemAsync(HttpStatusCode.Conflict, "wiki.has-children");
        Assert.DoesNotContain(DatabaseDigest.Changed(before, await DatabaseDigest.TakeAsync(App)), t => t != "AuditEntries");

        // The page says to move or delete its sub-pages first, and offers no button.
        var browser = await App.SignInWithBrowserCookiesAsync(bruno);
        var html = System.Net.WebUtility.HtmlDecode(await browser.PageAsync(parent.Path!));
        Assert.Contains("déplacez-les ou supprimez-les d'abord", html, StringComparison.Ordinal);
        Assert.DoesNotContain($"/ui/pages/{parent.Id}/delete", html, StringComparison.Ordinal);

        // Moved away, the sub-page no longer holds its parent; the owner (a moderator) deletes a member's page, an
        // administrator a page of an open space: both are recorded as moderation.
        await bruno.MovePageAsync(child.Id, null);
        await ana.DeletePageAsync(parent.Id);
        await admin.DeletePageAsync(alone.Id);
        await bruno.DeletePageAsync(child.Id);
        Assert.Equal([byAna.Id], (await chloe.GetAsync<List<WikiPageCard>>($"/api/v1/spaces/{space.Id}/pages")).Select(p => p.Id));
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RucheDbContext>();
        var targets = await db.AuditEntries.Where(e => e.Action == "moderation.page-deleted").Select(e => e.Target).ToListAsync();
        Assert.Contains($"page:{parent.Id}", targets);
        Assert.Contains($"page:{alone.Id}", targets);
        Assert.DoesNotContain($"page:{child.Id}", targets);
    }

    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);
}

public sealed class WikiTreeTestsOnSqlite(SqliteApp app) : WikiTreeTests(app), IClassFixture<SqliteApp>;

public sealed class WikiTreeTestsOnPostgres(PostgresApp app) : WikiTreeTests(app), IClassFixture<PostgresApp>;
