using System.Diagnostics;
using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Ruche.Core.Common;
using Ruche.Core.Data;
using Ruche.Core.Feeds;
using Ruche.Core.Posts;
using Ruche.Core.Records;
using Ruche.Core.Wiki;
using Ruche.Tests.Infrastructure;
using Ruche.Tests.Notifications;

namespace Ruche.Tests.Wiki;

/// <summary>
/// Co-written pages through HTTP, on both providers: editors racing (apart: merged; on the same lines: a conflict that
/// keeps both texts; truly parallel: nobody's save lost, never a 500), diffs and restore between any two revisions, what
/// a non-member may not reach by any route, bad input that changes nothing, and the feed entry of an editing session.
/// </summary>
public abstract class WikiTests(RucheApp app) : ProviderTests(app)
{
    [Fact]
    public async Task Edits_apart_merge_edits_on_the_same_lines_conflict_keeping_both_texts_and_nothing_is_saved_over_them()
    {
        var ana = await NewPersonAsync("Ana");
        var bruno = await NewPersonAsync("Bruno");
        var space = await ana.CreateSpaceAsync("Atelier pages");
        await bruno.JoinAsync(space);
        var page = await ana.CreatePageAsync(space.Id, "Plan de la rentrée", WikiSteps.Lines(10));

        // Both open revision 1. Ana changes line 2 and saves first; Bruno changes line 9 and saves from revision 1.
        var anas = await ana.SavePageAsync(page.Id, 1, "Plan de la rentrée", WikiSteps.Lines(10, i => i == 2 ? "ligne 2 par Ana" : $"ligne {i}"), "Ana précise");
        Assert.Equal((WikiSaveOutcome.Saved, 2), (anas.Outcome, anas.Number));
        var brunos = await bruno.SavePageAsync(page.Id, 1, "Plan de la rentrée", WikiSteps.Lines(10, i => i == 9 ? "ligne 9 par Bruno" : $"ligne {i}"));
        Assert.Equal((WikiSaveOutcome.Merged, 3), (brunos.Outcome, brunos.Number));
        Assert.Equal([2], brunos.MergedRevisions.Select(r => r.Number));
        var merged = await ana.PageAsync(page.Id);
        Assert.Contains("ligne 2 par Ana", merged.Text, StringComparison.Ordinal);
        Assert.Contains("ligne 9 par Bruno", merged.Text, StringComparison.Ordinal);

        // Bruno, still on revision 1, rewrites line 2 too: a conflict, nothing saved, both texts handed back.
        var response = await bruno.TrySavePageAsync(page.Id, 1, "Plan de la rentrée", WikiSteps.Lines(10, i => i == 2 ? "ligne 2 selon Bruno" : $"ligne {i}"));
        await response.ShouldBeProblemAsync(HttpStatusCode.Conflict, "wiki.conflict");
        var conflict = (await response.Content.ReadFromJsonAsync<JsonElement>(Actor.Json)).GetProperty("conflict").Deserialize<WikiConflict>(Actor.Json)!;
        Assert.Equal((1, 3, 1), (conflict.BaseNumber, conflict.LatestNumber, conflict.Conflicts));
        Assert.Equal(merged.Text, conflict.Theirs);
        Assert.Contains("ligne 2 selon Bruno", conflict.Mine, StringComparison.Ordinal);
        Assert.Contains("<<<<<<< #3\nligne 2 par Ana\n=======\nligne 2 selon Bruno\n>>>>>>> #1+", conflict.Marked, StringComparison.Ordinal);
        var unchanged = await ana.PageAsync(page.Id);
        Assert.Equal((merged.Number, merged.Text), (unchanged.Number, unchanged.Text));

        // Sending the marked text back is refused; resolved, from revision 3, it saves.
        await bruno.TrySavePageAsync(page.Id, 3, "Plan de la rentrée", conflict.Marked).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "wiki.conflict-unresolved");
        var resolved = conflict.Marked.Replace("<<<<<<< #3\nligne 2 par Ana\n=======\nligne 2 selon Bruno\n>>>>>>> #1+", "ligne 2 par Ana et Bruno", StringComparison.Ordinal);
        Assert.Equal(WikiSaveOutcome.Saved, (await bruno.SavePageAsync(page.Id, 3, "Plan de la rentrée", resolved, "Conflit résolu")).Outcome);
        var history = await ana.HistoryAsync(page.Id);
        Assert.Equal([4, 3, 2, 1], history.Select(r => r.Number));
        Assert.Equal([bruno.Id, bruno.Id, ana.Id, ana.Id], history.Select(r => r.Author.Id));
        Assert.True(history.Single(r => r.Number == 3).Merged);
        Assert.Equal("Ana précise", history.Single(r => r.Number == 2).Summary);

        // The web editor shows a conflict side by side with both texts (409) and the same rule.
        var browser = await App.SignInWithBrowserCookiesAsync(bruno);
        var form = await browser.SubmitFormAsync($"{merged.Path}/edit", $"/ui/pages/{page.Id}/save", new()
        {
            ["spaceId"] = space.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), ["baseNumber"] = "2", ["title"] = "Plan de la rentrée",
            ["text"] = WikiSteps.Lines(10, i => i == 2 ? "ligne 2 version web" : $"ligne {i}"),
        });
        var html = WebUtility.HtmlDecode(await form.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Conflict, form.StatusCode);
        Assert.Contains("ligne 2 par Ana et Bruno", html, StringComparison.Ordinal);
        Assert.Contains("ligne 2 version web", html, StringComparison.Ordinal);
        Assert.Contains("name=\"baseNumber\" value=\"4\"", html, StringComparison.Ordinal);
        Assert.Equal(4, (await ana.PageAsync(page.Id)).Number);
    }

    [Fact]
    public async Task Truly_parallel_saves_never_lose_a_write_nor_answer_500()
    {
        var owner = await NewPersonAsync("Owner");
        var editors = new List<Actor>();
        for (var i = 0; i < 6; i++)
        {
            editors.Add(await NewPersonAsync($"Editor {i}"));
        }

        var space = await owner.CreateSpaceAsync("Course aux pages");
        foreach (var editor in editors)
        {
            await editor.JoinAsync(space);
        }

        var page = await owner.CreatePageAsync(space.Id, "Course", WikiSteps.Lines(30));

        // Six editors, each on their own line, all from revision 1 at once: every change lands.
        var apart = await Task.WhenAll(editors.Select((e, n) =>
            e.TrySavePageAsync(page.Id, 1, "Course", WikiSteps.Lines(30, i => i == (n * 5) + 2 ? $"ligne {i} par {n}" : $"ligne {i}"))));
        Assert.All(apart, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var text = (await owner.PageAsync(page.Id)).Text;
        for (var n = 0; n < editors.Count; n++)
        {
            Assert.Contains($"ligne {(n * 5) + 2} par {n}", text, StringComparison.Ordinal);
        }

        var history = await owner.HistoryAsync(page.Id);
        Assert.Equal(Enumerable.Range(1, editors.Count + 1).Reverse(), history.Select(r => r.Number));

        // Six editors on the same line at once from the latest revision: one saves, the others get their text back.
        var latest = history[0].Number;
        var same = await Task.WhenAll(editors.Select((e, n) =>
            e.TrySavePageAsync(page.Id, latest, "Course", text.Replace("ligne 30", $"ligne 30 selon {n}", StringComparison.Ordinal))));
        Assert.All(same, r => Assert.Contains(r.StatusCode, new[] { HttpStatusCode.OK, HttpStatusCode.Conflict }));
        var winners = same.Count(r => r.StatusCode == HttpStatusCode.OK);
        Assert.Equal(1, winners);
        foreach (var refused in same.Where(r => r.StatusCode == HttpStatusCode.Conflict))
        {
            var conflict = (await refused.Content.ReadFromJsonAsync<JsonElement>(Actor.Json)).GetProperty("conflict");
            Assert.Contains("ligne 30 selon", conflict.GetProperty("mine").GetString(), StringComparison.Ordinal);
            Assert.Contains("ligne 30 selon", conflict.GetProperty("theirs").GetString(), StringComparison.Ordinal);
        }

        Assert.Equal(latest + 1, (await owner.PageAsync(page.Id)).Number);
        TestContext.Current.TestOutputHelper?.WriteLine($"{App.ProviderName}: {editors.Count} parallel saves apart all merged; on one line 1 saved and {editors.Count - 1} conflicts kept.");
    }

    [Fact]
    public async Task Any_two_revisions_diff_either_way_and_any_revision_restores_as_a_new_one()
    {
        var ana = await NewPersonAsync("Ana");
        var space = await ana.CreateSpaceAsync("Relevés");
        var page = await ana.CreatePageAsync(space.Id, "Décision", "Contexte\nOption A\nFin");
        await ana.SavePageAsync(page.Id, 1, "Décision", "Contexte\nOption B retenue\nFin");
        await ana.SavePageAsync(page.Id, 2, "Décision finale", "Contexte\nOption B retenue\nFin\nSigné");

        var forward = await ana.DiffAsync(page.Id, 1, 3);
        Assert.Equal((1, 3), (forward.From, forward.To));
        Assert.Contains(forward.Lines, l => l.Change == DiffChange.Deleted && l.Segments.Any(s => s.Change == DiffChange.Deleted && s.Text.Contains('A', StringComparison.Ordinal)));
        Assert.Contains(forward.Lines, l => l.Change == DiffChange.Inserted && string.Concat(l.Segments.Select(s => s.Text)) == "Signé");
        var backward = await ana.DiffAsync(page.Id, 3, 1);
        Assert.Equal(forward.Inserted, backward.Deleted);
        Assert.Equal(forward.Deleted, backward.Inserted);

        var restored = await ana.RestoreAsync(page.Id, 1);
        Assert.Equal((WikiSaveOutcome.Saved, 4), (restored.Outcome, restored.Number));
        var now = await ana.PageAsync(page.Id);
        Assert.Equal(("Décision", "Contexte\nOption A\nFin"), (now.Title, now.Text));
        Assert.Equal(1, (await ana.HistoryAsync(page.Id))[0].RestoredFrom);
        Assert.Equal("Contexte\nOption B retenue\nFin\nSigné", (await ana.RevisionAsync(page.Id, 3)).Text);
        Assert.DoesNotContain((await ana.DiffAsync(page.Id, 1, 4)).Lines, l => l.Change != DiffChange.Unchanged);

        var browser = await App.SignInWithBrowserCookiesAsync(ana);
        var history = WebUtility.HtmlDecode(await browser.PageAsync($"{now.Path}/history?from=1&to=3"));
        Assert.Contains("<del>", history, StringComparison.Ordinal);
        Assert.Contains("<ins>Signé</ins>", history, StringComparison.Ordinal);
        await ana.Http.GetAsync($"/api/v1/pages/{page.Id}/diff?from=1&to=9").ShouldBeProblemAsync(HttpStatusCode.NotFound, "wiki.revision-not-found");
        await ana.Http.GetAsync($"/api/v1/pages/{page.Id}/diff?from=x&to=2").ShouldBeProblemAsync(HttpStatusCode.BadRequest, "wiki.revision-invalid");
    }

    [Fact]
    public async Task A_non_member_reaches_no_page_of_a_private_or_secret_space_by_any_route()
    {
        foreach (var visibility in new[] { SpaceVisibility.Private, SpaceVisibility.Secret })
        {
            var owner = await NewPersonAsync("Owner");
            var outsider = await NewPersonAsync("Outsider");
            var space = await owner.CreateSpaceAsync($"Comité {visibility} wkz", visibility);
            var page = await owner.CreatePageAsync(space.Id, "Plan social wkzq", "Confidentiel wkzq");
            await owner.SavePageAsync(page.Id, 1, "Plan social wkzq", "Confidentiel wkzq\nsuite");
            await owner.CommentPageAsync(page.Id, "Bien noté");
            var file = await owner.AttachToPageAsync(page.Id, TestImages.Png());
            Assert.Equal(HttpStatusCode.OK, (await owner.Http.GetAsync(file.Path)).StatusCode);
            var before = await DatabaseDigest.TakeAsync(App);

            var notFound = new[]
            {
                $"/api/v1/pages/{page.Id}", $"/api/v1/pages/{page.Id}/revisions", $"/api/v1/pages/{page.Id}/revisions/1", $"/api/v1/pages/{page.Id}/diff?from=1&to=2",
            };
            foreach (var url in notFound)
            {
                await outsider.Http.GetAsync(url).ShouldBeProblemAsync(HttpStatusCode.NotFound, "wiki.not-found");
            }

            await outsider.TrySavePageAsync(page.Id, 2, "Intrus", "Intrus").ShouldBeProblemAsync(HttpStatusCode.NotFound, "wiki.not-found");
            await outsider.Http.PostAsync($"/api/v1/pages/{page.Id}/revisions/1/restore", null).ShouldBeProblemAsync(HttpStatusCode.NotFound, "wiki.not-found");
            await outsider.Http.PostAsJsonAsync($"/api/v1/pages/{page.Id}/comments", new { body = "Intrus" }, Actor.Json).ShouldBeProblemAsync(HttpStatusCode.NotFound, "wiki.not-found");
            await outsider.Http.PostAsync($"/api/v1/pages/{page.Id}/editing", null).ShouldBeProblemAsync(HttpStatusCode.NotFound, "wiki.not-found");
            Assert.Equal(HttpStatusCode.NotFound, (await outsider.Http.GetAsync(file.Path)).StatusCode);
            Assert.Contains((await outsider.Http.GetAsync($"/api/v1/spaces/{space.Id}/pages")).StatusCode, new[] { HttpStatusCode.NotFound, HttpStatusCode.Forbidden });
            await outsider.TryCreatePageAsync(space.Id, new { title = "Intrus", text = "x" }).ShouldBeProblemAsync(
                visibility == SpaceVisibility.Secret ? HttpStatusCode.NotFound : HttpStatusCode.Forbidden, visibility == SpaceVisibility.Secret ? "space.not-found" : "wiki.edit-forbidden");
            Assert.Empty((await outsider.SearchAsync("wkzq")).Items);
            Assert.Contains((await owner.SearchAsync("wkzq", "&type=page")).Items, i => i.Path == page.Path);

            var browser = await App.SignInWithBrowserCookiesAsync(outsider);
            foreach (var url in new[] { page.Path!, $"{page.Path}/history", $"{page.Path}/edit", $"/spaces/{space.Id}/pages/{page.Id}" })
            {
                var response = await browser.GetAsync(url);
                Assert.Contains(response.StatusCode, new[] { HttpStatusCode.NotFound, HttpStatusCode.Forbidden });
                // The address they typed may come back in the page; the page's title and text never do.
                var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
                Assert.DoesNotContain("Confidentiel", html, StringComparison.Ordinal);
                Assert.DoesNotContain("Plan social wkzq", html, StringComparison.Ordinal);
            }

            // (Refused reads are audited: that is the only trace they leave.)
            Assert.DoesNotContain(DatabaseDigest.Changed(before, await DatabaseDigest.TakeAsync(App)), t => t != "AuditEntries");
        }
    }

    [Fact]
    public async Task A_reader_who_may_not_post_reads_and_comments_but_does_not_edit()
    {
        var owner = await NewPersonAsync("Owner");
        var reader = await NewPersonAsync("Reader");
        var space = await owner.CreateSpaceAsync("Annonces pages", SpaceVisibility.Open);
        var page = await owner.CreatePageAsync(space.Id, "Règles", "Lisez-moi");
        Assert.Equal("Lisez-moi", (await reader.PageAsync(page.Id)).Text);
        Assert.False((await reader.PageAsync(page.Id)).CanEdit);
        await reader.TrySavePageAsync(page.Id, 1, "Règles", "Changé").ShouldBeProblemAsync(HttpStatusCode.Forbidden, "wiki.edit-forbidden");
        await reader.CommentPageAsync(page.Id, "Merci @" + owner.Handle);
        Assert.Contains(await owner.NotificationsAsync(), n => n.Kind == WikiNotifications.Commented.Name && n.SubjectId == page.Id);
        await reader.JoinAsync(space);
        Assert.True((await reader.PageAsync(page.Id)).CanEdit);
    }

    [Fact]
    public async Task Bad_input_is_refused_with_a_clear_problem_and_changes_nothing()
    {
        var ana = await NewPersonAsync("Ana");
        var member = await NewPersonAsync("Member");
        var space = await ana.CreateSpaceAsync("Entrées");
        await member.JoinAsync(space);
        var other = await ana.CreateSpaceAsync("Autre espace");
        var page = await ana.CreatePageAsync(space.Id, "Page", "Texte");
        var elsewhere = await ana.CreatePageAsync(other.Id, "Ailleurs", "x");
        var before = await DatabaseDigest.TakeAsync(App);

        await ana.TryCreatePageAsync(space.Id, new { title = " ", text = "x" }).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "wiki.title-required");
        await ana.TryCreatePageAsync(space.Id, new { title = new string('t', WikiInputs.TitleMaxLength + 1) }).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "wiki.title-too-long");
        await ana.TryCreatePageAsync(space.Id, new { title = "Long", text = new string('x', WikiInputs.TextMaxLength + 1) }).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "wiki.text-too-long");
        await ana.TryCreatePageAsync(space.Id, new { title = "Parent", text = "x", parentId = elsewhere.Id }).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "wiki.parent-invalid");
        await member.TryCreatePageAsync(space.Id, new { title = "Modèle", text = "x", isTemplate = true }).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "wiki.template-forbidden");
        await ana.TryCreatePageAsync(999_999_999, new { title = "Nulle part", text = "x" }).ShouldBeProblemAsync(HttpStatusCode.NotFound, "space.not-found");
        await ana.TrySavePageAsync(page.Id, null, "Page", "Neuf").ShouldBeProblemAsync(HttpStatusCode.BadRequest, "wiki.base-required");
        await ana.TrySavePageAsync(page.Id, 7, "Page", "Neuf").ShouldBeProblemAsync(HttpStatusCode.BadRequest, "wiki.base-invalid");
        await ana.TrySavePageAsync(page.Id, 1, "Page", "a\n<<<<<<< #2\nx\n=======\ny\n>>>>>>> #1+").ShouldBeProblemAsync(HttpStatusCode.BadRequest, "wiki.conflict-unresolved");
        await ana.TrySavePageAsync(page.Id, 1, "Page", "Neuf", new string('s', WikiInputs.SummaryMaxLength + 1)).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "wiki.summary-too-long");
        await ana.TrySavePageAsync(page.Id + 1_000_000, 1, "Page", "Neuf").ShouldBeProblemAsync(HttpStatusCode.NotFound, "wiki.not-found");
        await ana.Http.PostAsJsonAsync($"/api/v1/pages/{page.Id}/comments", new { body = " " }, Actor.Json).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "wiki.comment-required");
        await ana.Http.PostAsync($"/api/v1/pages/{page.Id}/revisions/5/restore", null).ShouldBeProblemAsync(HttpStatusCode.NotFound, "wiki.revision-not-found");
        Assert.Equal(WikiSaveOutcome.Unchanged, (await ana.SavePageAsync(page.Id, 1, "Page", "Texte")).Outcome);

        Assert.Empty(DatabaseDigest.Changed(before, await DatabaseDigest.TakeAsync(App)));

        // A refused form comes back filled with what was typed, with its reason.
        var browser = await App.SignInWithBrowserCookiesAsync(ana);
        var refill = await browser.SubmitFormAsync($"/spaces/{space.Id}/pages/new", $"/ui/spaces/{space.Id}/pages", new() { ["title"] = "", ["text"] = "Texte gardé wqz" });
        Assert.Equal(HttpStatusCode.BadRequest, refill.StatusCode);
        Assert.Contains("Texte gardé wqz", WebUtility.HtmlDecode(await refill.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_editing_session_is_one_feed_entry_and_a_new_session_or_another_editor_starts_another()
    {
        var ana = await NewPersonAsync("Ana");
        var bruno = await NewPersonAsync("Bruno");
        var space = await ana.CreateSpaceAsync("Fil des pages");
        await bruno.JoinAsync(space);
        var page = await ana.CreatePageAsync(space.Id, "Ordre du jour", WikiSteps.Lines(5));
        await ana.SavePageAsync(page.Id, 1, "Ordre du jour", WikiSteps.Lines(6), "Un point de plus");
        await ana.SavePageAsync(page.Id, 2, "Ordre du jour", WikiSteps.Lines(7), "Encore un");
        var entries = await PageEntriesAsync(ana, space);
        var entry = Assert.Single(entries);
        Assert.Equal(ana.Id, entry.Author?.Id);
        Assert.Contains(page.Path!, entry.BodyHtml, StringComparison.Ordinal);
        Assert.Contains("Encore un", entry.BodyHtml, StringComparison.Ordinal);
        Assert.Contains("Un point de plus", entry.BodyHtml, StringComparison.Ordinal);

        await bruno.SavePageAsync(page.Id, 3, "Ordre du jour", WikiSteps.Lines(8));
        Assert.Equal(2, (await PageEntriesAsync(ana, space)).Count);

        // Ana again, then 40 minutes pass (moved back in the database): her next save opens a new session.
        await ana.SavePageAsync(page.Id, 4, "Ordre du jour", WikiSteps.Lines(9));
        Assert.Equal(3, (await PageEntriesAsync(ana, space)).Count);
        await ana.SavePageAsync(page.Id, 5, "Ordre du jour", WikiSteps.Lines(10));
        Assert.Equal(3, (await PageEntriesAsync(ana, space)).Count);
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RucheDbContext>();
            await db.Set<WikiPage>().Where(p => p.Id == page.Id).ExecuteUpdateAsync(s => s.SetProperty(p => p.UpdatedAt, p => p.UpdatedAt.AddMinutes(-40)));
        }

        await ana.SavePageAsync(page.Id, 6, "Ordre du jour", WikiSteps.Lines(11));
        Assert.Equal(4, (await PageEntriesAsync(ana, space)).Count);
    }

    [Fact]
    public async Task Mentions_in_a_page_notify_once_the_named_person_and_the_export_holds_a_persons_part()
    {
        var ana = await NewPersonAsync("Ana");
        var bruno = await NewPersonAsync("Bruno");
        var space = await ana.CreateSpaceAsync("Mentions pages");
        await bruno.JoinAsync(space);
        var page = await ana.CreatePageAsync(space.Id, "Réunion", "Animée par @" + bruno.Handle);
        await ana.SavePageAsync(page.Id, 1, "Réunion", "Animée par @" + bruno.Handle + "\nNotes");
        Assert.Single(await bruno.NotificationsAsync(), n => n.Kind == WikiNotifications.Mentioned.Name && n.SubjectId == page.Id);

        await bruno.CommentPageAsync(page.Id, "J'y serai");
        var response = await bruno.Http.GetAsync("/api/v1/me/export");
        using var zip = new ZipArchive(await response.Content.ReadAsStreamAsync(), ZipArchiveMode.Read);
        using var reader = new StreamReader(zip.GetEntry("ruche-data.json")!.Open());
        using var data = JsonDocument.Parse(await reader.ReadToEndAsync());
        var pages = data.RootElement.GetProperty("pages");
        Assert.Equal("J'y serai", Assert.Single(pages.GetProperty("comments").EnumerateArray()).GetProperty("body").GetString());
        Assert.Empty(pages.GetProperty("revisions").EnumerateArray());
    }

    [Fact]
    public async Task While_someone_edits_the_pages_readers_hear_it_live_and_an_outsider_does_not()
    {
        var ana = await NewPersonAsync("Ana");
        var bruno = await NewPersonAsync("Bruno");
        var outsider = await NewPersonAsync("Outsider");
        var space = await ana.CreateSpaceAsync("Direct pages", SpaceVisibility.Private);
        await ana.AddToSpaceAsync(space, bruno);
        var page = await ana.CreatePageAsync(space.Id, "En direct", "x");
        await using var brunoLive = await bruno.ConnectLiveAsync();
        await using var outsiderLive = await outsider.ConnectLiveAsync();

        Assert.Equal(HttpStatusCode.NoContent, (await ana.Http.PostAsync($"/api/v1/pages/{page.Id}/editing", null)).StatusCode);
        var heard = await brunoLive.WaitForAsync<PageEditingEvent>(e => e.PageId == page.Id);
        Assert.Equal((ana.Id, "Ana"), (heard.PersonId, heard.DisplayName.Split(' ')[0]));
        await ana.SavePageAsync(page.Id, 1, "En direct", "y");
        Assert.Equal(2, (await brunoLive.WaitForAsync<PageSavedEvent>(e => e.PageId == page.Id)).Number);
        await Task.Delay(300);
        Assert.DoesNotContain(outsiderLive.Messages, m => m is PageEditingEvent or PageSavedEvent);
    }

    [Fact]
    public async Task The_editing_notice_never_names_the_editor_to_themself()
    {
        var ana = await NewPersonAsync("Ana");
        var bruno = await NewPersonAsync("Bruno");
        var space = await ana.CreateSpaceAsync("Notice pages", SpaceVisibility.Private);
        await ana.AddToSpaceAsync(space, bruno);
        var page = await ana.CreatePageAsync(space.Id, "Qui modifie", "x");
        await using var anaLive = await ana.ConnectLiveAsync();
        await using var brunoLive = await bruno.ConnectLiveAsync();

        // Ana announces herself, then Bruno does: each hears the other, and once Ana has heard Bruno (sent after her own
        // announcement, on the same connection) she has heard nothing about herself.
        Assert.Equal(HttpStatusCode.NoContent, (await ana.Http.PostAsync($"/api/v1/pages/{page.Id}/editing", null)).StatusCode);
        Assert.Equal(ana.Id, (await brunoLive.WaitForAsync<PageEditingEvent>(e => e.PageId == page.Id)).PersonId);
        Assert.Equal(HttpStatusCode.NoContent, (await bruno.Http.PostAsync($"/api/v1/pages/{page.Id}/editing", null)).StatusCode);
        Assert.Equal(bruno.Id, (await anaLive.WaitForAsync<PageEditingEvent>(e => e.PageId == page.Id)).PersonId);
        Assert.DoesNotContain(anaLive.Messages, m => m is PageEditingEvent e && e.PersonId == ana.Id);
        Assert.DoesNotContain(brunoLive.Messages, m => m is PageEditingEvent e && e.PersonId == bruno.Id);

        // A page open to the whole company is told company-wide (the editor's connections too): its page names its
        // reader, so the script shows no notice about them (js/wiki-live.js), on the page and in its editor.
        var open = await ana.CreateSpaceAsync("Notice ouverte");
        var openPage = await ana.CreatePageAsync(open.Id, "Ouverte", "x");
        var browser = await App.SignInWithBrowserCookiesAsync(ana);
        foreach (var path in new[] { openPage.Path!, $"{openPage.Path}/edit", page.Path!, $"{page.Path}/edit" })
        {
            var html = await browser.PageAsync(path);
            Assert.Matches($"data-wiki-editors=\"\\d+\" data-wiki-me=\"{ana.Id}\"", html);
        }
    }

    [Fact]
    public async Task A_page_sits_under_a_parent_templates_are_offered_and_the_address_reads_by_slug_or_id()
    {
        var ana = await NewPersonAsync("Ana");
        var member = await NewPersonAsync("Member");
        var space = await ana.CreateSpaceAsync("Arbre");
        await member.JoinAsync(space);
        var parent = await ana.CreatePageAsync(space.Id, "Projets", "x");
        var child = await member.CreatePageAsync(space.Id, "Projet Été", "y", parent.Id);
        var template = await ana.CreatePageAsync(space.Id, "Notre compte rendu", "## Présents", isTemplate: true);
        Assert.Equal($"/spaces/{space.Id}/pages/projet-ete", child.Path);

        var view = await member.PageAsync(child.Id);
        Assert.Equal([parent.Id], view.Breadcrumb.Select(b => b.Id));
        Assert.Equal([child.Id], (await member.PageAsync(parent.Id)).Children.Select(c => c.Id));
        var templates = await member.GetAsync<List<WikiTemplate>>($"/api/v1/spaces/{space.Id}/pages/templates");
        Assert.Equal([.. WikiTemplates.BuiltIn, null], templates.Select(t => t.Name));
        Assert.Equal(template.Id, templates[^1].PageId);

        var browser = await App.SignInWithBrowserCookiesAsync(member);
        Assert.Contains("Projet Été", WebUtility.HtmlDecode(await browser.PageAsync($"/spaces/{space.Id}/pages/{child.Id}")), StringComparison.Ordinal);
        Assert.Contains("Projets", WebUtility.HtmlDecode(await browser.PageAsync(child.Path!)), StringComparison.Ordinal);
        Assert.Contains("## Présents", WebUtility.HtmlDecode(await browser.PageAsync($"/spaces/{space.Id}/pages/new?template={template.Id}")), StringComparison.Ordinal);
        Assert.Contains("objectifs", WebUtility.HtmlDecode(await browser.PageAsync($"/spaces/{space.Id}/pages/new?template=objectives-meeting")), StringComparison.Ordinal);
        var list = WebUtility.HtmlDecode(await browser.PageAsync($"/spaces/{space.Id}/pages"));
        Assert.Contains("Projet Été", list, StringComparison.Ordinal);

        App.Commands.Reset();
        await member.GetAsync<List<WikiPageCard>>($"/api/v1/spaces/{space.Id}/pages");
        var few = App.Commands.Count;
        for (var i = 0; i < 5; i++)
        {
            await member.CreatePageAsync(space.Id, $"Page {i}", "z", parent.Id);
        }

        App.Commands.Reset();
        Assert.Equal(8, (await member.GetAsync<List<WikiPageCard>>($"/api/v1/spaces/{space.Id}/pages")).Count);
        Assert.Equal(few, App.Commands.Count);
    }

    [Fact]
    public async Task Measure_a_large_page_diff_and_a_conflicting_merge()
    {
        var ana = await NewPersonAsync("Ana");
        var space = await ana.CreateSpaceAsync("Grande page");
        var text = WikiSteps.Lines(1_400, i => $"Ligne {i} : un paragraphe de compte rendu assez long pour peser."); // ~ 50 KB
        var page = await ana.CreatePageAsync(space.Id, "Grande", text);
        var number = 1;
        for (var r = 0; r < 30; r++)
        {
            text = text.Replace($"Ligne {(r * 40) + 1} :", $"Ligne {(r * 40) + 1} (rév. {r}) :", StringComparison.Ordinal);
            number = (await ana.SavePageAsync(page.Id, number, "Grande", text)).Number;
        }

        var clock = Stopwatch.StartNew();
        var diff = await ana.DiffAsync(page.Id, 1, number);
        var diffTime = clock.Elapsed;
        Assert.Equal(30, diff.Inserted);
        clock.Restart();
        var conflict = await ana.TrySavePageAsync(page.Id, 1, "Grande", text.Replace("Ligne 1 (rév. 0) :", "Ligne 1 (autre) :", StringComparison.Ordinal).Replace("Ligne 1 :", "Ligne 1 (autre) :", StringComparison.Ordinal));
        var conflictTime = clock.Elapsed;
        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"{App.ProviderName}: page of {text.Length / 1024} KB, {number} revisions; diff 1→{number} over HTTP {diffTime.TotalMilliseconds:F0} ms; conflicting save (merge, refusal with both texts) {conflictTime.TotalMilliseconds:F0} ms.");
    }

    private static async Task<List<PostCard>> PageEntriesAsync(Actor reader, Ruche.Core.Spaces.SpaceSummary space) =>
        [.. (await reader.SpaceFeedAsync(space)).Items.Where(p => p.Origin == PostOrigin.PageUpdate)];
}

public sealed class WikiTestsOnSqlite(SqliteApp app) : WikiTests(app), IClassFixture<SqliteApp>;

public sealed class WikiTestsOnPostgres(PostgresApp app) : WikiTests(app), IClassFixture<PostgresApp>;
