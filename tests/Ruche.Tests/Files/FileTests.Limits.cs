using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Ruche.Core.Common;
using Ruche.Core.Data;
using Ruche.Core.Files;
using Ruche.Core.Feeds;
using Ruche.Core.Privacy;
using Ruche.Tests.Infrastructure;

namespace Ruche.Tests.Files;

/// <summary>
/// What uploads may take: a file nothing took within a day goes (row and bytes, renditions included, in either store),
/// uploads at the same instant never pass the company's quota together, and one person's uploads are capped.
/// </summary>
public abstract partial class FileTests
{
    [Fact]
    public async Task Uploads_nothing_took_within_a_day_go_with_their_bytes_and_renditions_at_the_next_retention_run()
    {
        var author = await NewPersonAsync("Author");
        var start = App.Services.GetRequiredService<TimeProvider>().GetUtcNow();
        var attached = await UploadAsync(author, Encoding.UTF8.GetBytes("joint à un billet\n"), "joint.txt", FilePurpose.PostDocument);
        await Actor.ReadAsync<PostCard>(
            await author.Http.PostAsJsonAsync("/api/v1/posts", new { body = "Avec son document", documentIds = new[] { attached.Id } }, Actor.Json), HttpStatusCode.Created);
        var photo = await UploadAsync(author, PhotoWithExif.Jpeg(), "photo.jpg", FilePurpose.PostImage);
        var forgotten = await UploadAsync(author, Encoding.UTF8.GetBytes("oublié\n"), "oubli.txt");
        Assert.NotEqual(FileRenditions.None, photo.Renditions);

        // 23 hours on, nothing has expired yet.
        await RunRetentionAsync(start.AddHours(23));
        Assert.Equal(3, await ExistingAsync(attached.Id, photo.Id, forgotten.Id));

        // 25 hours on: the two uploads nothing took go, bytes and every rendition; the attached one stays, and so does
        // an upload of 5 hours before.
        var young = await UploadAsync(author, Encoding.UTF8.GetBytes("tout juste déposé\n"), "jeune.txt");
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var at = start.AddHours(20).UtcDateTime;
            await scope.ServiceProvider.GetRequiredService<RucheDbContext>().Files.Where(f => f.Id == young.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(f => f.CreatedAt, at));
        }

        await RunRetentionAsync(start.AddHours(25));
        Assert.Equal(0, await ExistingAsync(photo.Id, forgotten.Id));
        Assert.Equal(2, await ExistingAsync(attached.Id, young.Id));
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var store = scope.ServiceProvider.GetRequiredService<IFileStore>();
            foreach (var rendition in FileRendition.Of(photo.Renditions))
            {
                Assert.Null(await store.OpenReadAsync(photo.Id, rendition, CancellationToken.None));
            }

            Assert.Null(await store.OpenReadAsync(forgotten.Id, null, CancellationToken.None));
            await using var kept = await store.OpenReadAsync(attached.Id, null, CancellationToken.None);
            Assert.NotNull(kept);
            await using var youngKept = await store.OpenReadAsync(young.Id, null, CancellationToken.None);
            Assert.NotNull(youngKept);
        }

        Assert.Equal(HttpStatusCode.OK, (await author.Http.GetAsync($"/files/{attached.Id}")).StatusCode);
    }

    [Fact]
    public async Task Uploads_at_the_same_instant_never_pass_the_quota_together()
    {
        var uploaders = new List<Actor>();
        for (var i = 0; i < 8; i++)
        {
            uploaders.Add(await NewPersonAsync($"Uploader {i}"));
        }

        var used = await UsedBytesAsync();
        using var node = NodeWith(("QuotaBytes", used + 3500));
        var outcomes = await Task.WhenAll(uploaders.Select(u => TryUploadAsync(node, u, new string('q', 1000))));

        Assert.Equal(3, outcomes.Count(o => o is null));
        Assert.All(outcomes.Where(o => o is not null), o => Assert.Equal("file.quota-exceeded", o));
        Assert.True(await UsedBytesAsync() <= used + 3500);
    }

    [Fact]
    public async Task One_persons_uploads_are_capped_over_a_day_and_at_the_same_instant()
    {
        var author = await NewPersonAsync("Author");
        var other = await NewPersonAsync("Other");
        using var node = NodeWith(("PersonDailyBytes", 3000));

        // Six at once: two fit under the cap, the others are refused with the person's code, never the company's.
        var outcomes = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => TryUploadAsync(node, author, new string('p', 1200), FilePurpose.PostDocument)));
        Assert.Equal(2, outcomes.Count(o => o is null));
        Assert.All(outcomes.Where(o => o is not null), o => Assert.Equal("file.person-limit", o));

        // Over HTTP: a clear problem; someone else still uploads.
        using var client = node.CreateClient();
        client.DefaultRequestHeaders.Authorization = author.Http.DefaultRequestHeaders.Authorization;
        using var form = new MultipartFormDataContent { { new ByteArrayContent(Encoding.UTF8.GetBytes(new string('h', 1200))), "file", "encore.txt" } };
        await client.PostAsync("/api/v1/documents", form).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "file.person-limit");
        Assert.Null(await TryUploadAsync(node, other, new string('o', 1200)));

        // A day later, what was attached no longer counts; what nothing took still does (until it expires).
        List<Guid> mine;
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RucheDbContext>();
            var dayBefore = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime.AddHours(-25);
            mine = await db.Files.Where(f => f.OwnerId == author.Id).Select(f => f.Id).ToListAsync();
            await db.Files.Where(f => f.OwnerId == author.Id).ExecuteUpdateAsync(s => s.SetProperty(f => f.CreatedAt, dayBefore));
        }

        Assert.Equal(2, mine.Count);
        Assert.Equal("file.person-limit", await TryUploadAsync(node, author, new string('p', 1200)));
        await Actor.ReadAsync<PostCard>(
            await author.Http.PostAsJsonAsync("/api/v1/posts", new { body = "Le compte rendu", documentIds = new[] { mine[0] } }, Actor.Json), HttpStatusCode.Created);
        Assert.Null(await TryUploadAsync(node, author, new string('p', 1200)));
    }

    /// <summary>The app with some Ruche:Files settings changed (same database and store).</summary>
    private WebApplicationFactory<Program> NodeWith(params (string Name, long Value)[] settings) => App.WithWebHostBuilder(b =>
    {
        foreach (var (name, value) in settings)
        {
            b.UseSetting($"Ruche:Files:{name}", value.ToString(CultureInfo.InvariantCulture));
        }
    });

    /// <summary>Uploads a text file through the service of <paramref name="node"/>; null when accepted, else the refusal's code.</summary>
    private static async Task<string?> TryUploadAsync(WebApplicationFactory<Program> node, Actor who, string text, FilePurpose purpose = FilePurpose.Document)
    {
        await using var scope = node.Services.CreateAsyncScope();
        try
        {
            await scope.ServiceProvider.GetRequiredService<FileService>().UploadAsync(
                new Viewer(who.Id, new HashSet<string>()), new MemoryStream(Encoding.UTF8.GetBytes(text)), "note.txt", purpose, null, CancellationToken.None);
            return null;
        }
        catch (RucheException refused)
        {
            return refused.Code;
        }
    }

    private async Task<long> UsedBytesAsync()
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<RucheDbContext>().Files.SumAsync(f => f.Length + f.RenditionBytes);
    }

    private async Task<int> ExistingAsync(params Guid[] ids)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<RucheDbContext>().Files.CountAsync(f => ids.Contains(f.Id));
    }

    /// <summary>The retention job as it runs every hour, on a clock set to <paramref name="at"/>.</summary>
    private async Task RunRetentionAsync(DateTimeOffset at)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var clock = new FakeTimeProvider(at);
        var unattached = ActivatorUtilities.CreateInstance<UnattachedFiles>(scope.ServiceProvider, clock);
        var retention = ActivatorUtilities.CreateInstance<RetentionService>(scope.ServiceProvider, unattached, clock);
        Assert.NotNull(await retention.RunAsync($"files-{Guid.NewGuid():N}", TimeSpan.FromMinutes(50), CancellationToken.None));
    }
}
