using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Ruche.Core.Data;
using Ruche.Core.Feeds;
using Ruche.Core.Files;
using Ruche.Core.PersonalData;
using Ruche.Core.Privacy;
using Ruche.Tests.Infrastructure;
using Ruche.Tests.Library;

namespace Ruche.Tests.Privacy;

/// <summary>Retention policies set by administrators and applied by the scheduled job, once across nodes.</summary>
public abstract class RetentionTests(RucheApp app) : ProviderTests(app)
{
    [Fact]
    public async Task Only_administrators_set_policies_within_bounds()
    {
        var admin = await NewPersonAsync("Admin", "Europe/Paris", "administrator");
        var employee = await NewPersonAsync("Employee");

        await employee.Http.PutAsJsonAsync("/api/v1/admin/retention/Posts", new { days = 365 })
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden, "administrator-required");
        await admin.Http.PutAsJsonAsync("/api/v1/admin/retention/Posts", new { days = 3 })
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "retention.days-invalid");
        await admin.Http.PutAsJsonAsync("/api/v1/admin/retention/Audit", new { days = 365 })
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "retention.kind-invalid");

        Assert.Equal(HttpStatusCode.NoContent, (await admin.Http.PutAsJsonAsync("/api/v1/admin/retention/Notifications", new { days = 90 })).StatusCode);
        var settings = await admin.GetAsync<List<RetentionSetting>>("/api/v1/admin/retention");
        Assert.Equal(90, settings.Single(s => s.Kind == RetentionKind.Notifications).Days);
        Assert.Equal([RetentionKind.Posts, RetentionKind.Comments, RetentionKind.Notifications, RetentionKind.SignIns], settings.Select(s => s.Kind));
        Assert.Equal(HttpStatusCode.NoContent, (await admin.Http.PutAsJsonAsync("/api/v1/admin/retention/Notifications", new { days = (int?)null })).StatusCode);
        Assert.Null((await admin.GetAsync<List<RetentionSetting>>("/api/v1/admin/retention")).Single(s => s.Kind == RetentionKind.Notifications).Days);
    }

    [Fact]
    public async Task The_administration_page_sets_a_policy_and_hands_out_the_directory_token()
    {
        var admin = await NewPersonAsync("Admin", "Europe/Paris", "administrator");
        var employee = await NewPersonAsync("Employee");
        var adminBrowser = await App.SignInWithBrowserCookiesAsync(admin);

        var saved = await adminBrowser.SubmitFormAsync("/admin", "/ui/admin/retention/Comments", new() { ["days"] = "400" });
        Assert.Equal("/admin?saved=retention", saved.Headers.Location?.OriginalString);
        Assert.Contains("value=\"400\"", await adminBrowser.PageAsync("/admin"), StringComparison.Ordinal);
        var tooShort = await adminBrowser.SubmitFormAsync("/admin", "/ui/admin/retention/Comments", new() { ["days"] = "1" });
        Assert.Equal("/admin?error=retention.days-invalid", tooShort.Headers.Location?.OriginalString);

        var token = await adminBrowser.SubmitFormAsync("/admin", "/ui/admin/scim-token", new());
        Assert.Equal(HttpStatusCode.OK, token.StatusCode);
        Assert.Contains("ruche_", await token.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var employeeBrowser = await App.SignInWithBrowserCookiesAsync(employee);
        var refused = await employeeBrowser.SubmitFormAsync("/settings", "/ui/admin/retention/Comments", new() { ["days"] = "31" });
        Assert.Equal("/admin?error=administrator-required", refused.Headers.Location?.OriginalString);
        var noToken = await employeeBrowser.SubmitFormAsync("/settings", "/ui/admin/scim-token", new());
        Assert.Equal("/admin?error=administrator-required", noToken.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task The_job_deletes_only_what_is_past_its_time_and_one_node_runs_it()
    {
        var admin = await NewPersonAsync("Admin", "Europe/Paris", "administrator");
        var author = await NewPersonAsync("Author");
        var document = await author.UploadDocumentAsync();
        var old = await Actor.ReadAsync<PostCard>(
            await author.Http.PostAsJsonAsync("/api/v1/posts", new { body = "Un vieux message #archives", documentIds = new[] { document } }, Actor.Json), HttpStatusCode.Created);
        var recent = await author.PostAsync("Un message récent");
        await admin.ReactAsync(old, "like");
        await admin.ReactAsync(recent, "love");
        Assert.Equal(HttpStatusCode.NoContent, (await admin.Http.PutAsJsonAsync("/api/v1/admin/retention/Posts", new { days = 365 })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.Http.PutAsJsonAsync("/api/v1/admin/retention/Notifications", new { days = 30 })).StatusCode);

        await using (var scope = App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RucheDbContext>();
            var longAgo = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime.AddDays(-400);
            await db.Posts.Where(p => p.Id == old.Id).ExecuteUpdateAsync(s => s.SetProperty(p => p.CreatedAt, longAgo));
            await db.Notifications.Where(n => n.RecipientId == author.Id).ExecuteUpdateAsync(s => s.SetProperty(n => n.UpdatedAt, longAgo));
            await db.JobLeases.Where(l => l.Name == "retention").ExecuteDeleteAsync();
        }

        // Two nodes start a run at the same moment: one does it, the other finds the lease taken.
        var runs = await Task.WhenAll(Enumerable.Range(0, 2).Select(async node =>
        {
            await using var scope = App.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<RetentionService>().RunAsync($"node-{node}", TimeSpan.FromMinutes(50), CancellationToken.None);
        }));
        var done = Assert.Single(runs, r => r is not null)!;
        Assert.Equal(1, done[RetentionKind.Posts]);
        Assert.True(done[RetentionKind.Notifications] >= 1);

        await using (var scope = App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RucheDbContext>();
            Assert.False(await db.Posts.AnyAsync(p => p.Id == old.Id));
            Assert.True(await db.Posts.AnyAsync(p => p.Id == recent.Id));
            Assert.False(await db.Reactions.AnyAsync(r => r.PostId == old.Id));
            Assert.False(await db.Files.AnyAsync(f => f.Id == document)); // its document goes with it, bytes included
            Assert.Null(await scope.ServiceProvider.GetRequiredService<IFileStore>().OpenReadAsync(document, null, CancellationToken.None));
            Assert.False(await db.SearchDocuments.AnyAsync(d => d.Kind == "post" && d.SourceId == old.Id));
            Assert.Equal(0, await db.Notifications.CountAsync(n => n.RecipientId == author.Id));
            Assert.Equal(2, await db.AuditEntries.CountAsync(e => e.Action == "retention.applied"));

            // Within the lease, another run does nothing.
            Assert.Null(await scope.ServiceProvider.GetRequiredService<RetentionService>().RunAsync("node-2", TimeSpan.FromMinutes(50), CancellationToken.None));
        }

        Assert.Equal(HttpStatusCode.OK, (await author.Http.GetAsync($"/api/v1/posts/{recent.Id}")).StatusCode);
    }
}

public sealed class RetentionTestsOnSqlite(SqliteApp app) : RetentionTests(app), IClassFixture<SqliteApp>;

public sealed class RetentionTestsOnPostgres(PostgresApp app) : RetentionTests(app), IClassFixture<PostgresApp>;
