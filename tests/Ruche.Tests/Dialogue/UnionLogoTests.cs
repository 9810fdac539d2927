using System.Net;
using System.Net.Http.Json;
using Ruche.Core.Common;
using Ruche.Core.Spaces;
using Ruche.Tests.Infrastructure;
using Ruche.Tests.Library;
using Ruche.Web.Posts;

namespace Ruche.Tests.Dialogue;

/// <summary>
/// A union's logo is shown to the whole company: only an image its administrator uploaded and nothing else uses may
/// become one, so naming a private space's file as a logo never makes it readable (found by review: it did).
/// </summary>
public abstract class UnionLogoTests(RucheApp app) : ProviderTests(app)
{
    [Fact]
    public async Task Only_an_unused_image_of_the_administrators_own_becomes_a_logo_and_a_private_file_stays_private()
    {
        var admin = await NewPersonAsync("Admin", "Europe/Paris", RoleNames.Administrator);
        var delegateActor = await NewPersonAsync("Délégué");
        var outsider = await NewPersonAsync("Curieux");
        var secret = await admin.CreateSpaceAsync("Comité de rachat " + Suffix(), SpaceVisibility.Secret, SpaceKind.Project);
        var libraryFile = await admin.UploadAsync(secret.Id, "plan-de-rachat.png");
        var privateFile = (await admin.LibraryFileAsync(secret.Id, libraryFile)).Versions[0].StoredFileId;
        var someoneElses = (await outsider.UploadImageAsync(TestImages.Png(), "logo.png")).Id;
        var notAnImage = await UploadTextAsync(admin, "statuts.txt");
        var before = await DatabaseDigest.TakeAsync(App);

        foreach (var logo in new[] { privateFile, someoneElses, notAnImage, Guid.NewGuid() })
        {
            await admin.Http.PostAsJsonAsync("/api/v1/admin/unions", new { name = "Syndicat " + Suffix(), delegateIds = new[] { delegateActor.Id }, logoFileId = logo }, Actor.Json)
                .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "dialogue.union-logo-invalid");
        }

        Assert.Empty(DatabaseDigest.Changed(before, await DatabaseDigest.TakeAsync(App)));
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.Http.GetAsync($"/files/{privateFile}")).StatusCode);

        var logoFile = (await admin.UploadImageAsync(TestImages.Png(), "logo.png")).Id;
        await Actor.ExpectAsync(
            await admin.Http.PostAsJsonAsync("/api/v1/admin/unions", new { name = "Syndicat " + Suffix(), delegateIds = new[] { delegateActor.Id }, logoFileId = logoFile }, Actor.Json),
            HttpStatusCode.Created);
        Assert.Equal(HttpStatusCode.OK, (await outsider.Http.GetAsync($"/files/{logoFile}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.Http.GetAsync($"/files/{privateFile}")).StatusCode);
    }

    private static async Task<Guid> UploadTextAsync(Actor actor, string fileName)
    {
        using var form = new MultipartFormDataContent();
        form.Add(new ByteArrayContent("Statuts du syndicat\n"u8.ToArray()), "file", fileName);
        form.Add(new StringContent("post"), "for");
        return (await Actor.ReadAsync<UploadedFile>(await actor.Http.PostAsync("/api/v1/documents", form), HttpStatusCode.Created)).Id;
    }

    private static string Suffix() => Guid.NewGuid().ToString("N")[..6];
}

public sealed class UnionLogoTestsOnSqlite(SqliteApp app) : UnionLogoTests(app), IClassFixture<SqliteApp>;

public sealed class UnionLogoTestsOnPostgres(PostgresApp app) : UnionLogoTests(app), IClassFixture<PostgresApp>;
