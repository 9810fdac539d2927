using System.Net;
using System.Net.Http.Json;
using System.Text;
using Ruche.Core.Common;
using Ruche.Tests.Infrastructure;

namespace Ruche.Tests.Posts;

public abstract class ImageTests(RucheApp app) : ProviderTests(app)
{
    [Fact]
    public async Task An_uploaded_png_is_attached_to_a_post_and_served_to_its_readers()
    {
        var author = await NewPersonAsync("Author");
        var reader = await NewPersonAsync("Reader");
        var png = TestImages.Png();

        var uploaded = await author.UploadImageAsync(png, "photo.png");
        Assert.Equal("image/png", uploaded.ContentType);

        var post = await author.PostAsync("Le nouveau bureau", images: [uploaded.Id]);
        Assert.Equal([uploaded.Id], post.ImageIds);
        Assert.Equal([uploaded.Id], (await reader.GetPostAsync(post.Id)).ImageIds);

        foreach (var person in new[] { author, reader })
        {
            var download = await person.Http.GetAsync($"/files/{uploaded.Id}");
            await Actor.ExpectAsync(download, HttpStatusCode.OK);
            Assert.Equal("image/png", download.Content.Headers.ContentType?.MediaType);
            var served = await download.Content.ReadAsByteArrayAsync();
            Assert.Equal(uploaded.Length, served.Length);
            Assert.Equal(png[..8], served[..8]); // decoded and re-encoded as PNG (ADR 26)
            Assert.Equal("nosniff", download.Headers.GetValues("X-Content-Type-Options").Single());
        }
    }

    [Fact]
    public async Task An_image_not_yet_attached_is_its_uploader_s_alone()
    {
        var author = await NewPersonAsync("Author");
        var other = await NewPersonAsync("Other");
        var uploaded = await author.UploadImageAsync(TestImages.Png());

        Assert.Equal(HttpStatusCode.OK, (await author.Http.GetAsync($"/files/{uploaded.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.Http.GetAsync($"/files/{uploaded.Id}")).StatusCode);
    }

    [Fact]
    public async Task An_image_in_a_secret_space_is_not_found_for_non_members()
    {
        var owner = await NewPersonAsync("Owner");
        var member = await NewPersonAsync("Member");
        var outsider = await NewPersonAsync("Outsider");
        var secret = await owner.CreateSpaceAsync("Comité", SpaceVisibility.Secret);
        await owner.AddToSpaceAsync(secret, member);
        var uploaded = await owner.UploadImageAsync(TestImages.Png(1, 2, 3));
        await owner.PostAsync("Organigramme cible", secret, [uploaded.Id]);

        Assert.Equal(HttpStatusCode.OK, (await member.Http.GetAsync($"/files/{uploaded.Id}")).StatusCode);
        var refused = await outsider.Http.GetAsync($"/files/{uploaded.Id}");
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        Assert.NotEqual("image/png", refused.Content.Headers.ContentType?.MediaType);
        Assert.NotEqual(TestImages.Png(1, 2, 3), await refused.Content.ReadAsByteArrayAsync());

        // Removed from the space, the member loses the image at once.
        await Actor.ExpectAsync(await owner.Http.DeleteAsync($"/api/v1/spaces/{secret.Id}/members/{member.Id}"), HttpStatusCode.NoContent);
        Assert.Equal(HttpStatusCode.NotFound, (await member.Http.GetAsync($"/files/{uploaded.Id}")).StatusCode);
    }

    [Fact]
    public async Task Files_are_never_served_anonymously_or_unknown()
    {
        var author = await NewPersonAsync("Author");
        var uploaded = await author.UploadImageAsync(TestImages.Png());
        await author.PostAsync("Public", images: [uploaded.Id]);

        var anonymous = await App.Anonymous().GetAsync($"/files/{uploaded.Id}");
        Assert.NotEqual(HttpStatusCode.OK, anonymous.StatusCode);
        Assert.NotEqual("image/png", anonymous.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, (await author.Http.GetAsync($"/files/{Guid.NewGuid()}")).StatusCode);
    }

    [Theory]
    [InlineData("notes.png", "image/png")]
    [InlineData("script.jpg", "image/jpeg")]
    [InlineData("page.gif", "text/html")]
    public async Task A_file_that_is_not_an_image_is_refused_whatever_its_name(string fileName, string declaredType)
    {
        var author = await NewPersonAsync("Author");
        var text = Encoding.UTF8.GetBytes("<html><script>alert(document.cookie)</script></html>");

        await author.SendFileAsync(text, fileName, declaredType).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "image.not-an-image");
    }

    [Fact]
    public async Task An_empty_file_is_refused()
    {
        var author = await NewPersonAsync("Author");

        await author.SendFileAsync([], "vide.png").ShouldBeProblemAsync(HttpStatusCode.BadRequest, "image.empty");
    }

    [Fact]
    public async Task An_image_over_the_size_limit_is_refused()
    {
        var author = await NewPersonAsync("Author");
        var png = TestImages.Png();
        var tooLarge = new byte[Limits.ImageMaxBytes + 1];
        png.CopyTo(tooLarge, 0);
        var largest = new byte[Limits.ImageMaxBytes];
        png.CopyTo(largest, 0);

        await author.SendFileAsync(tooLarge, "enorme.png").ShouldBeProblemAsync(HttpStatusCode.BadRequest, "image.too-large");
        var accepted = await author.UploadImageAsync(largest, "juste.png");
        Assert.Equal("image/png", accepted.ContentType);
    }

    [Fact]
    public async Task Someone_else_s_image_cannot_be_attached()
    {
        var owner = await NewPersonAsync("Owner");
        var thief = await NewPersonAsync("Thief");
        var uploaded = await owner.UploadImageAsync(TestImages.Png());

        await thief.Http.PostAsJsonAsync("/api/v1/posts", new { body = "Regardez ça", imageIds = new[] { uploaded.Id } }, Actor.Json)
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "post.image-unknown");
        await thief.Http.PostAsJsonAsync("/api/v1/posts", new { body = "Et ça", imageIds = new[] { Guid.NewGuid() } }, Actor.Json)
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "post.image-unknown");

        Assert.Empty((await thief.ProfileFeedAsync(thief)).Items);
        Assert.Equal(HttpStatusCode.NotFound, (await thief.Http.GetAsync($"/files/{uploaded.Id}")).StatusCode);
    }

    [Fact]
    public async Task An_image_belongs_to_one_post_only()
    {
        var author = await NewPersonAsync("Author");
        var uploaded = await author.UploadImageAsync(TestImages.Png());
        await author.PostAsync("Premier", images: [uploaded.Id]);

        await author.Http.PostAsJsonAsync("/api/v1/posts", new { body = "Second", imageIds = new[] { uploaded.Id } }, Actor.Json)
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "post.image-unknown");
        Assert.Single((await author.ProfileFeedAsync(author)).Items);
    }

    [Fact]
    public async Task A_post_holds_at_most_ten_images()
    {
        var author = await NewPersonAsync("Author");
        var images = new List<Guid>();
        for (var i = 0; i <= Limits.ImagesPerPost; i++)
        {
            images.Add((await author.UploadImageAsync(TestImages.Png((byte)i, 0, 0), $"photo{i}.png")).Id);
        }

        await author.Http.PostAsJsonAsync("/api/v1/posts", new { body = "Album", imageIds = images }, Actor.Json)
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "post.too-many-images");
        Assert.Empty((await author.ProfileFeedAsync(author)).Items);

        var album = await author.PostAsync("Album", images: images[..Limits.ImagesPerPost]);
        Assert.Equal(images[..Limits.ImagesPerPost], album.ImageIds);
    }

    [Fact]
    public async Task Deleting_a_post_deletes_its_images()
    {
        var author = await NewPersonAsync("Author");
        var uploaded = await author.UploadImageAsync(TestImages.Png());
        var post = await author.PostAsync("Éphémère", images: [uploaded.Id]);

        await Actor.ExpectAsync(await author.Http.DeleteAsync($"/api/v1/posts/{post.Id}"), HttpStatusCode.NoContent);

        Assert.Equal(HttpStatusCode.NotFound, (await author.Http.GetAsync($"/files/{uploaded.Id}")).StatusCode);
        await author.Http.PostAsJsonAsync("/api/v1/posts", new { body = "Réutilisée ?", imageIds = new[] { uploaded.Id } }, Actor.Json)
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "post.image-unknown");
    }
}

public sealed class ImageTestsOnSqlite(SqliteApp app) : ImageTests(app), IClassFixture<SqliteApp>;

public sealed class ImageTestsOnPostgres(PostgresApp app) : ImageTests(app), IClassFixture<PostgresApp>;
