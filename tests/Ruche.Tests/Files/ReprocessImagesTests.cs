using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Ruche.Core.Data;
using Ruche.Core.Files;
using Ruche.Tests.Infrastructure;

namespace Ruche.Tests.Files;

/// <summary>
/// <c>reprocess-images</c>: an image stored before the pipeline (ADR 26), bytes as the phone sent them, comes back
/// after one pass without its GPS position at every size; a second pass touches nothing; a damaged one is reported.
/// </summary>
public abstract class ReprocessImagesTests(RucheApp app) : ProviderTests(app)
{
    [Fact]
    public async Task An_image_stored_before_the_pipeline_loses_its_location_once_and_only_once()
    {
        var author = await NewPersonAsync("Author");
        var photo = PhotoWithExif.Jpeg(900, 600);
        Assert.Equal(["EXIF", "XMP"], ImageMetadata.Blocks(photo));
        var legacy = await StoreAsIfUploadedLongAgoAsync(author.Id, photo);
        await StoreAsIfUploadedLongAgoAsync(author.Id, [0xFF, 0xD8, 0xFF, 0xE0, 1, 2, 3]); // damaged: reported, left alone

        var before = await author.Http.GetAsync($"/files/{legacy}");
        Assert.Equal(photo, await before.Content.ReadAsByteArrayAsync()); // what the old version served

        var first = await RunAsync();
        Assert.Equal((1, 0, 1), (first.Reprocessed, first.Missing, first.Unreadable));

        foreach (var size in new[] { "feed", "thumb" })
        {
            var served = await author.Http.GetAsync($"/files/{legacy}?size={size}");
            await Actor.ExpectAsync(served, HttpStatusCode.OK);
            var bytes = await served.Content.ReadAsByteArrayAsync();
            Assert.Empty(ImageMetadata.Blocks(bytes));
            Assert.NotEqual(photo.Length, bytes.Length);
        }

        await using (var scope = App.Services.CreateAsyncScope())
        {
            var row = await scope.ServiceProvider.GetRequiredService<RucheDbContext>().Files.FindAsync(legacy);
            Assert.Equal((900, 600), (row!.Width, row.Height));
            Assert.True(row.Renditions.HasFlag(FileRenditions.Thumb));
        }

        var second = await RunAsync();
        Assert.Equal((0, 0, 1), (second.Reprocessed, second.Missing, second.Unreadable));
    }

    private async Task<ReprocessReport> RunAsync()
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ImageReprocessing>().RunAsync(CancellationToken.None);
    }

    /// <summary>A row and bytes as the version before ADR 26 wrote them: no size, no renditions, the bytes unchanged.</summary>
    private async Task<Guid> StoreAsIfUploadedLongAgoAsync(long ownerId, byte[] bytes)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RucheDbContext>();
        var file = new StoredFile
        {
            Id = Guid.NewGuid(),
            OwnerId = ownerId,
            ContentType = "image/jpeg",
            Kind = FileKind.Image,
            Length = bytes.Length,
            FileName = "photo.jpg",
            CreatedAt = new DateTime(2025, 6, 1, 8, 0, 0, DateTimeKind.Utc),
            Purpose = FilePurpose.PostImage,
        };
        await scope.ServiceProvider.GetRequiredService<IFileStore>().WriteAsync(file.Id, null, new MemoryStream(bytes), CancellationToken.None);
        db.Files.Add(file);
        await db.SaveChangesAsync();
        return file.Id;
    }
}

public sealed class ReprocessImagesTestsOnSqlite(SqliteApp app) : ReprocessImagesTests(app), IClassFixture<SqliteApp>;

public sealed class ReprocessImagesTestsOnPostgres(PostgresApp app) : ReprocessImagesTests(app), IClassFixture<PostgresApp>;
