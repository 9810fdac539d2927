using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Ruche.Core.Common;
using Ruche.Core.Data;
using Ruche.Core.Feeds;
using Ruche.Core.Posts;
using Ruche.Tests.Infrastructure;
using Ruche.Web.Library;

namespace Ruche.Tests.Library;

/// <summary>
/// A space's file library and photo gallery through HTTP, forbidden paths first: who lists, downloads and finds a file
/// (web, API, search, /files), who organises and deletes, versions and the download count only the uploader sees, bad
/// input that changes nothing, documents on posts and comments, the gallery's rule and its keyset pages.
/// </summary>
public abstract class LibraryTests(RucheApp app) : ProviderTests(app)
{
    [Fact]
    public async Task Outside_a_secret_or_private_space_nobody_lists_downloads_or_finds_its_files_by_any_route()
    {
        var owner = await NewPersonAsync("Owner");
        var member = await NewPersonAsync("Member");
        var outsider = await NewPersonAsync("Outsider");
        var secret = await owner.CreateSpaceAsync("Rachat confidentiel", SpaceVisibility.Secret);
        var closed = await owner.CreateSpaceAsync("Comité privé", SpaceVisibility.Private);
        await owner.AddToSpaceAsync(secret, member);
        var folder = await owner.CreateFolderAsync(secret.Id, "Juridique");
        var fileId = await owner.UploadAsync(secret.Id, "protocole-qzvbw.png", folder);
        var privateFile = await owner.UploadAsync(closed.Id, "budget-qzvbw.png");
        var version = Assert.Single((await owner.LibraryFileAsync(secret.Id, fileId)).Versions);
        var privateVersion = Assert.Single((await owner.LibraryFileAsync(closed.Id, privateFile)).Versions);
        var before = await owner.ListAsync(secret.Id, folder);

        await outsider.TryListAsync(secret.Id).ShouldBeProblemAsync(HttpStatusCode.NotFound, "space.not-found");
        await outsider.TryListAsync(secret.Id, folder).ShouldBeProblemAsync(HttpStatusCode.NotFound, "space.not-found");
        await outsider.TryListAsync(closed.Id).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "space.members-only");
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.Http.GetAsync($"{LibrarySteps.Library(secret.Id)}/files/{fileId}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await outsider.Http.GetAsync($"{LibrarySteps.Library(closed.Id)}/files/{privateFile}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, await outsider.DownloadAsync(secret.Id, version.Id));
        Assert.Equal(HttpStatusCode.NotFound, await outsider.DownloadAsync(closed.Id, privateVersion.Id));
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.Http.GetAsync($"/files/{version.StoredFileId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.Http.GetAsync($"/files/{privateVersion.StoredFileId}")).StatusCode);
        Assert.Empty((await outsider.SearchAsync("qzvbw")).Items);
        await outsider.TryUploadAsync(secret.Id, "intrusion.png").ShouldBeProblemAsync(HttpStatusCode.NotFound, "space.not-found");
        await outsider.TryCreateFolderAsync(secret.Id, "Intrusion").ShouldBeProblemAsync(HttpStatusCode.NotFound, "space.not-found");
        await outsider.TryDeleteFileAsync(secret.Id, fileId).ShouldBeProblemAsync(HttpStatusCode.NotFound, "space.not-found");
        await outsider.TryCreateFolderAsync(closed.Id, "Intrusion").ShouldBeProblemAsync(HttpStatusCode.Forbidden, "space.members-only");

        var browser = await App.SignInWithBrowserCookiesAsync(outsider);
        await browser.PageAsync($"/spaces/{secret.Id}/files", HttpStatusCode.NotFound);
        await browser.PageAsync($"/spaces/{secret.Id}/files/folders/{folder}", HttpStatusCode.NotFound);
        await browser.PageAsync($"/spaces/{secret.Id}/files/{fileId}", HttpStatusCode.NotFound);
        await browser.PageAsync($"/spaces/{secret.Id}/photos", HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync($"/spaces/{secret.Id}/files/versions/{version.Id}/download")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync($"/files/{version.StoredFileId}")).StatusCode);

        // Nothing the outsider tried changed anything; a member reads, downloads and finds it all.
        Assert.Equivalent(before, await owner.ListAsync(secret.Id, folder));
        Assert.Equal(0, Assert.Single((await owner.LibraryFileAsync(secret.Id, fileId)).Versions).Downloads);
        Assert.Equal("protocole-qzvbw.png", Assert.Single((await member.ListAsync(secret.Id, folder)).Files).Name);
        Assert.Equal(HttpStatusCode.OK, await member.DownloadAsync(secret.Id, version.Id));
        var found = Assert.Single((await member.SearchAsync("qzvbw")).Items);
        Assert.Equal($"/spaces/{secret.Id}/files/{fileId}", found.Path);
        var memberPage = WebUtility.HtmlDecode(await (await App.SignInWithBrowserCookiesAsync(member)).PageAsync($"/spaces/{secret.Id}/files/folders/{folder}"));
        Assert.Contains("protocole-qzvbw.png", memberPage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Versions_keep_every_upload_and_only_each_uploader_sees_how_often_theirs_was_downloaded()
    {
        var author = await NewPersonAsync("Author");
        var editor = await NewPersonAsync("Editor");
        var reader = await NewPersonAsync("Reader");
        var space = await author.CreateSpaceAsync("Projet Atlas");
        await author.AddToSpaceAsync(space, editor);
        await author.AddToSpaceAsync(space, reader);
        var fileId = await author.UploadAsync(space.Id, "plan.png");
        Assert.Equal(2, await editor.UploadVersionAsync(space.Id, fileId, "plan-v2.png"));

        var row = Assert.Single((await reader.ListAsync(space.Id)).Files);
        Assert.Equal(("plan.png", 2, 2, editor.Id), (row.Name, row.VersionCount, row.Latest.Number, row.Latest.UploadedBy.Id));
        var history = await reader.LibraryFileAsync(space.Id, fileId);
        Assert.Equal([2, 1], history.Versions.Select(v => v.Number));
        Assert.Equal([editor.Id, author.Id], history.Versions.Select(v => v.UploadedBy.Id));
        Assert.Equal(["plan-v2.png", "plan.png"], history.Versions.Select(v => v.FileName));
        var (second, first) = (history.Versions[0], history.Versions[1]);

        Assert.Equal(HttpStatusCode.OK, await author.DownloadAsync(space.Id, first.Id));
        Assert.Equal(HttpStatusCode.OK, await reader.DownloadAsync(space.Id, first.Id));
        Assert.Equal(HttpStatusCode.OK, await reader.DownloadAsync(space.Id, first.Id));
        Assert.Equal(HttpStatusCode.OK, await reader.DownloadAsync(space.Id, second.Id));
        Assert.Equal(HttpStatusCode.OK, (await reader.Http.GetAsync($"/files/{first.StoredFileId}")).StatusCode);

        // The uploader sees their own version's count (their own downloads not counted); nobody sees anyone else's.
        Assert.Equal([null, 2], (await author.LibraryFileAsync(space.Id, fileId)).Versions.Select(v => v.Downloads));
        Assert.Equal([1, null], (await editor.LibraryFileAsync(space.Id, fileId)).Versions.Select(v => v.Downloads));
        Assert.All((await reader.LibraryFileAsync(space.Id, fileId)).Versions, v => Assert.Null(v.Downloads));
        Assert.Null(Assert.Single((await author.ListAsync(space.Id)).Files).Latest.Downloads);
        Assert.Equal(1, Assert.Single((await editor.ListAsync(space.Id)).Files).Latest.Downloads);

        var authorPage = WebUtility.HtmlDecode(await (await App.SignInWithBrowserCookiesAsync(author)).PageAsync($"/spaces/{space.Id}/files/{fileId}"));
        Assert.Contains("téléchargé 2 fois", authorPage, StringComparison.Ordinal);
        var readerPage = WebUtility.HtmlDecode(await (await App.SignInWithBrowserCookiesAsync(reader)).PageAsync($"/spaces/{space.Id}/files/{fileId}"));
        Assert.DoesNotContain("téléchargé", readerPage, StringComparison.Ordinal);
        Assert.Contains("plan-v2.png", readerPage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Folders_nest_rename_refuse_duplicates_and_go_only_when_empty_by_their_author_or_a_moderator()
    {
        var owner = await NewPersonAsync("Owner");
        var member = await NewPersonAsync("Member");
        var colleague = await NewPersonAsync("Colleague");
        var reader = await NewPersonAsync("Reader");
        var space = await owner.CreateSpaceAsync("Équipe Support");
        var other = await owner.CreateSpaceAsync("Autre espace");
        await owner.AddToSpaceAsync(space, member);
        await owner.AddToSpaceAsync(space, colleague);

        var docs = await member.CreateFolderAsync(space.Id, "Procédures");
        var nested = await member.CreateFolderAsync(space.Id, "Clients", docs);
        var elsewhere = await owner.CreateFolderAsync(other.Id, "Ailleurs");
        await member.TryCreateFolderAsync(space.Id, "procédures").ShouldBeProblemAsync(HttpStatusCode.Conflict, "library.folder-exists");
        await member.TryCreateFolderAsync(space.Id, "  ").ShouldBeProblemAsync(HttpStatusCode.BadRequest, "library.folder-name-empty");
        await member.TryCreateFolderAsync(space.Id, "a/b").ShouldBeProblemAsync(HttpStatusCode.BadRequest, "library.folder-name-invalid");
        await member.TryCreateFolderAsync(space.Id, "Fils", elsewhere).ShouldBeProblemAsync(HttpStatusCode.NotFound, "library.folder-not-found");
        await reader.TryCreateFolderAsync(space.Id, "Lecteur").ShouldBeProblemAsync(HttpStatusCode.Forbidden, "library.members-only");

        var root = await reader.ListAsync(space.Id);
        var folder = Assert.Single(root.Folders);
        Assert.Equal(("Procédures", 1, 0), (folder.Name, folder.Folders, folder.Files));
        Assert.False(root.Can.Organise);
        var inside = await member.ListAsync(space.Id, nested);
        Assert.Equal(["Procédures", "Clients"], inside.Path.Select(p => p.Name));

        Assert.Equal(HttpStatusCode.NoContent, (await colleague.TryRenameFolderAsync(space.Id, docs, "Modes opératoires")).StatusCode);
        await colleague.TryRenameFolderAsync(space.Id, docs, string.Empty).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "library.folder-name-empty");
        Assert.Equal("Modes opératoires", Assert.Single((await reader.ListAsync(space.Id)).Folders).Name);

        var fileId = await member.UploadAsync(space.Id, "escalade.png", nested);
        await member.TryDeleteFolderAsync(space.Id, docs).ShouldBeProblemAsync(HttpStatusCode.Conflict, "library.folder-not-empty");
        await member.TryDeleteFolderAsync(space.Id, nested).ShouldBeProblemAsync(HttpStatusCode.Conflict, "library.folder-not-empty");
        await colleague.TryDeleteFileAsync(space.Id, fileId).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "library.delete-forbidden");
        Assert.Single((await member.ListAsync(space.Id, nested)).Files);
        Assert.Equal(HttpStatusCode.NoContent, (await member.TryDeleteFileAsync(space.Id, fileId)).StatusCode);
        await colleague.TryDeleteFolderAsync(space.Id, nested).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "library.delete-forbidden");
        Assert.Equal(HttpStatusCode.NoContent, (await owner.TryDeleteFolderAsync(space.Id, nested)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await member.TryDeleteFolderAsync(space.Id, docs)).StatusCode);
        Assert.Empty((await reader.ListAsync(space.Id)).Folders);

        // A moderator deletes anyone's file; its versions' bytes go with it.
        var kept = await colleague.UploadAsync(space.Id, "note.png");
        var stored = Assert.Single((await colleague.LibraryFileAsync(space.Id, kept)).Versions).StoredFileId;
        Assert.Equal(HttpStatusCode.NoContent, (await owner.TryDeleteFileAsync(space.Id, kept)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await colleague.Http.GetAsync($"/files/{stored}")).StatusCode);
        Assert.Empty((await reader.ListAsync(space.Id)).Files);
    }

    [Fact]
    public async Task Uploads_of_one_name_at_once_are_versions_of_one_file_and_a_file_moves_between_folders()
    {
        var owner = await NewPersonAsync("Owner");
        var member = await NewPersonAsync("Member");
        var reader = await NewPersonAsync("Reader");
        var space = await owner.CreateSpaceAsync("Bibliothèque partagée");
        await member.JoinAsync(space);
        await reader.JoinAsync(space);
        var docs = await owner.CreateFolderAsync(space.Id, "Docs");
        var archives = await owner.CreateFolderAsync(space.Id, "Archives");

        // Six uploads of one name (in two cases) by two people at the same instant: one file with six versions.
        var answers = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => (i % 2 == 0 ? owner : member).TryUploadAsync(space.Id, i % 3 == 0 ? "plan.png" : "PLAN.png", docs)));
        var ids = new List<long>();
        foreach (var answer in answers)
        {
            ids.Add((await Actor.ReadAsync<LibraryCreated>(answer, HttpStatusCode.Created)).Id);
        }

        var fileId = Assert.Single(ids.Distinct());
        Assert.Equal(6, Assert.Single((await owner.ListAsync(space.Id, docs)).Files).VersionCount);
        Assert.Equal([6, 5, 4, 3, 2, 1], (await owner.LibraryFileAsync(space.Id, fileId)).Versions.Select(v => v.Number));

        // One more, later, is the seventh; in another folder the same name is another file.
        Assert.Equal(fileId, await owner.UploadAsync(space.Id, "Plan.png", docs));
        Assert.Equal(7, (await owner.LibraryFileAsync(space.Id, fileId)).Versions.Count);
        var other = await owner.UploadAsync(space.Id, "plan.png", archives);
        Assert.NotEqual(fileId, other);

        // Moving: only its author or a moderator; to a folder of the space; never onto a name already there.
        var move = $"{LibrarySteps.Library(space.Id)}/files/{fileId}/folder";
        await reader.Http.PutAsJsonAsync(move, new { folderId = (long?)null }, Actor.Json).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "library.move-forbidden");
        await owner.Http.PutAsJsonAsync(move, new { folderId = 987654 }, Actor.Json).ShouldBeProblemAsync(HttpStatusCode.NotFound, "library.folder-not-found");
        await owner.Http.PutAsJsonAsync(move, new { folderId = archives }, Actor.Json).ShouldBeProblemAsync(HttpStatusCode.Conflict, "library.file-exists");
        Assert.Equal(docs, (await owner.LibraryFileAsync(space.Id, fileId)).FolderId);
        Assert.Equal(HttpStatusCode.NoContent, (await owner.Http.PutAsJsonAsync(move, new { folderId = (long?)null }, Actor.Json)).StatusCode);
        var moved = await reader.LibraryFileAsync(space.Id, fileId);
        Assert.Equal(((long?)null, 7), (moved.FolderId, moved.Versions.Count));
        Assert.Empty((await owner.ListAsync(space.Id, docs)).Files);
        Assert.Contains((await owner.ListAsync(space.Id)).Files, f => f.Id == fileId);
        Assert.Empty(moved.Folders); // the reader may not move it: no folders offered

        // The file page's form moves it back into a folder, which it then shows as chosen.
        var browser = await App.SignInWithBrowserCookiesAsync(owner);
        var page = $"/spaces/{space.Id}/files/{fileId}";
        var sent = await browser.SubmitFormAsync(page, $"/ui/library/{space.Id}/files/{fileId}/move", new() { ["folderId"] = docs.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        Assert.Equal(docs, (await owner.LibraryFileAsync(space.Id, fileId)).FolderId);
        Assert.Contains($"<option value=\"{docs}\" selected", await browser.PageAsync(page), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_uploads_are_refused_with_a_reason_and_leave_nothing_behind()
    {
        var owner = await NewPersonAsync("Owner");
        var space = await owner.CreateSpaceAsync("Archives");
        var fileId = await owner.UploadAsync(space.Id, "charte.png");
        var before = await owner.ListAsync(space.Id);
        var stored = await StoredFilesOfAsync(owner.Id);

        Assert.Equal(HttpStatusCode.BadRequest, (await owner.TryUploadAsync(space.Id, "vide.png", content: [])).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await owner.TryUploadAsync(space.Id, "vide.png", content: [])).StatusCode);
        await owner.TryUploadAsync(space.Id, "ailleurs.png", folderId: 987654).ShouldBeProblemAsync(HttpStatusCode.NotFound, "library.folder-not-found");
        Assert.Equal(HttpStatusCode.NotFound, (await owner.TryUploadVersionAsync(space.Id, 987654, "v2.png")).StatusCode);
        using (var empty = new MultipartFormDataContent { { new StringContent("1"), "folderId" } })
        {
            Assert.Equal(HttpStatusCode.BadRequest, (await owner.Http.PostAsync($"{LibrarySteps.Library(space.Id)}/files", empty)).StatusCode);
        }

        await owner.TryPhotosAsync(space.Id, "pas-un-curseur").ShouldBeProblemAsync(HttpStatusCode.BadRequest, "cursor.invalid");
        Assert.Equivalent(before, await owner.ListAsync(space.Id));
        Assert.Single((await owner.LibraryFileAsync(space.Id, fileId)).Versions);
        Assert.Equal(stored, await StoredFilesOfAsync(owner.Id));
    }

    [Fact]
    public async Task Documents_on_posts_and_comments_follow_the_post_s_read_rule_and_are_attached_once()
    {
        var author = await NewPersonAsync("Author");
        var member = await NewPersonAsync("Member");
        var outsider = await NewPersonAsync("Outsider");
        var space = await author.CreateSpaceAsync("Conseil", SpaceVisibility.Secret);
        await author.AddToSpaceAsync(space, member);
        var document = await author.UploadDocumentAsync();
        var response = await author.Http.PostAsJsonAsync("/api/v1/posts", new { body = "Le compte rendu", spaceId = space.Id, documentIds = new[] { document } }, Actor.Json);
        var post = await Actor.ReadAsync<PostCard>(response, HttpStatusCode.Created);
        var listed = Assert.Single(post.Documents!);
        Assert.Equal((document, "compte-rendu.png"), (listed.Id, listed.FileName));
        Assert.Equal(document, Assert.Single((await member.GetPostAsync(post.Id)).Documents!).Id);

        // Attached once: neither again by its author nor by anyone else; refused, nothing is published.
        var again = await author.Http.PostAsJsonAsync("/api/v1/posts", new { body = "Encore", spaceId = space.Id, documentIds = new[] { document } }, Actor.Json);
        await again.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "post.document-unknown");
        var stolen = await member.Http.PostAsJsonAsync($"/api/v1/posts/{post.Id}/comments", new { body = "À moi", documentIds = new[] { await author.UploadDocumentAsync("comment") } }, Actor.Json);
        await stolen.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "post.document-unknown");
        Assert.Empty(await member.GetAsync<IReadOnlyList<CommentView>>($"/api/v1/posts/{post.Id}/comments"));

        var attached = await member.UploadDocumentAsync("comment", "annexe.png");
        var comment = await Actor.ReadAsync<CommentView>(
            await member.Http.PostAsJsonAsync($"/api/v1/posts/{post.Id}/comments", new { body = "L'annexe", documentIds = new[] { attached } }, Actor.Json), HttpStatusCode.Created);
        Assert.Equal("annexe.png", Assert.Single(comment.Documents!).FileName);
        Assert.Equal("annexe.png", Assert.Single(Assert.Single(await author.GetAsync<IReadOnlyList<CommentView>>($"/api/v1/posts/{post.Id}/comments")).Documents!).FileName);

        foreach (var file in new[] { document, attached })
        {
            Assert.Equal(HttpStatusCode.OK, (await member.Http.GetAsync($"/files/{file}")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await author.Http.GetAsync($"/files/{file}")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await outsider.Http.GetAsync($"/files/{file}")).StatusCode);
        }

        var page = WebUtility.HtmlDecode(await (await App.SignInWithBrowserCookiesAsync(member)).PageAsync($"/posts/{post.Id}"));
        Assert.Contains($"href=\"/files/{document}\"", page, StringComparison.Ordinal);
        Assert.Contains("annexe.png", page, StringComparison.Ordinal);

        // Leaving the space, the member reads neither any more; deleting the post takes its documents.
        await member.LeaveAsync(space);
        Assert.Equal(HttpStatusCode.NotFound, (await member.Http.GetAsync($"/files/{document}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await member.Http.GetAsync($"/files/{attached}")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await author.Http.DeleteAsync($"/api/v1/posts/{post.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await author.Http.GetAsync($"/files/{document}")).StatusCode);
    }

    [Fact]
    public async Task The_gallery_lists_only_images_of_posts_the_reader_may_read_newest_first_in_keyset_pages()
    {
        var author = await NewPersonAsync("Author");
        var reader = await NewPersonAsync("Reader");
        var cafe = await author.CreateSpaceAsync("Café du test");
        var closed = await author.CreateSpaceAsync("Bureau privé", SpaceVisibility.Private);
        var expected = new List<Guid>();
        for (var i = 0; i < 5; i++)
        {
            var images = new List<Guid>();
            for (var j = 0; j <= i % 2; j++)
            {
                images.Add((await author.UploadImageAsync(TestImages.Png((byte)i, (byte)j, 7))).Id);
            }

            await author.PostAsync($"Photo {i}", cafe, images);
            expected.InsertRange(0, images);
        }

        await author.PostAsync("Ailleurs", closed, [(await author.UploadImageAsync(TestImages.Png())).Id]);
        await author.PostAsync("Sans image", cafe);

        var seen = new List<GalleryPhotoId>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = await reader.PhotosAsync(cafe.Id, cursor, 3);
            Assert.InRange(page.Items.Count, 1, 3);
            seen.AddRange(page.Items.Select(p => new GalleryPhotoId(p.FileId, p.PostId)));
            cursor = page.NextCursor;
            pages++;
        }
        while (cursor is not null);

        // Newest post first, a post's images in their order, each once.
        var posts = seen.Select(s => s.PostId).Distinct().ToList();
        Assert.Equal(posts.OrderByDescending(id => id), posts);
        Assert.Equal(expected.Count, seen.Count);
        Assert.Equal(expected.ToHashSet(), seen.Select(s => s.FileId).ToHashSet());
        Assert.Equal(3, pages);

        await reader.TryPhotosAsync(closed.Id).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "space.members-only");
        var html = WebUtility.HtmlDecode(await (await App.SignInWithBrowserCookiesAsync(reader)).PageAsync($"/spaces/{cafe.Id}/photos"));
        Assert.Contains("data-lightbox", html, StringComparison.Ordinal);
        Assert.Contains($"/files/{seen[0].FileId}?size=thumb", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_folder_s_listing_costs_the_same_queries_with_many_files_and_the_export_holds_what_a_person_uploaded()
    {
        var owner = await NewPersonAsync("Owner");
        var space = await owner.CreateSpaceAsync("Mesures");
        var folder = await owner.CreateFolderAsync(space.Id, "Rapports");
        await owner.UploadAsync(space.Id, "a.png", folder);
        var browser = await App.SignInWithBrowserCookiesAsync(owner);

        async Task<(int Api, int Page)> MeasureAsync()
        {
            App.Commands.Reset();
            await owner.ListAsync(space.Id, folder);
            var api = App.Commands.Count;
            App.Commands.Reset();
            await browser.PageAsync($"/spaces/{space.Id}/files/folders/{folder}");
            return (api, App.Commands.Count);
        }

        var few = await MeasureAsync();
        for (var i = 0; i < 6; i++)
        {
            var id = await owner.UploadAsync(space.Id, $"rapport-{i}.png", folder);
            await owner.UploadVersionAsync(space.Id, id, $"rapport-{i}-v2.png");
            await owner.CreateFolderAsync(space.Id, $"Sous-dossier {i}", folder);
        }

        Assert.Equal(few, await MeasureAsync());

        var export = await owner.Http.GetAsync("/api/v1/me/export");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        using var zip = new System.IO.Compression.ZipArchive(await export.Content.ReadAsStreamAsync(), System.IO.Compression.ZipArchiveMode.Read);
        using var text = new StreamReader(zip.GetEntry("ruche-data.json")!.Open());
        using var data = System.Text.Json.JsonDocument.Parse(await text.ReadToEndAsync());
        var library = data.RootElement.GetProperty("library");
        Assert.Equal(13, library.GetProperty("uploaded").GetArrayLength());
        Assert.Equal(7, library.GetProperty("folders").GetArrayLength());
    }

    private async Task<List<Guid>> StoredFilesOfAsync(long personId)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<RucheDbContext>().Files.Where(f => f.OwnerId == personId).OrderBy(f => f.Id).Select(f => f.Id).ToListAsync();
    }

    private sealed record GalleryPhotoId(Guid FileId, long PostId);
}

public sealed class LibraryTestsOnSqlite(SqliteApp app) : LibraryTests(app), IClassFixture<SqliteApp>;

public sealed class LibraryTestsOnPostgres(PostgresApp app) : LibraryTests(app), IClassFixture<PostgresApp>;
