using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Ruche.Tests.Infrastructure;
using Ruche.Tests.Moderation;

namespace Ruche.Tests.Privacy;

public abstract class ExportTests(RucheApp app) : ProviderTests(app)
{
    [Fact]
    public async Task A_person_downloads_all_their_data_and_files_and_nobody_elses()
    {
        var person = await NewPersonAsync("Exporter");
        var other = await NewPersonAsync("Other");
        var image = await person.UploadImageAsync(TestImages.Png(), "vacances.png");
        var post = await person.PostAsync("Mon #souvenir de vacances", images: [image.Id]);
        await person.CommentAsync(await other.PostAsync("Secret d'un autre"), "Mon commentaire");
        await person.FollowAsync(other);
        await other.ReactAsync(post, "like");
        await Actor.ExpectAsync(await person.Http.PutAsJsonAsync("/api/v1/presence", new { mode = "travelling", note = "Train" }, Actor.Json), System.Net.HttpStatusCode.OK);
        var meeting = await Events.EventSteps.CreateEventAsync(person, await person.CreateSpaceAsync("Mon équipe"), "Ma réunion");

        var response = await person.Http.GetAsync("/api/v1/me/export");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/zip", response.Content.Headers.ContentType?.MediaType);
        using var zip = new ZipArchive(await response.Content.ReadAsStreamAsync(), ZipArchiveMode.Read);
        string json;
        using (var reader = new StreamReader(zip.GetEntry("ruche-data.json")!.Open()))
        {
            json = await reader.ReadToEndAsync();
        }

        using var data = JsonDocument.Parse(json);
        Assert.Equal(person.Email, data.RootElement.GetProperty("profile").GetProperty("email").GetString());
        Assert.Contains(data.RootElement.GetProperty("posts").EnumerateArray(), p => p.GetProperty("id").GetInt64() == post.Id);
        Assert.Contains(data.RootElement.GetProperty("comments").EnumerateArray(), c => c.GetProperty("body").GetString() == "Mon commentaire");
        Assert.Contains(data.RootElement.GetProperty("following").GetProperty("people").EnumerateArray(), f => f.GetProperty("followeeId").GetInt64() == other.Id);
        var received = Assert.Single(data.RootElement.GetProperty("notifications").GetProperty("received").EnumerateArray());
        Assert.Equal(("reaction", post.Id), (received.GetProperty("kind").GetString(), received.GetProperty("postId").GetInt64()));
        Assert.Equal("Train", data.RootElement.GetProperty("presence").GetProperty("note").GetString());
        Assert.Contains(data.RootElement.GetProperty("events").GetProperty("organised").EnumerateArray(), e => e.GetProperty("id").GetInt64() == meeting.Id);
        Assert.Contains(data.RootElement.GetProperty("events").GetProperty("answers").EnumerateArray(), a => a.GetProperty("eventId").GetInt64() == meeting.Id);
        Assert.DoesNotContain("Secret d'un autre", json, StringComparison.Ordinal);
        Assert.DoesNotContain(other.Email, json, StringComparison.Ordinal);

        var file = Assert.Single(zip.Entries, e => e.FullName.StartsWith("files/", StringComparison.Ordinal));
        Assert.EndsWith("vacances.png", file.FullName, StringComparison.Ordinal);
        using var bytes = new MemoryStream();
        await using (var stream = file.Open())
        {
            await stream.CopyToAsync(bytes);
        }

        // What Ruche keeps of an image: re-encoded without metadata (ADR 26), as served.
        Assert.Equal(image.Length, bytes.Length);
        Assert.Equal(TestImages.Png()[..8], bytes.ToArray()[..8]);
    }

    [Fact]
    public async Task A_reporter_exports_their_report_and_an_author_the_decision_but_never_who_reported()
    {
        var owner = await NewPersonAsync("Animatrice");
        var author = await NewPersonAsync("Auteur");
        var reporter = await NewPersonAsync("Témoin Vigilant");
        var space = await owner.CreateSpaceAsync("Atelier export");
        await author.JoinAsync(space);
        await reporter.JoinAsync(space);
        var post = await author.PostAsync("Un message limite", space);
        await reporter.ReportAsync(post, "harassment", "Note du témoin zq81");
        await owner.DecideAsync("post", post.Id, "hide", "Hors charte");

        using var reporterData = JsonDocument.Parse(await ExportJsonAsync(reporter));
        var report = Assert.Single(reporterData.RootElement.GetProperty("reportsMade").EnumerateArray());
        Assert.Equal(("Post", post.Id, "Note du témoin zq81"), (report.GetProperty("content").GetString(), report.GetProperty("contentId").GetInt64(), report.GetProperty("note").GetString()));

        var authorJson = await ExportJsonAsync(author);
        using var authorData = JsonDocument.Parse(authorJson);
        var decision = Assert.Single(authorData.RootElement.GetProperty("moderationOfYourContent").EnumerateArray());
        Assert.Equal(("Hide", "Hors charte"), (decision.GetProperty("action").GetString(), decision.GetProperty("reason").GetString()));
        Assert.DoesNotContain("zq81", authorJson, StringComparison.Ordinal);
        Assert.DoesNotContain(reporter.Name, authorJson, StringComparison.Ordinal);
        Assert.DoesNotContain(reporter.Email, authorJson, StringComparison.Ordinal);
    }

    private static async Task<string> ExportJsonAsync(Actor person)
    {
        var response = await person.Http.GetAsync("/api/v1/me/export");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var zip = new ZipArchive(await response.Content.ReadAsStreamAsync(), ZipArchiveMode.Read);
        using var reader = new StreamReader(zip.GetEntry("ruche-data.json")!.Open());
        return await reader.ReadToEndAsync();
    }
}

public sealed class ExportTestsOnSqlite(SqliteApp app) : ExportTests(app), IClassFixture<SqliteApp>;

public sealed class ExportTestsOnPostgres(PostgresApp app) : ExportTests(app), IClassFixture<PostgresApp>;
