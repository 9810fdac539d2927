using System.Net;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Ruche.Core.Common;
using Ruche.Core.Files;
using Ruche.Tests.Infrastructure;
using Ruche.Web.Files;
using Ruche.Web.Hosting;

namespace Ruche.Tests.Files;

/// <summary>
/// The <c>move-files</c> command (ADR 26): every file and rendition copied from the local folder to the S3 bucket,
/// lengths checked, counts reported, nothing copied twice on a second run, a damaged copy replaced; then a node on S3
/// serves what the local node stored.
/// </summary>
public abstract class MoveFilesTests(IFilesApp files) : ProviderTests(files.App)
{
    [Fact]
    public async Task Moving_files_to_s3_copies_everything_once_and_a_node_on_s3_serves_them()
    {
        var (endpoint, bucket) = files switch
        {
            FilesSqliteApp a => (a.S3Endpoint, a.Bucket),
            FilesPostgresApp a => (a.S3Endpoint, a.Bucket),
            _ => throw new InvalidOperationException("A local-store fixture is expected."),
        };
        if (endpoint is null)
        {
            Assert.Skip("S3 file tests skipped: s3rver is not installed (run `npm ci` in tools/s3rver; Node.js needed).");
        }

        var author = await NewPersonAsync("Author");
        var photo = await author.UploadImageAsync(PhotoWithExif.Jpeg(800, 600), "photo.jpg");
        await author.PostAsync("Photo", images: [photo.Id]);
        byte[] text = Encoding.UTF8.GetBytes("compte rendu\n");
        StoredFile document;
        await using (var scope = App.Services.CreateAsyncScope())
        {
            document = await scope.ServiceProvider.GetRequiredService<FileService>().UploadAsync(
                new Viewer(author.Id, new HashSet<string>()), new MemoryStream(text), "cr.txt", FilePurpose.Document, null, CancellationToken.None);
        }

        var filesDir = App.Services.GetRequiredService<IOptions<RucheOptions>>().Value.FilesDirFullPath;
        Assert.Equal(2, await FileStorage.MoveAsync(App.Services, ["move-files", "--to", "nowhere"], filesDir));
        Assert.Equal(0, await FileStorage.MoveAsync(App.Services, ["move-files", "--to", "s3"], filesDir));

        var local = new LocalFileStore(filesDir);
        using var s3 = new S3FileStore(TestS3.Settings(endpoint, bucket));
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var mover = scope.ServiceProvider.GetRequiredService<FileMover>();
            var again = await mover.CopyAsync(local, s3, CancellationToken.None);
            Assert.Equal((0, 0, 0), (again.Copied, again.Missing, again.Failed));
            Assert.True(again.AlreadyThere >= 6, again.ToString()); // the photo's main content and 4 renditions, the document

            await s3.WriteAsync(photo.Id, FileRendition.Thumb, new MemoryStream([1, 2, 3]), CancellationToken.None);
            var repaired = await mover.CopyAsync(local, s3, CancellationToken.None);
            Assert.Equal(1, repaired.Copied);
        }

        foreach (var rendition in FileRendition.Of(FileRenditions.FeedWebp | FileRenditions.Thumb | FileRenditions.ThumbWebp | FileRenditions.Original))
        {
            Assert.Equal(await BytesAsync(local, photo.Id, rendition), await BytesAsync(s3, photo.Id, rendition));
        }

        using var node = App.WithWebHostBuilder(b => b.UseSetting("Ruche:Files:Store", "S3"));
        using var client = node.CreateClient();
        client.DefaultRequestHeaders.Authorization = author.Http.DefaultRequestHeaders.Authorization;
        var served = await client.GetAsync($"/files/{document.Id}");
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.Equal(text, await served.Content.ReadAsByteArrayAsync());
        var thumb = await client.GetAsync($"/files/{photo.Id}?size=thumb");
        Assert.Equal(await BytesAsync(local, photo.Id, FileRendition.Thumb), await thumb.Content.ReadAsByteArrayAsync());
    }

    private static async Task<byte[]> BytesAsync(IFileStore store, Guid id, string? rendition)
    {
        await using var content = await store.OpenReadAsync(id, rendition, CancellationToken.None) ?? throw new FileNotFoundException(rendition);
        using var copy = new MemoryStream();
        await content.CopyToAsync(copy);
        return copy.ToArray();
    }
}

public sealed class MoveFilesTestsOnSqlite(FilesSqliteApp app) : MoveFilesTests(app), IClassFixture<FilesSqliteApp>;

public sealed class MoveFilesTestsOnPostgres(FilesPostgresApp app) : MoveFilesTests(app), IClassFixture<FilesPostgresApp>;
