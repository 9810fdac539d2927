using System.Net;
using System.Net.Http.Json;
using Ruche.Core.Common;
using Ruche.Core.Follows;
using Ruche.Core.People;
using Ruche.Core.Profiles;
using Ruche.Tests.Infrastructure;

namespace Ruche.Tests.People;

public abstract class ProfileAndFollowTests(RucheApp app) : ProviderTests(app)
{
    [Fact]
    public async Task Anyone_reads_a_profile()
    {
        var person = await NewPersonAsync("Élodie Martin-Roy", "America/Montreal");
        var reader = await NewPersonAsync("Reader");

        var profile = await reader.ProfileAsync(person);

        Assert.Equal(person.Id, profile.Id);
        Assert.Equal(person.Name, profile.DisplayName);
        Assert.Equal(person.Handle, profile.Handle);
        Assert.StartsWith("elodie.martin-roy", profile.Handle, StringComparison.Ordinal);
        Assert.Equal(person.Email, profile.Email);
        Assert.Equal("America/Montreal", profile.TimeZone);
        Assert.Equal(person.Id, (await person.GetAsync<Profile>("/api/v1/people/me")).Id);
    }

    [Fact]
    public async Task An_unknown_person_is_not_found()
    {
        var reader = await NewPersonAsync("Reader");

        await reader.Http.GetAsync("/api/v1/people/987654321").ShouldBeProblemAsync(HttpStatusCode.NotFound, "person.not-found");
        await reader.Http.GetAsync("/api/v1/people/987654321/feed").ShouldBeProblemAsync(HttpStatusCode.NotFound, "person.not-found");
        await reader.Http.PutAsync("/api/v1/people/987654321/follow", null).ShouldBeProblemAsync(HttpStatusCode.NotFound, "person.not-found");
        await reader.Http.DeleteAsync("/api/v1/people/987654321/follow").ShouldBeProblemAsync(HttpStatusCode.NotFound, "person.not-found");
        Assert.Empty((await reader.GetAsync<Following>("/api/v1/me/following")).PersonIds);
    }

    [Fact]
    public async Task A_person_updates_their_own_profile()
    {
        var person = await NewPersonAsync("Person");
        var reader = await NewPersonAsync("Reader");

        var updated = await PatchAsync(person, person, new
        {
            jobTitle = "  Développeuse senior ",
            timeZone = "America/Montreal",
            bio = "J'aime le **C#**.",
            skills = new[] { "SQL", "C#", "Management", "sql", "  " },
        });

        Assert.Equal("Développeuse senior", updated.JobTitle);
        Assert.Equal("America/Montreal", updated.TimeZone);
        Assert.Equal(["C#", "Management", "SQL"], updated.Skills);

        var seen = await reader.ProfileAsync(person);
        Assert.Equal("Développeuse senior", seen.JobTitle);
        Assert.Equal("America/Montreal", seen.TimeZone);
        Assert.Equal("J'aime le **C#**.", seen.Bio);
        Assert.Equal(["C#", "Management", "SQL"], seen.Skills);

        // Null leaves a field alone, empty text clears it, a new skill list replaces the old one.
        var again = await PatchAsync(person, person, new { jobTitle = "", skills = new[] { "Kotlin", "sql" } });
        Assert.Null(again.JobTitle);
        Assert.Equal("America/Montreal", again.TimeZone);
        Assert.Equal("J'aime le **C#**.", again.Bio);
        Assert.Equal(["Kotlin", "sql"], again.Skills);
    }

    [Theory]
    [InlineData("Mars/Olympus")]
    [InlineData("")]
    [InlineData("Europe/Pariss")]
    [InlineData("Romance Standard Time")]
    [InlineData("../../etc/passwd")]
    public async Task An_invalid_time_zone_is_refused_and_nothing_changes(string timeZone)
    {
        var person = await NewPersonAsync("Person", "Europe/Paris");
        await PatchAsync(person, person, new { jobTitle = "Comptable", skills = new[] { "Excel" } });

        await person.Http.PatchAsJsonAsync($"/api/v1/people/{person.Id}", new { jobTitle = "Astronaute", timeZone, skills = new[] { "Fusées" } }, Actor.Json)
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "profile.time-zone-invalid");

        var profile = await person.ProfileAsync(person);
        Assert.Equal("Europe/Paris", profile.TimeZone);
        Assert.Equal("Comptable", profile.JobTitle);
        Assert.Equal(["Excel"], profile.Skills);
    }

    [Fact]
    public async Task Profile_fields_are_bounded()
    {
        var person = await NewPersonAsync("Person");

        await person.Http.PatchAsJsonAsync($"/api/v1/people/{person.Id}", new { displayName = " " }, Actor.Json)
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "profile.name-invalid");
        await person.Http.PatchAsJsonAsync($"/api/v1/people/{person.Id}", new { jobTitle = new string('j', Limits.JobTitleMaxLength + 1) }, Actor.Json)
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "profile.job-title-too-long");
        await person.Http.PatchAsJsonAsync($"/api/v1/people/{person.Id}", new { bio = new string('b', Limits.BioMaxLength + 1) }, Actor.Json)
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "profile.bio-too-long");
        await person.Http.PatchAsJsonAsync($"/api/v1/people/{person.Id}", new { skills = Enumerable.Range(0, Limits.SkillsPerPerson + 1).Select(i => $"skill{i}") }, Actor.Json)
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "profile.skills-invalid");
        await person.Http.PatchAsJsonAsync($"/api/v1/people/{person.Id}", new { skills = new[] { new string('s', Limits.SkillMaxLength + 1) } }, Actor.Json)
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "profile.skills-invalid");

        var profile = await person.ProfileAsync(person);
        Assert.Equal(person.Name, profile.DisplayName);
        Assert.Null(profile.JobTitle);
        Assert.Null(profile.Bio);
        Assert.Empty(profile.Skills);
    }

    [Fact]
    public async Task Nobody_changes_someone_else_s_profile_except_hr_and_administrators()
    {
        var person = await NewPersonAsync("Person");
        var colleague = await NewPersonAsync("Colleague");
        var manager = await NewPersonAsync("Manager", roles: "direction");
        var hr = await NewPersonAsync("Hr", roles: "hr");
        var admin = await NewPersonAsync("Admin", roles: "administrator");

        await colleague.Http.PatchAsJsonAsync($"/api/v1/people/{person.Id}", new { jobTitle = "Stagiaire" }, Actor.Json)
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden, "profile.not-yours");
        await manager.Http.PatchAsJsonAsync($"/api/v1/people/{person.Id}", new { jobTitle = "Stagiaire" }, Actor.Json)
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden, "profile.not-yours");
        Assert.Null((await person.ProfileAsync(person)).JobTitle);

        Assert.Equal("Responsable paie", (await PatchAsync(hr, person, new { jobTitle = "Responsable paie" })).JobTitle);
        Assert.Equal(manager.Id, (await PatchAsync(admin, person, new { managerId = manager.Id })).Manager!.Id);

        var profile = await colleague.ProfileAsync(person);
        Assert.Equal("Responsable paie", profile.JobTitle);
        Assert.Equal(manager.Id, profile.Manager!.Id);
    }

    [Fact]
    public async Task The_organisation_chart_has_no_loops()
    {
        var a = await NewPersonAsync("A");
        var b = await NewPersonAsync("B");
        var c = await NewPersonAsync("C");
        await PatchAsync(a, a, new { managerId = b.Id });
        await PatchAsync(b, b, new { managerId = c.Id });

        await c.Http.PatchAsJsonAsync($"/api/v1/people/{c.Id}", new { managerId = a.Id, jobTitle = "PDG" }, Actor.Json)
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "profile.manager-cycle");
        await b.Http.PatchAsJsonAsync($"/api/v1/people/{b.Id}", new { managerId = a.Id }, Actor.Json)
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "profile.manager-cycle");
        await a.Http.PatchAsJsonAsync($"/api/v1/people/{a.Id}", new { managerId = a.Id }, Actor.Json)
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "profile.manager-self");
        await a.Http.PatchAsJsonAsync($"/api/v1/people/{a.Id}", new { managerId = 987654321 }, Actor.Json)
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "profile.manager-unknown");

        var top = await c.ProfileAsync(c);
        Assert.Null(top.Manager);
        Assert.Null(top.JobTitle);
        Assert.Equal(c.Id, (await a.ProfileAsync(b)).Manager!.Id);
        Assert.Equal(b.Id, (await a.ProfileAsync(a)).Manager!.Id);

        // Id 0 clears the manager; then the former loop is allowed.
        Assert.Null((await PatchAsync(a, a, new { managerId = 0 })).Manager);
        Assert.Equal(a.Id, (await PatchAsync(c, c, new { managerId = a.Id })).Manager!.Id);
    }

    [Fact]
    public async Task Nobody_follows_themselves()
    {
        var person = await NewPersonAsync("Person");

        await person.Http.PutAsync($"/api/v1/people/{person.Id}/follow", null).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "follow.self");

        var profile = await person.ProfileAsync(person);
        Assert.Equal(0, profile.FollowerCount);
        Assert.Equal(0, profile.FollowingCount);
    }

    [Fact]
    public async Task Following_twice_is_following_once()
    {
        var follower = await NewPersonAsync("Follower");
        var followee = await NewPersonAsync("Followee");

        await follower.FollowAsync(followee);
        await follower.FollowAsync(followee);

        Assert.Equal(1, (await follower.ProfileAsync(followee)).FollowerCount);
        Assert.Equal(1, (await follower.ProfileAsync(follower)).FollowingCount);
        Assert.Equal([followee.Id], (await follower.GetAsync<Following>("/api/v1/me/following")).PersonIds);

        Assert.Equal(HttpStatusCode.NoContent, (await follower.Http.DeleteAsync($"/api/v1/people/{followee.Id}/follow")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await follower.Http.DeleteAsync($"/api/v1/people/{followee.Id}/follow")).StatusCode);
        Assert.Equal(0, (await follower.ProfileAsync(followee)).FollowerCount);
        Assert.Empty((await follower.GetAsync<Following>("/api/v1/me/following")).PersonIds);
    }

    [Fact]
    public async Task Tags_are_followed_under_their_normalised_key()
    {
        var person = await NewPersonAsync("Person");

        await person.FollowTagAsync("Télétravail");
        await person.FollowTagAsync("#teletravail");
        await person.Http.PutAsync($"/api/v1/tags/{Uri.EscapeDataString("pas un tag")}/follow", null).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "tag.invalid");

        Assert.Equal(["teletravail"], (await person.GetAsync<Following>("/api/v1/me/following")).Tags);
    }

    [Fact]
    public async Task A_profile_photo_is_seen_by_everyone_but_is_no_post_image()
    {
        var person = await NewPersonAsync("Person");
        var reader = await NewPersonAsync("Reader");
        using var form = new MultipartFormDataContent();
        form.Add(new ByteArrayContent(TestImages.Png()), "file", "moi.png");

        var profile = await Actor.ReadAsync<Profile>(await person.Http.PutAsync("/api/v1/people/me/photo", form), HttpStatusCode.OK);

        Assert.NotNull(profile.PhotoFileId);
        Assert.Equal(profile.PhotoFileId, (await reader.ProfileAsync(person)).PhotoFileId);
        Assert.Equal(HttpStatusCode.OK, (await reader.Http.GetAsync($"/files/{profile.PhotoFileId}")).StatusCode);
        await person.Http.PostAsJsonAsync("/api/v1/posts", new { body = "Ma photo", imageIds = new[] { profile.PhotoFileId } }, Actor.Json)
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "post.image-unknown");
    }

    [Fact]
    public async Task The_directory_lists_and_searches_people()
    {
        var person = await NewPersonAsync("Zéphyrin Annuaire");
        var reader = await NewPersonAsync("Reader");
        await PatchAsync(person, person, new { jobTitle = "Cartographe" });

        Assert.Contains(await reader.GetAsync<List<DirectoryEntry>>("/api/v1/people"), e => e.Id == person.Id);
        Assert.Equal([person.Id], (await reader.GetAsync<List<DirectoryEntry>>("/api/v1/people?search=cartographe")).Select(e => e.Id));
        Assert.DoesNotContain(await reader.GetAsync<List<DirectoryEntry>>("/api/v1/people?search=cartographe"), e => e.Id == reader.Id);
    }

    private static async Task<Profile> PatchAsync(Actor actor, Actor person, object update) =>
        await Actor.ReadAsync<Profile>(await actor.Http.PatchAsJsonAsync($"/api/v1/people/{person.Id}", update, Actor.Json), HttpStatusCode.OK);
}

public sealed class ProfileAndFollowTestsOnSqlite(SqliteApp app) : ProfileAndFollowTests(app), IClassFixture<SqliteApp>;

public sealed class ProfileAndFollowTestsOnPostgres(PostgresApp app) : ProfileAndFollowTests(app), IClassFixture<PostgresApp>;
