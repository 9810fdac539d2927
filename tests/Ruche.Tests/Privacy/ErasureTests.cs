using System.Data.Common;
using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Ruche.Core.Data;
using Ruche.Core.Feeds;
using Ruche.Tests.Infrastructure;

namespace Ruche.Tests.Privacy;

/// <summary>Erasing a departed person leaves no personal data anywhere in the database: every table is scanned.</summary>
public abstract class ErasureTests(RucheApp app) : ProviderTests(app)
{
    [Theory]
    [InlineData("Pseudonymise")]
    [InlineData("Delete")]
    public async Task Erasure_leaves_no_personal_data_behind(string content)
    {
        var admin = await NewPersonAsync("Admin", "Europe/Paris", "administrator");
        var leaver = await NewPersonAsync("Leaver", "America/Montreal");
        var marker = "Zq" + Guid.NewGuid().ToString("N")[..10];
        Assert.Equal(HttpStatusCode.OK, (await leaver.Http.PatchAsJsonAsync($"/api/v1/people/{leaver.Id}", new
        {
            displayName = $"Zébulon {marker}",
            jobTitle = $"Gardien de phare {marker}",
            bio = $"Je collectionne les phares {marker}",
            skills = new[] { $"Origami-{marker}" },
        })).StatusCode);
        var photo = await leaver.Http.PutAsync("/api/v1/people/me/photo", new MultipartFormDataContent { { new ByteArrayContent(TestImages.Png()), "file", $"{marker}.png" } });
        Assert.Equal(HttpStatusCode.OK, photo.StatusCode);
        var post = await leaver.PostAsync("Mon dernier message avant le départ #aurevoir");
        await leaver.CommentAsync(post, "Merci à tous");
        var answer = await admin.CommentAsync(post, "Tu vas nous manquer");
        await leaver.ReactAsync(await admin.PostAsync("Bonne route !"), "love");
        await leaver.FollowAsync(admin);
        await admin.FollowAsync(leaver);
        await leaver.FollowTagAsync("phares");
        await leaver.Http.PostAsJsonAsync("/api/v1/me/tokens", new { name = $"token {marker}" });
        await leaver.Http.PostAsync("/api/v1/me/two-factor/setup", null);
        Assert.Equal(HttpStatusCode.OK, (await leaver.Http.PutAsJsonAsync("/api/v1/presence", new { mode = "home", note = $"Au phare {marker}" })).StatusCode);
        var team = await admin.CreateSpaceAsync("Équipe phare");
        await admin.AddToSpaceAsync(team, leaver);
        var meeting = await Events.EventSteps.CreateEventAsync(admin, team, "Réunion", invitees: [leaver.Id]);
        await Actor.ExpectAsync(await Events.EventSteps.RespondAsync(leaver, meeting.Id, "yes"), HttpStatusCode.NoContent);
        await Events.EventSteps.NewCalendarFeedAsync(leaver);
        var organised = await Events.EventSteps.CreateEventAsync(leaver, team, "Visite du phare");
        var idea = await Ideas.IdeaSteps.SubmitIdeaAsync(leaver, "Un phare automatique");
        var adminsIdea = await Ideas.IdeaSteps.SubmitIdeaAsync(admin, "Une idée de l'admin");
        await Ideas.IdeaSteps.VoteAsync(leaver, adminsIdea);
        await Ideas.IdeaSteps.CommentIdeaAsync(leaver, adminsIdea, "Bravo");
        var site = await Irritants.IrritantSteps.NewSiteAsync(App, "Phare");
        await Irritants.IrritantSteps.ReportIrritantAsync(leaver, "La lanterne clignote", site);
        var adminsIrritant = await Irritants.IrritantSteps.ReportIrritantAsync(admin, "La porte grince", site);
        await Irritants.IrritantSteps.MeTooAsync(leaver, adminsIrritant);

        // The scan sees the person before (so an empty result after means something).
        var before = await ScanAsync(marker, leaver.Email, leaver.Handle);
        Assert.Contains(before, f => f.StartsWith("AspNetUsers.", StringComparison.Ordinal));
        Assert.Contains(before, f => f.StartsWith("PersonSkills.", StringComparison.Ordinal) || f.StartsWith("PersonSkill", StringComparison.Ordinal));
        Assert.Contains(before, f => f.StartsWith("PresenceStatuses.", StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.NoContent, (await admin.Http.DeleteAsync($"/api/v1/admin/people/{leaver.Id}?content={content}")).StatusCode);

        var found = await ScanAsync(marker, leaver.Email, leaver.Handle);
        Assert.Empty(found);
        Assert.Equal(HttpStatusCode.Unauthorized, (await leaver.Http.GetAsync("/api/v1/people/me")).StatusCode);
        await App.Anonymous().PostAsJsonAsync("/api/v1/auth/token", new { email = leaver.Email, password = RucheApp.Password })
            .ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "auth.invalid-credentials");

        Assert.Equal(0, (await Ideas.IdeaSteps.IdeaAsync(admin, adminsIdea)).Votes);
        Assert.Equal(content == "Delete" ? HttpStatusCode.NotFound : HttpStatusCode.OK, (await admin.Http.GetAsync($"/api/v1/ideas/{idea}")).StatusCode);
        var kept = await admin.Http.GetAsync($"/api/v1/posts/{post.Id}");
        Assert.Equal(content == "Delete" ? HttpStatusCode.NotFound : HttpStatusCode.OK, kept.StatusCode);
        Assert.DoesNotContain((await Events.EventSteps.EventAsync(admin, meeting.Id)).Attendees, a => a.Person.Id == leaver.Id);
        Assert.Equal(content == "Delete" ? HttpStatusCode.NotFound : HttpStatusCode.OK, (await admin.Http.GetAsync($"/api/v1/events/{organised.Id}")).StatusCode);
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RucheDbContext>();
        Assert.False(await db.CalendarFeeds.AnyAsync(f => f.PersonId == leaver.Id));
        Assert.False(await db.PresenceStatuses.AnyAsync(s => s.PersonId == leaver.Id));
        if (content == "Delete")
        {
            // What was deleted is no longer findable, others' comments under the deleted post included.
            Assert.False(await db.SearchDocuments.AnyAsync(d => (d.Kind == "post" && d.SourceId == post.Id) || (d.Kind == "event" && d.SourceId == organised.Id)
                || (d.Kind == "comment" && d.SourceId == answer.Id)));
        }
    }

    [Fact]
    public async Task A_colleagues_mention_shows_a_name_until_the_person_is_erased()
    {
        var admin = await NewPersonAsync("Admin", "Europe/Paris", "administrator");
        var leaver = await NewPersonAsync("Ondine Quellec");
        var thanks = await admin.PostAsync($"Merci @{leaver.Handle}. Et encore @{leaver.Handle.ToUpperInvariant()}-, (@{leaver.Handle}) pour la passation");
        var reply = await admin.CommentAsync(thanks, $"Et encore bravo @{leaver.Handle}");

        var named = await admin.GetAsync<PostCard>($"/api/v1/posts/{thanks.Id}");
        Assert.Contains($"href=\"/people/{leaver.Handle}\"", named.BodyHtml, StringComparison.Ordinal);
        Assert.Contains("@Ondine Quellec", named.BodyHtml, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.NoContent, (await admin.Http.DeleteAsync($"/api/v1/admin/people/{leaver.Id}?content=Pseudonymise")).StatusCode);

        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RucheDbContext>();
        var postHtml = await db.Posts.Where(p => p.Id == thanks.Id).Select(p => p.BodyHtml).SingleAsync();
        var commentHtml = await db.Comments.Where(c => c.Id == reply.Id).Select(c => c.BodyHtml).SingleAsync();
        var postBody = await db.Posts.Where(p => p.Id == thanks.Id).Select(p => p.Body).SingleAsync();
        var commentBody = await db.Comments.Where(c => c.Id == reply.Id).Select(c => c.Body).SingleAsync();
        foreach (var text in new[] { postHtml, commentHtml, postBody, commentBody })
        {
            Assert.DoesNotContain("Ondine", text, StringComparison.Ordinal);
            Assert.DoesNotContain(leaver.Handle, text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("class=\"mention\"", text, StringComparison.Ordinal);
        }

        Assert.Equal($"Merci @former-{leaver.Id}. Et encore @former-{leaver.Id}-, (@former-{leaver.Id}) pour la passation", postBody);
        Assert.Contains($"@former-{leaver.Id}", postHtml, StringComparison.Ordinal);
        Assert.DoesNotContain(leaver.Handle, (await admin.GetAsync<PostCard>($"/api/v1/posts/{thanks.Id}")).BodyHtml, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Only_administrators_erase_and_never_themselves()
    {
        var admin = await NewPersonAsync("Admin", "Europe/Paris", "administrator");
        var employee = await NewPersonAsync("Employee");
        Assert.Equal(HttpStatusCode.Forbidden, (await employee.Http.DeleteAsync($"/api/v1/admin/people/{admin.Id}")).StatusCode);
        await admin.Http.DeleteAsync($"/api/v1/admin/people/{admin.Id}").ShouldBeProblemAsync(HttpStatusCode.BadRequest, "erasure.self");
        Assert.Equal(HttpStatusCode.OK, (await employee.Http.GetAsync("/api/v1/people/me")).StatusCode);
    }

    /// <summary>Every text value of every table (read from the database's own catalogue, not the EF model).</summary>
    private async Task<List<string>> ScanAsync(params string[] needles)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RucheDbContext>();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = App.ProviderName == "Sqlite"
                ? "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
                : "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'";
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        Assert.Contains(tables, t => t == "AspNetUsers");
        var found = new List<string>();
        foreach (var table in tables)
        {
            await using var select = connection.CreateCommand();
            select.CommandText = $"SELECT * FROM \"{table}\"";
            await using var rows = await select.ExecuteReaderAsync();
            while (await rows.ReadAsync())
            {
                for (var i = 0; i < rows.FieldCount; i++)
                {
                    if (!rows.IsDBNull(i) && rows.GetValue(i) is string text)
                    {
                        found.AddRange(needles.Where(n => text.Contains(n, StringComparison.OrdinalIgnoreCase)).Select(n => $"{table}.{rows.GetName(i)} holds {n}"));
                    }
                }
            }
        }

        return found;
    }
}

public sealed class ErasureTestsOnSqlite(SqliteApp app) : ErasureTests(app), IClassFixture<SqliteApp>;

public sealed class ErasureTestsOnPostgres(PostgresApp app) : ErasureTests(app), IClassFixture<PostgresApp>;
