using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Ruche.Core.Common;
using Ruche.Core.Files;
using Ruche.Tests.Infrastructure;
using SkiaSharp;

namespace Ruche.Tests.Files;

/// <summary>
/// Files at the file level (ADR 26), the same tests on each provider and each store: photos come back without their
/// location at every size and the right way up; a page renamed .jpg is no image and only ever downloaded; ranges,
/// validators and private caching; secret spaces' files stay theirs; limits and quota leave nothing behind.
/// </summary>
public abstract partial class FileTests(IFilesApp files) : ProviderTests(files.App)
{
    [Fact]
    public async Task A_phone_photo_comes_back_without_its_location_at_every_size_and_format()
    {
        var author = await NewPersonAsync("Author");
        var reader = await NewPersonAsync("Reader");
        var photo = PhotoWithExif.Jpeg(2000, 1500);
        Assert.Equal(["EXIF", "XMP"], ImageMetadata.Blocks(photo)); // the test photo does carry a position

        var uploaded = await author.UploadImageAsync(photo, "IMG_0042.jpg");
        await author.PostAsync("Bon week-end !", images: [uploaded.Id]);

        foreach (var (size, width) in new[] { ("thumb", 320), ("feed", 1280), ("original", 2000) })
        {
            foreach (var webp in new[] { false, true })
            {
                var response = await GetAsync(reader, $"/files/{uploaded.Id}?size={size}", webp ? "image/webp,image/*;q=0.8" : "image/jpeg,image/*;q=0.8");
                await Actor.ExpectAsync(response, HttpStatusCode.OK);
                Assert.Equal(webp && size != "original" ? "image/webp" : "image/jpeg", response.Content.Headers.ContentType?.MediaType);
                var bytes = await response.Content.ReadAsByteArrayAsync();
                Assert.Empty(ImageMetadata.Blocks(bytes));
                Assert.DoesNotContain("GPS", Encoding.Latin1.GetString(bytes), StringComparison.Ordinal);
                using var decoded = SKBitmap.Decode(bytes);
                Assert.Equal((width, width * 3 / 4), (decoded.Width, decoded.Height));
            }
        }
    }

    [Fact]
    public async Task A_photo_taken_sideways_is_turned_the_right_way_up()
    {
        var author = await NewPersonAsync("Author");
        // Stored 64×32, left half red; EXIF 6 says "turn a quarter clockwise": seen 32×64, red on top.
        var uploaded = await author.UploadImageAsync(PhotoWithExif.Jpeg(64, 32, orientation: 6), "portrait.jpg");

        foreach (var size in new[] { "thumb", "feed", "original" })
        {
            var bytes = await (await GetAsync(author, $"/files/{uploaded.Id}?size={size}", "image/jpeg")).Content.ReadAsByteArrayAsync();
            using var seen = SKBitmap.Decode(bytes);
            Assert.Equal((32, 64), (seen.Width, seen.Height));
            var top = seen.GetPixel(16, 8);
            var bottom = seen.GetPixel(16, 56);
            Assert.True(top.Red > 200 && top.Blue < 60, $"top is {top}");
            Assert.True(bottom.Blue > 200 && bottom.Red < 60, $"bottom is {bottom}");
        }
    }

    [Fact]
    public async Task A_page_renamed_jpg_is_refused_as_an_image_and_only_ever_downloaded_as_a_document()
    {
        var author = await NewPersonAsync("Author");
        var page = Encoding.UTF8.GetBytes("<!DOCTYPE html><html><body><script>fetch('/api/v1/me')</script></body></html>");

        await author.SendFileAsync(page, "photo.jpg", "image/jpeg").ShouldBeProblemAsync(HttpStatusCode.BadRequest, "image.not-an-image");
        var document = await UploadAsync(author, page, "photo.jpg");
        Assert.Equal((FileKind.Document, "text/html"), (document.Kind, document.ContentType));

        var response = await author.Http.GetAsync($"/files/{document.Id}");
        await Actor.ExpectAsync(response, HttpStatusCode.OK);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("photo.jpg", response.Content.Headers.ContentDisposition?.FileNameStar);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Contains(response.Headers.GetValues("Content-Security-Policy"), policy => policy.StartsWith("sandbox", StringComparison.Ordinal));
        Assert.Equal(page, await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task A_document_name_outside_ascii_is_sent_with_its_rfc_6266_encoding()
    {
        var author = await NewPersonAsync("Author");
        var document = await UploadAsync(author, Encoding.UTF8.GetBytes("Ordre du jour\n- budget\n"), "Réunion d'équipe.md");
        Assert.Equal("text/markdown", document.ContentType);

        var response = await author.Http.GetAsync($"/files/{document.Id}");
        Assert.Contains("filename*=UTF-8''R%C3%A9union", response.Content.Headers.GetValues("Content-Disposition").Single(), StringComparison.Ordinal);
        Assert.Equal("Réunion d'équipe.md", response.Content.Headers.ContentDisposition?.FileNameStar);
    }

    [Fact]
    public async Task Downloads_answer_ranges_and_validators_and_are_never_publicly_cached()
    {
        var author = await NewPersonAsync("Author");
        var text = Encoding.ASCII.GetBytes(string.Concat(Enumerable.Range(0, 200).Select(i => $"{i:D4}\n")));
        var document = await UploadAsync(author, text, "lignes.txt");

        using var ranged = new HttpRequestMessage(HttpMethod.Get, $"/files/{document.Id}");
        ranged.Headers.Range = new RangeHeaderValue(100, 199);
        var partial = await author.Http.SendAsync(ranged);
        Assert.Equal(HttpStatusCode.PartialContent, partial.StatusCode);
        Assert.Equal($"bytes 100-199/{text.Length}", partial.Content.Headers.ContentRange?.ToString());
        Assert.Equal(text[100..200], await partial.Content.ReadAsByteArrayAsync());

        var whole = await author.Http.GetAsync($"/files/{document.Id}");
        Assert.Equal("bytes", whole.Headers.AcceptRanges.Single());
        var cache = whole.Headers.CacheControl!;
        Assert.True(cache.Private);
        Assert.False(cache.Public);
        var tag = whole.Headers.ETag!;
        Assert.NotNull(whole.Content.Headers.LastModified);

        using var again = new HttpRequestMessage(HttpMethod.Get, $"/files/{document.Id}");
        again.Headers.IfNoneMatch.Add(tag);
        Assert.Equal(HttpStatusCode.NotModified, (await author.Http.SendAsync(again)).StatusCode);

        using var beyond = new HttpRequestMessage(HttpMethod.Get, $"/files/{document.Id}");
        beyond.Headers.Range = new RangeHeaderValue(text.Length + 10, text.Length + 20);
        Assert.Equal(HttpStatusCode.RequestedRangeNotSatisfiable, (await author.Http.SendAsync(beyond)).StatusCode);
    }

    [Fact]
    public async Task An_image_is_shown_inline_privately_and_never_sniffed()
    {
        var author = await NewPersonAsync("Author");
        var uploaded = await author.UploadImageAsync(PhotoWithExif.Jpeg(), "photo.jpg");

        var response = await GetAsync(author, $"/files/{uploaded.Id}?size=thumb", "image/webp,*/*");
        await Actor.ExpectAsync(response, HttpStatusCode.OK);
        Assert.Null(response.Content.Headers.ContentDisposition);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.True(response.Headers.CacheControl!.Private);
        Assert.Contains("Accept", response.Headers.Vary);
        await author.Http.GetAsync($"/files/{uploaded.Id}?size=huge").ShouldBeProblemAsync(HttpStatusCode.BadRequest, "file.size-unknown");
    }

    [Fact]
    public async Task A_file_of_a_secret_space_is_not_downloadable_by_a_non_member_with_its_url()
    {
        var owner = await NewPersonAsync("Owner");
        var member = await NewPersonAsync("Member");
        var outsider = await NewPersonAsync("Outsider");
        var secret = await owner.CreateSpaceAsync("Comité de direction", SpaceVisibility.Secret);
        await owner.AddToSpaceAsync(secret, member);
        var uploaded = await owner.UploadImageAsync(PhotoWithExif.Jpeg(), "organigramme.jpg");
        await owner.PostAsync("Organigramme cible", secret, [uploaded.Id]);

        foreach (var size in new[] { "", "?size=thumb", "?size=feed", "?size=original" })
        {
            Assert.Equal(HttpStatusCode.OK, (await member.Http.GetAsync($"/files/{uploaded.Id}{size}")).StatusCode);
            var refused = await outsider.Http.GetAsync($"/files/{uploaded.Id}{size}");
            Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
            Assert.NotEqual("image/jpeg", refused.Content.Headers.ContentType?.MediaType);
        }

        Assert.Equal(4, uploaded.Id.ToByteArray()[7] >> 4); // random (version 4), not time-ordered
    }

    [Fact]
    public async Task Over_the_quota_an_upload_is_refused_and_nothing_is_stored()
    {
        var author = await NewPersonAsync("Author");
        await UploadAsync(author, Encoding.UTF8.GetBytes("déjà là\n"), "avant.txt");
        long used;
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Ruche.Core.Data.RucheDbContext>();
            used = db.Files.Sum(f => f.Length + f.RenditionBytes);
        }

        using var node = App.WithWebHostBuilder(b => b.UseSetting("Ruche:Files:QuotaBytes", (used + 1000).ToString(System.Globalization.CultureInfo.InvariantCulture)));
        using var client = node.CreateClient();
        client.DefaultRequestHeaders.Authorization = author.Http.DefaultRequestHeaders.Authorization;
        var objects = await files.StoredObjectsAsync();
        var rows = await RowsAsync();

        var tooMuch = new MultipartFormDataContent { { new ByteArrayContent(PhotoWithExif.Jpeg(400, 300, quality: 100)), "file", "gros.jpg" } };
        await client.PostAsync("/api/v1/files", tooMuch).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "file.quota-exceeded");
        await using (var scope = node.Services.CreateAsyncScope())
        {
            var service = scope.ServiceProvider.GetRequiredService<FileService>();
            var error = await Assert.ThrowsAsync<RucheException>(() => service.UploadAsync(
                new Viewer(author.Id, new HashSet<string>()), new MemoryStream(new byte[2000].Select(_ => (byte)'a').ToArray()), "a.txt", FilePurpose.Document, null, CancellationToken.None));
            Assert.Equal("file.quota-exceeded", error.Code);
        }

        Assert.Equal(objects, await files.StoredObjectsAsync());
        Assert.Equal(rows, await RowsAsync());
    }

    [Fact]
    public async Task An_oversized_upload_is_refused_and_leaves_no_partial_file()
    {
        var author = await NewPersonAsync("Author");
        var objects = await files.StoredObjectsAsync();
        var rows = await RowsAsync();

        var image = new byte[Limits.ImageMaxBytes + 1];
        PhotoWithExif.Jpeg().CopyTo(image, 0);
        await author.SendFileAsync(image, "enorme.jpg", "image/jpeg").ShouldBeProblemAsync(HttpStatusCode.BadRequest, "image.too-large");

        var error = await Assert.ThrowsAsync<RucheException>(() => UploadAsync(author, new EndlessTextStream(Limits.DocumentMaxBytes + 1), "journal.txt"));
        Assert.Equal("file.too-large", error.Code);

        Assert.Equal(objects, await files.StoredObjectsAsync());
        Assert.Equal(rows, await RowsAsync());
    }

    [Fact]
    public async Task A_failed_database_write_removes_what_was_stored()
    {
        var author = await NewPersonAsync("Author");
        var objects = await files.StoredObjectsAsync();

        files.Failures.On = true;
        try
        {
            await Assert.ThrowsAsync<InvalidOperationException>(() => UploadAsync(author, PhotoWithExif.Jpeg(), "photo.jpg", FilePurpose.PostImage));
            await Assert.ThrowsAsync<InvalidOperationException>(() => UploadAsync(author, Encoding.UTF8.GetBytes("notes\n"), "notes.txt"));
        }
        finally
        {
            files.Failures.On = false;
        }

        Assert.Equal(objects, await files.StoredObjectsAsync());
    }

    [Fact]
    public async Task A_decompression_bomb_is_refused_from_its_header()
    {
        var author = await NewPersonAsync("Author");

        await author.SendFileAsync(TestImagesLarge.PngClaiming(20_000, 20_000), "bombe.png")
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "image.too-many-pixels");
    }

    [Fact]
    public async Task Executables_and_unknown_binaries_are_refused_whatever_their_name()
    {
        var author = await NewPersonAsync("Author");

        byte[] program = [.. "MZ"u8, .. new byte[200]];
        Assert.Equal("file.type-refused", (await Assert.ThrowsAsync<RucheException>(() => UploadAsync(author, program, "rapport.pdf"))).Code);
        Assert.Equal("file.type-refused", (await Assert.ThrowsAsync<RucheException>(() => UploadAsync(author, "echo hi\n"u8.ToArray(), "lisez-moi.bat"))).Code);
        Assert.Equal("file.type-unknown", (await Assert.ThrowsAsync<RucheException>(() => UploadAsync(author, [0, 1, 2, 3, 250, 251, 0, 0, 9], "data.txt"))).Code);

        // A name hiding its real end behind invisible characters is read as it will be kept: "facture\u202Efdp.exe"
        // shows as "factureexe.pdf" and "x.ex\u200Be" would be stored as "x.exe".
        var pdf = "%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n"u8.ToArray();
        Assert.Equal("file.type-refused", (await Assert.ThrowsAsync<RucheException>(() => UploadAsync(author, pdf, "facture\u202Efdp.exe"))).Code);
        Assert.Equal("file.type-refused", (await Assert.ThrowsAsync<RucheException>(() => UploadAsync(author, pdf, "x.ex\u200Be"))).Code);
        var kept = await UploadAsync(author, pdf, "\u2067devis\u202E\u200B.pdf");
        Assert.Equal(("devis.pdf", "application/pdf"), (kept.FileName, kept.ContentType));
    }

    private async Task<StoredFile> UploadAsync(Actor who, byte[] content, string name, FilePurpose purpose = FilePurpose.Document) =>
        await UploadAsync(who, new MemoryStream(content), name, purpose);

    private async Task<StoredFile> UploadAsync(Actor who, Stream content, string name, FilePurpose purpose = FilePurpose.Document)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var service = scope.ServiceProvider.GetRequiredService<FileService>();
        return await service.UploadAsync(new Viewer(who.Id, new HashSet<string>()), content, name, purpose, null, CancellationToken.None);
    }

    private static async Task<HttpResponseMessage> GetAsync(Actor who, string path, string accept)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.TryAddWithoutValidation("Accept", accept);
        return await who.Http.SendAsync(request);
    }

    private async Task<int> RowsAsync()
    {
        await using var scope = App.Services.CreateAsyncScope();
        return scope.ServiceProvider.GetRequiredService<Ruche.Core.Data.RucheDbContext>().Files.Count();
    }
}

public sealed class FileTestsOnSqlite(FilesSqliteApp app) : FileTests(app), IClassFixture<FilesSqliteApp>;

public sealed class FileTestsOnPostgres(FilesPostgresApp app) : FileTests(app), IClassFixture<FilesPostgresApp>;

public sealed class FileTestsOnSqliteWithS3(FilesSqliteS3App app) : FileTests(app), IClassFixture<FilesSqliteS3App>;

public sealed class FileTestsOnPostgresWithS3(FilesPostgresS3App app) : FileTests(app), IClassFixture<FilesPostgresS3App>;
