using System.Net;
using System.Net.Http.Json;
using Ruche.Core.Common;
using Ruche.Core.Spaces;
using Ruche.Tests.Infrastructure;

namespace Ruche.Tests.Spaces;

public abstract class SpaceTests(RucheApp app) : ProviderTests(app)
{
    [Fact]
    public async Task Creating_a_space_makes_its_creator_the_owner()
    {
        var creator = await NewPersonAsync("Creator");

        var response = await creator.Http.PostAsJsonAsync(
            "/api/v1/spaces", new { name = "  Projet Atlas  ", description = "Le projet", kind = SpaceKind.Project, visibility = SpaceVisibility.Private }, Actor.Json);
        var space = await Actor.ReadAsync<SpaceSummary>(response, HttpStatusCode.Created);

        Assert.Equal($"/api/v1/spaces/{space.Id}", response.Headers.Location?.OriginalString);
        Assert.Equal("Projet Atlas", space.Name);
        Assert.Equal(SpaceKind.Project, space.Kind);
        Assert.Equal(SpaceVisibility.Private, space.Visibility);
        Assert.Equal(SpaceRole.Owner, space.MyRole);
        Assert.Equal(MembershipStatus.Active, space.MyStatus);
        Assert.Equal(1, space.MemberCount);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public async Task A_space_needs_a_name(string? name)
    {
        var creator = await NewPersonAsync("Creator");

        await creator.Http.PostAsJsonAsync("/api/v1/spaces", new { name, kind = SpaceKind.Team, visibility = SpaceVisibility.Open }, Actor.Json)
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "space.name-invalid");

        Assert.DoesNotContain(await creator.GetAsync<List<SpaceSummary>>("/api/v1/spaces"), s => s.MyRole == SpaceRole.Owner);
    }

    [Fact]
    public async Task Space_names_and_descriptions_are_bounded()
    {
        var creator = await NewPersonAsync("Creator");

        await creator.Http.PostAsJsonAsync("/api/v1/spaces", new { name = new string('n', Limits.SpaceNameMaxLength + 1), kind = SpaceKind.Team }, Actor.Json)
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "space.name-invalid");
        await creator.Http.PostAsJsonAsync("/api/v1/spaces", new { name = "Ok", description = new string('d', Limits.SpaceDescriptionMaxLength + 1), kind = SpaceKind.Team }, Actor.Json)
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "space.description-too-long");

        var longest = await creator.CreateSpaceAsync(new string('n', Limits.SpaceNameMaxLength));
        Assert.Equal(Limits.SpaceNameMaxLength, longest.Name.Length);
    }

    [Fact]
    public async Task Unknown_kinds_and_visibilities_are_refused()
    {
        var creator = await NewPersonAsync("Creator");

        await creator.Http.PostAsJsonAsync("/api/v1/spaces", new { name = "X", kind = 42, visibility = 0 }, Actor.Json)
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "space.kind-invalid");
        await creator.Http.PostAsJsonAsync("/api/v1/spaces", new { name = "X", kind = "team", visibility = 7 }, Actor.Json)
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "space.kind-invalid");
        await creator.Http.PostAsJsonAsync("/api/v1/spaces", new { name = "X", kind = "team", visibility = "hidden" }, Actor.Json)
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "request.malformed");
        Assert.DoesNotContain(await creator.GetAsync<List<SpaceSummary>>("/api/v1/spaces"), s => s.Name == "X");
    }

    [Fact]
    public async Task Joining_an_open_space_is_immediate_and_idempotent()
    {
        var owner = await NewPersonAsync("Owner");
        var joiner = await NewPersonAsync("Joiner");
        var space = await owner.CreateSpaceAsync("Ouvert");

        Assert.Equal(MembershipStatus.Active, await joiner.JoinAsync(space));
        Assert.Equal(MembershipStatus.Active, await joiner.JoinAsync(space));

        var seen = await joiner.GetAsync<SpaceSummary>($"/api/v1/spaces/{space.Id}");
        Assert.Equal(2, seen.MemberCount);
        Assert.Equal(SpaceRole.Member, seen.MyRole);
        Assert.True(seen.IsMember);
        var members = await joiner.GetAsync<List<SpaceMemberView>>($"/api/v1/spaces/{space.Id}/members");
        Assert.Equal([owner.Id, joiner.Id], members.Select(m => m.PersonId));
    }

    [Fact]
    public async Task A_private_space_needs_approval_and_pending_requests_show_to_moderators_only()
    {
        var owner = await NewPersonAsync("Owner");
        var member = await NewPersonAsync("Member");
        var applicant = await NewPersonAsync("Applicant");
        var space = await owner.CreateSpaceAsync("Privé", SpaceVisibility.Private);
        await owner.AddToSpaceAsync(space, member);

        Assert.Equal(MembershipStatus.Pending, await applicant.JoinAsync(space));
        Assert.Equal(MembershipStatus.Pending, await applicant.JoinAsync(space));

        Assert.Contains(await owner.GetAsync<List<SpaceMemberView>>($"/api/v1/spaces/{space.Id}/members"), m => m.PersonId == applicant.Id && m.Status == MembershipStatus.Pending);
        Assert.DoesNotContain(await member.GetAsync<List<SpaceMemberView>>($"/api/v1/spaces/{space.Id}/members"), m => m.PersonId == applicant.Id);
        Assert.Equal(2, (await member.GetAsync<SpaceSummary>($"/api/v1/spaces/{space.Id}")).MemberCount);

        // A plain member cannot approve; the owner can.
        await member.Http.PutAsync($"/api/v1/spaces/{space.Id}/members/{applicant.Id}", null)
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden, "space.moderator-required");
        Assert.Equal(MembershipStatus.Pending, (await applicant.GetAsync<SpaceSummary>($"/api/v1/spaces/{space.Id}")).MyStatus);
        await owner.AddToSpaceAsync(space, applicant);
        Assert.Equal(MembershipStatus.Active, (await applicant.GetAsync<SpaceSummary>($"/api/v1/spaces/{space.Id}")).MyStatus);
    }

    [Fact]
    public async Task The_member_list_of_a_private_or_secret_space_is_for_members_only()
    {
        var owner = await NewPersonAsync("Owner");
        var outsider = await NewPersonAsync("Outsider");
        var closed = await owner.CreateSpaceAsync("Privé", SpaceVisibility.Private);
        var secret = await owner.CreateSpaceAsync("Secret", SpaceVisibility.Secret);
        var open = await owner.CreateSpaceAsync("Ouvert");

        await outsider.Http.GetAsync($"/api/v1/spaces/{closed.Id}/members").ShouldBeProblemAsync(HttpStatusCode.Forbidden, "space.members-only");
        await outsider.Http.GetAsync($"/api/v1/spaces/{secret.Id}/members").ShouldBeProblemAsync(HttpStatusCode.NotFound, "space.not-found");
        Assert.Single(await outsider.GetAsync<List<SpaceMemberView>>($"/api/v1/spaces/{open.Id}/members"));

        // A pending request is not membership.
        await outsider.JoinAsync(closed);
        await outsider.Http.GetAsync($"/api/v1/spaces/{closed.Id}/members").ShouldBeProblemAsync(HttpStatusCode.Forbidden, "space.members-only");
    }

    [Fact]
    public async Task Secret_spaces_cannot_be_joined_only_added_to()
    {
        var owner = await NewPersonAsync("Owner");
        var outsider = await NewPersonAsync("Outsider");
        var secret = await owner.CreateSpaceAsync("Secret", SpaceVisibility.Secret);

        await outsider.Http.PostAsync($"/api/v1/spaces/{secret.Id}/join", null).ShouldBeProblemAsync(HttpStatusCode.NotFound, "space.not-found");
        await outsider.Http.PutAsync($"/api/v1/spaces/{secret.Id}/follow", null).ShouldBeProblemAsync(HttpStatusCode.NotFound, "space.not-found");
        await outsider.Http.PutAsync($"/api/v1/spaces/{secret.Id}/members/{outsider.Id}", null).ShouldBeProblemAsync(HttpStatusCode.NotFound, "space.not-found");

        await owner.AddToSpaceAsync(secret, outsider);
        Assert.True((await outsider.GetAsync<SpaceSummary>($"/api/v1/spaces/{secret.Id}")).IsMember);
    }

    [Fact]
    public async Task The_last_owner_cannot_leave_until_someone_else_owns_the_space()
    {
        var owner = await NewPersonAsync("Owner");
        var member = await NewPersonAsync("Member");
        var space = await owner.CreateSpaceAsync("Équipe");
        await member.JoinAsync(space);

        await owner.Http.DeleteAsync($"/api/v1/spaces/{space.Id}/membership").ShouldBeProblemAsync(HttpStatusCode.Conflict, "space.last-owner");
        await owner.Http.PutAsJsonAsync($"/api/v1/spaces/{space.Id}/members/{owner.Id}/role", new { role = SpaceRole.Member }, Actor.Json)
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "space.last-owner");
        await owner.Http.DeleteAsync($"/api/v1/spaces/{space.Id}/members/{owner.Id}").ShouldBeProblemAsync(HttpStatusCode.Conflict, "space.last-owner");
        Assert.Equal(SpaceRole.Owner, (await owner.GetAsync<SpaceSummary>($"/api/v1/spaces/{space.Id}")).MyRole);

        await SetRoleAsync(owner, space, member, SpaceRole.Owner);
        Assert.Equal(HttpStatusCode.NoContent, (await owner.Http.DeleteAsync($"/api/v1/spaces/{space.Id}/membership")).StatusCode);

        var after = await owner.GetAsync<SpaceSummary>($"/api/v1/spaces/{space.Id}");
        Assert.Null(after.MyStatus);
        Assert.Equal(1, after.MemberCount);
        Assert.Equal(SpaceRole.Owner, (await member.GetAsync<SpaceSummary>($"/api/v1/spaces/{space.Id}")).MyRole);
    }

    [Fact]
    public async Task A_member_leaves_and_may_join_again()
    {
        var owner = await NewPersonAsync("Owner");
        var member = await NewPersonAsync("Member");
        var space = await owner.CreateSpaceAsync("Équipe");
        await member.JoinAsync(space);

        Assert.Equal(HttpStatusCode.NoContent, (await member.Http.DeleteAsync($"/api/v1/spaces/{space.Id}/membership")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await member.Http.DeleteAsync($"/api/v1/spaces/{space.Id}/membership")).StatusCode);
        await member.Http.PostAsJsonAsync("/api/v1/posts", new { body = "Encore là ?", spaceId = space.Id }, Actor.Json)
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden, "space.members-only");
        Assert.Equal(MembershipStatus.Active, await member.JoinAsync(space));
    }

    [Fact]
    public async Task Owners_change_roles_and_moderators_cannot()
    {
        var owner = await NewPersonAsync("Owner");
        var moderator = await NewPersonAsync("Moderator");
        var member = await NewPersonAsync("Member");
        var space = await owner.CreateSpaceAsync("Équipe");
        await moderator.JoinAsync(space);
        await member.JoinAsync(space);

        await SetRoleAsync(owner, space, moderator, SpaceRole.Moderator);
        var members = await member.GetAsync<List<SpaceMemberView>>($"/api/v1/spaces/{space.Id}/members");
        Assert.Equal(SpaceRole.Moderator, members.Single(m => m.PersonId == moderator.Id).Role);
        Assert.True((await moderator.GetAsync<SpaceSummary>($"/api/v1/spaces/{space.Id}")).CanModerate);

        await moderator.Http.PutAsJsonAsync($"/api/v1/spaces/{space.Id}/members/{member.Id}/role", new { role = SpaceRole.Moderator }, Actor.Json)
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden, "space.owner-required");
        await moderator.Http.PutAsJsonAsync($"/api/v1/spaces/{space.Id}/members/{moderator.Id}/role", new { role = SpaceRole.Owner }, Actor.Json)
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden, "space.owner-required");
        await member.Http.PutAsJsonAsync($"/api/v1/spaces/{space.Id}/members/{member.Id}/role", new { role = SpaceRole.Owner }, Actor.Json)
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden, "space.moderator-required");

        var roles = (await owner.GetAsync<List<SpaceMemberView>>($"/api/v1/spaces/{space.Id}/members")).ToDictionary(m => m.PersonId, m => m.Role);
        Assert.Equal(SpaceRole.Owner, roles[owner.Id]);
        Assert.Equal(SpaceRole.Moderator, roles[moderator.Id]);
        Assert.Equal(SpaceRole.Member, roles[member.Id]);

        // Demoted, the moderator loses moderation at once.
        await SetRoleAsync(owner, space, moderator, SpaceRole.Member);
        await moderator.Http.PutAsync($"/api/v1/spaces/{space.Id}/members/{member.Id}", null)
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden, "space.moderator-required");
    }

    [Fact]
    public async Task Roles_are_given_to_active_members_only()
    {
        var owner = await NewPersonAsync("Owner");
        var applicant = await NewPersonAsync("Applicant");
        var stranger = await NewPersonAsync("Stranger");
        var space = await owner.CreateSpaceAsync("Privé", SpaceVisibility.Private);
        await applicant.JoinAsync(space);

        await owner.Http.PutAsJsonAsync($"/api/v1/spaces/{space.Id}/members/{applicant.Id}/role", new { role = SpaceRole.Owner }, Actor.Json)
            .ShouldBeProblemAsync(HttpStatusCode.NotFound, "space.member-not-found");
        await owner.Http.PutAsJsonAsync($"/api/v1/spaces/{space.Id}/members/{stranger.Id}/role", new { role = SpaceRole.Moderator }, Actor.Json)
            .ShouldBeProblemAsync(HttpStatusCode.NotFound, "space.member-not-found");
        var seen = await applicant.GetAsync<SpaceSummary>($"/api/v1/spaces/{space.Id}");
        Assert.Equal(SpaceRole.Member, seen.MyRole);
        Assert.Equal(MembershipStatus.Pending, seen.MyStatus);
    }

    [Fact]
    public async Task A_moderator_removes_members_but_not_owners()
    {
        var owner = await NewPersonAsync("Owner");
        var moderator = await NewPersonAsync("Moderator");
        var member = await NewPersonAsync("Member");
        var space = await owner.CreateSpaceAsync("Équipe", SpaceVisibility.Private);
        await owner.AddToSpaceAsync(space, moderator);
        await owner.AddToSpaceAsync(space, member);
        await SetRoleAsync(owner, space, moderator, SpaceRole.Moderator);

        await moderator.Http.DeleteAsync($"/api/v1/spaces/{space.Id}/members/{owner.Id}").ShouldBeProblemAsync(HttpStatusCode.Forbidden, "space.owner-protected");
        await member.Http.DeleteAsync($"/api/v1/spaces/{space.Id}/members/{moderator.Id}").ShouldBeProblemAsync(HttpStatusCode.Forbidden, "space.moderator-required");
        Assert.Equal(SpaceRole.Owner, (await owner.GetAsync<SpaceSummary>($"/api/v1/spaces/{space.Id}")).MyRole);
        Assert.True((await moderator.GetAsync<SpaceSummary>($"/api/v1/spaces/{space.Id}")).IsMember);

        Assert.Equal(HttpStatusCode.NoContent, (await moderator.Http.DeleteAsync($"/api/v1/spaces/{space.Id}/members/{member.Id}")).StatusCode);
        Assert.False((await member.GetAsync<SpaceSummary>($"/api/v1/spaces/{space.Id}")).IsMember);
        await moderator.Http.DeleteAsync($"/api/v1/spaces/{space.Id}/members/{member.Id}").ShouldBeProblemAsync(HttpStatusCode.NotFound, "space.member-not-found");
    }

    [Fact]
    public async Task Adding_an_unknown_person_is_not_found()
    {
        var owner = await NewPersonAsync("Owner");
        var space = await owner.CreateSpaceAsync("Équipe");

        await owner.Http.PutAsync($"/api/v1/spaces/{space.Id}/members/987654321", null).ShouldBeProblemAsync(HttpStatusCode.NotFound, "person.not-found");
        Assert.Equal(1, (await owner.GetAsync<SpaceSummary>($"/api/v1/spaces/{space.Id}")).MemberCount);
    }

    [Fact]
    public async Task Following_a_space_brings_its_posts_home_without_joining()
    {
        var owner = await NewPersonAsync("Owner");
        var follower = await NewPersonAsync("Follower");
        var open = await owner.CreateSpaceAsync("Ouvert");
        var closed = await owner.CreateSpaceAsync("Privé", SpaceVisibility.Private);
        var post = await owner.PostAsync("Nouvelles", open);

        Assert.DoesNotContain((await follower.HomeAsync()).Items, p => p.Id == post.Id);
        Assert.Equal(HttpStatusCode.NoContent, (await follower.Http.PutAsync($"/api/v1/spaces/{open.Id}/follow", null)).StatusCode);
        Assert.Contains((await follower.HomeAsync()).Items, p => p.Id == post.Id);
        Assert.False((await follower.GetAsync<SpaceSummary>($"/api/v1/spaces/{open.Id}")).IsMember);

        await follower.Http.PutAsync($"/api/v1/spaces/{closed.Id}/follow", null).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "space.members-only");

        Assert.Equal(HttpStatusCode.NoContent, (await follower.Http.DeleteAsync($"/api/v1/spaces/{open.Id}/follow")).StatusCode);
        Assert.DoesNotContain((await follower.HomeAsync()).Items, p => p.Id == post.Id);
    }

    private static async Task SetRoleAsync(Actor owner, SpaceSummary space, Actor person, SpaceRole role) =>
        await Actor.ExpectAsync(
            await owner.Http.PutAsJsonAsync($"/api/v1/spaces/{space.Id}/members/{person.Id}/role", new { role }, Actor.Json),
            HttpStatusCode.NoContent);
}

public sealed class SpaceTestsOnSqlite(SqliteApp app) : SpaceTests(app), IClassFixture<SqliteApp>;

public sealed class SpaceTestsOnPostgres(PostgresApp app) : SpaceTests(app), IClassFixture<PostgresApp>;
