using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Ruche.Core.Common;
using Ruche.Core.Data;
using Ruche.Core.Feeds;
using Ruche.Core.Files;
using Ruche.Core.Spaces;
using Ruche.Tests.Infrastructure;
using Ruche.Tests.Library;
using Ruche.Tests.Wiki;

namespace Ruche.Tests.Files;

/// <summary>
/// The expiry of uploads nothing took must never take a file something did: one file of every kind of attachment
/// Ruche has (each registered <see cref="IFileAttachments"/>, and profile photos), all older than a day, survive it,
/// while an upload nothing took goes. A new kind of attachment must be added here (the registered list is checked).
/// </summary>
public abstract class AttachedFilesStayTests(RucheApp app) : ProviderTests(app)
{
    [Fact]
    public async Task Every_kind_of_attached_file_survives_the_expiry_of_unattached_uploads()
    {
        var admin = await NewPersonAsync("Admin", "Europe/Paris", RoleNames.Administrator);
        var delegateActor = await NewPersonAsync("Délégué");
        var space = await admin.CreateSpaceAsync("Équipe fichiers " + Guid.NewGuid().ToString("N")[..6], SpaceVisibility.Private, SpaceKind.Team);

        var image = (await admin.UploadImageAsync(TestImages.Png(), "image.png")).Id;
        var post = await Actor.ReadAsync<PostCard>(
            await admin.Http.PostAsJsonAsync("/api/v1/posts", new { body = "Avec image et document", spaceId = space.Id, imageIds = new[] { image }, documentIds = new[] { await admin.UploadDocumentAsync("post") } }, Actor.Json),
            HttpStatusCode.Created);
        await Actor.ExpectAsync(
            await admin.Http.PostAsJsonAsync($"/api/v1/posts/{post.Id}/comments", new { body = "L'annexe", documentIds = new[] { await admin.UploadDocumentAsync("comment") } }, Actor.Json),
            HttpStatusCode.Created);
        var page = await admin.CreatePageAsync(space.Id, "Compte rendu", "Texte.");
        await admin.AttachToPageAsync(page.Id, TestImages.Png(2, 3, 4));
        await admin.UploadAsync(space.Id, "budget.png");
        using (var form = new MultipartFormDataContent())
        {
            form.Add(new ByteArrayContent(TestImages.Png(5, 6, 7)), "file", "moi.png");
            await Actor.ExpectAsync(await admin.Http.PutAsync("/api/v1/people/me/photo", form), HttpStatusCode.OK);
        }

        var logo = (await admin.UploadImageAsync(TestImages.Png(8, 9, 10), "logo.png")).Id;
        await Actor.ExpectAsync(
            await admin.Http.PostAsJsonAsync("/api/v1/admin/unions", new { name = "Syndicat " + Guid.NewGuid().ToString("N")[..6], delegateIds = new[] { delegateActor.Id }, logoFileId = logo }, Actor.Json),
            HttpStatusCode.Created);
        var forgotten = await admin.UploadDocumentAsync("post", "oubli.png");

        await using var scope = App.Services.CreateAsyncScope();
        Assert.Equal(
            ["LibraryAttachments", "PostDocumentAttachments", "PostImageAttachments", "UnionLogoAttachments", "WikiFileAttachments"],
            scope.ServiceProvider.GetServices<IFileAttachments>().Select(a => a.GetType().Name).Order());
        var db = scope.ServiceProvider.GetRequiredService<RucheDbContext>();
        var mine = await db.Files.Where(f => f.OwnerId == admin.Id).Select(f => f.Id).ToListAsync();
        Assert.Equal(8, mine.Count);
        var twoDaysAgo = App.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime.AddDays(-2);
        await db.Files.Where(f => f.OwnerId == admin.Id).ExecuteUpdateAsync(s => s.SetProperty(f => f.CreatedAt, twoDaysAgo));

        await scope.ServiceProvider.GetRequiredService<UnattachedFiles>().DeleteExpiredAsync(1000, CancellationToken.None);

        var left = await db.Files.Where(f => f.OwnerId == admin.Id).Select(f => f.Id).ToListAsync();
        Assert.Equal(mine.Where(id => id != forgotten).Order(), left.Order());
    }
}

public sealed class AttachedFilesStayTestsOnSqlite(SqliteApp app) : AttachedFilesStayTests(app), IClassFixture<SqliteApp>;

public sealed class AttachedFilesStayTestsOnPostgres(PostgresApp app) : AttachedFilesStayTests(app), IClassFixture<PostgresApp>;
