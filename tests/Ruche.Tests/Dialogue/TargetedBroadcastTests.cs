using System.Net;
using System.Net.Http.Json;
using Ruche.Core.Dialogue;
using Ruche.Core.People;
using Ruche.Tests.Communication;
using Ruche.Tests.Infrastructure;
using Ruche.Tests.Notifications;
using Ruche.Tests.Polls;

namespace Ruche.Tests.Dialogue;

/// <summary>
/// Union channels apart (broadcasts, polls), each chosen by each employee with immediate effect; broadcasts to an
/// audience (site, department, category, topic) that consent still narrows; polls in union spaces only under the agreement.
/// </summary>
public abstract class TargetedBroadcastTests(RucheApp app) : ProviderTests(app)
{
    private static readonly AgreementTerms Terms = DialogueSteps.OpenTerms with { BroadcastsPerMonth = 20 };

    [Fact]
    public async Task Each_channel_is_chosen_apart_and_a_change_holds_for_the_very_next_broadcast_and_poll()
    {
        var admin = await NewPersonAsync("Admin", roles: "administrator");
        await admin.RecordAgreementAsync(Terms);
        var delegateActor = await NewPersonAsync("Délégué");
        var both = await NewPersonAsync("Accepte tout");
        var broadcastsOnly = await NewPersonAsync("Diffusions seulement");
        var pollsOnly = await NewPersonAsync("Sondages seulement");
        var union = await admin.RecordUnionAsync("Ruche Canaux " + Guid.NewGuid().ToString("N")[..6], delegateActor);
        await both.ChooseBroadcastsAsync(union, accepts: true);
        await both.ChooseAsync(union, "polls", accepts: true);
        await broadcastsOnly.ChooseBroadcastsAsync(union, accepts: true);
        await broadcastsOnly.ChooseAsync(union, "polls", accepts: false);
        await pollsOnly.ChooseAsync(union, "polls", accepts: true);
        await pollsOnly.ChooseBroadcastsAsync(union, accepts: false);
        var mine = await broadcastsOnly.GetAsync<UnionView>($"/api/v1/unions/{union.Id}");
        Assert.True(mine.AcceptsBroadcasts && mine.ChoseBroadcasts && !mine.AcceptsPolls && mine.ChosePolls);

        var space = await delegateActor.SpaceOfAsync(union);
        var poll = await delegateActor.PostPollAsync(["Salaires", "Télétravail"], space, anonymous: true);
        var broadcast = await delegateActor.BroadcastAsync(union, "Assemblée générale");
        Assert.Contains(await both.NotificationsAsync(), n => n.Kind == DialogueNotifications.Poll.Name);
        Assert.Contains(await both.NotificationsAsync(), n => n.Kind == DialogueNotifications.Broadcast.Name && n.SubjectId == broadcast);
        Assert.DoesNotContain(await broadcastsOnly.NotificationsAsync(), n => n.Kind == DialogueNotifications.Poll.Name);
        Assert.Contains(await broadcastsOnly.NotificationsAsync(), n => n.Kind == DialogueNotifications.Broadcast.Name);
        Assert.Contains(await pollsOnly.NotificationsAsync(), n => n.Kind == DialogueNotifications.Poll.Name);
        Assert.DoesNotContain(await pollsOnly.NotificationsAsync(), n => n.Kind == DialogueNotifications.Broadcast.Name);
        Assert.NotNull(poll);

        // Changed their mind: the very next poll reaches them, and refusing broadcasts again stops the next one at once.
        await broadcastsOnly.ChooseAsync(union, "polls", accepts: true);
        await both.ChooseBroadcastsAsync(union, accepts: false);
        await delegateActor.PostPollAsync(["Oui", "Non"], space, anonymous: true);
        var second = await delegateActor.BroadcastAsync(union, "Deuxième diffusion");
        Assert.Single(await broadcastsOnly.NotificationsAsync(), n => n.Kind == DialogueNotifications.Poll.Name);
        Assert.DoesNotContain(await both.NotificationsAsync(), n => n.Kind == DialogueNotifications.Broadcast.Name && n.SubjectId == second);

        // A channel nobody knows is refused, and changes nothing.
        await both.Http.PutAsJsonAsync($"/api/v1/unions/{union.Id}/broadcast-choice", new { accepts = false, channel = "sms" }, Actor.Json)
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "dialogue.channel-invalid");
        Assert.True((await both.GetAsync<UnionView>($"/api/v1/unions/{union.Id}")).AcceptsPolls);
    }

    [Fact]
    public async Task A_broadcast_reaches_its_audience_less_whoever_refused_and_bad_audiences_send_nothing()
    {
        var admin = await NewPersonAsync("Admin", roles: "administrator");
        await admin.RecordAgreementAsync(Terms with { BroadcastsPushedByDefault = true });
        var delegateActor = await NewPersonAsync("Délégué");
        var union = await admin.RecordUnionAsync("Ruche Public " + Guid.NewGuid().ToString("N")[..6], delegateActor);
        var (site, department) = await App.NewSiteAndDepartmentAsync();
        var inTeam = await NewPersonAsync("Dans le service");
        var otherTeam = await NewPersonAsync("Autre service");
        var refusing = await NewPersonAsync("A refusé");
        var worker = await NewPersonAsync("Ouvrier");
        var follower = await NewPersonAsync("Suit le sujet");
        await App.PlaceAsync(inTeam, site, department, JobCategory.Executives);
        await App.PlaceAsync(otherTeam, site, null, JobCategory.Executives);
        await App.PlaceAsync(refusing, site, department, JobCategory.Executives);
        await App.PlaceAsync(worker, site, department, JobCategory.Workers);
        await refusing.ChooseBroadcastsAsync(union, accepts: false);
        var topic = "teletravail" + Guid.NewGuid().ToString("N")[..6];
        await follower.FollowTagAsync(topic);

        var targeted = await SendAsync(delegateActor, union, "Cadres du service", new { siteId = site, departmentId = department, jobCategory = "executives" });
        Assert.Contains(await inTeam.NotificationsAsync(), n => n.Kind == DialogueNotifications.Broadcast.Name && n.SubjectId == targeted);
        foreach (var outside in new[] { otherTeam, refusing, worker, follower })
        {
            Assert.DoesNotContain(await outside.NotificationsAsync(), n => n.Kind == DialogueNotifications.Broadcast.Name && n.SubjectId == targeted);
        }

        var byTopic = await SendAsync(delegateActor, union, "Télétravail", new { topic });
        Assert.Contains(await follower.NotificationsAsync(), n => n.Kind == DialogueNotifications.Broadcast.Name && n.SubjectId == byTopic);
        Assert.DoesNotContain(await inTeam.NotificationsAsync(), n => n.SubjectId == byTopic && n.Kind == DialogueNotifications.Broadcast.Name);

        // The union learns no count under 5: one recipient is no number at all.
        var reach = await delegateActor.GetAsync<UnionReach>($"/api/v1/unions/{union.Id}/reach");
        Assert.Null(reach.Broadcasts.Single(b => b.BroadcastId == targeted).Recipients);

        var before = (await delegateActor.GetAsync<List<BroadcastView>>($"/api/v1/unions/{union.Id}/broadcasts")).Count;
        await Send(delegateActor, union, new { siteId = 987654321 }).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "audience.site-unknown");
        await Send(delegateActor, union, new { departmentId = 987654321 }).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "audience.department-unknown");
        await Send(delegateActor, union, new { topic = "!!" }).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "audience.topic-invalid");
        Assert.Equal(before, (await delegateActor.GetAsync<List<BroadcastView>>($"/api/v1/unions/{union.Id}/broadcasts")).Count);
    }

    [Fact]
    public async Task A_poll_in_a_union_space_is_refused_unless_the_agreement_opens_polls()
    {
        var admin = await NewPersonAsync("Admin", roles: "administrator");
        await admin.RecordAgreementAsync(Terms with { Polls = false });
        var delegateActor = await NewPersonAsync("Délégué");
        var union = await admin.RecordUnionAsync("Ruche Sans Sondage " + Guid.NewGuid().ToString("N")[..6], delegateActor);
        var space = await delegateActor.SpaceOfAsync(union);
        var before = (await delegateActor.SpaceFeedAsync(space)).Items.Count;

        await delegateActor.TryPostPollAsync(new { options = new[] { "Oui", "Non" } }, space).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "dialogue.polls-not-agreed");
        var post = await delegateActor.PostAsync("Permanence jeudi", space);
        await delegateActor.Http.PostAsJsonAsync($"/api/v1/posts/{post.Id}/poll", new { options = new[] { "Oui", "Non" } }, Actor.Json)
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden, "dialogue.polls-not-agreed");
        Assert.Equal(before + 1, (await delegateActor.SpaceFeedAsync(space)).Items.Count);
        Assert.Null((await delegateActor.GetPostAsync(post.Id)).Poll);

        // Elsewhere polls need no agreement; once the agreement opens them, the delegate posts one without anyone's validation.
        Assert.NotNull(await delegateActor.PostPollAsync(["Oui", "Non"]));
        await admin.RecordAgreementAsync(Terms);
        Assert.NotNull(await delegateActor.PostPollAsync(["Oui", "Non"], space, anonymous: true));
    }

    [Fact]
    public async Task A_poll_in_a_union_space_is_anonymous_since_its_voters_names_would_tell_who_takes_part()
    {
        var admin = await NewPersonAsync("Admin", roles: "administrator");
        await admin.RecordAgreementAsync(Terms);
        var delegateActor = await NewPersonAsync("Délégué");
        var union = await admin.RecordUnionAsync("Ruche Vote Secret " + Guid.NewGuid().ToString("N")[..6], delegateActor);
        var space = await delegateActor.SpaceOfAsync(union);
        var before = (await delegateActor.SpaceFeedAsync(space)).Items.Count;

        await delegateActor.TryPostPollAsync(new { options = new[] { "Oui", "Non" }, anonymous = false }, space)
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "dialogue.union-poll-named");
        var post = await delegateActor.PostAsync("Assemblée générale", space);
        await delegateActor.Http.PostAsJsonAsync($"/api/v1/posts/{post.Id}/poll", new { options = new[] { "Oui", "Non" } }, Actor.Json)
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "dialogue.union-poll-named");
        Assert.Equal(before + 1, (await delegateActor.SpaceFeedAsync(space)).Items.Count);
        Assert.Null((await delegateActor.GetPostAsync(post.Id)).Poll);

        var poll = await delegateActor.PostPollAsync(["Oui", "Non"], space, anonymous: true);
        Assert.True(poll.Anonymous);
    }

    private static Task<HttpResponseMessage> Send(Actor delegateActor, UnionView union, object audience) =>
        delegateActor.Http.PostAsJsonAsync($"/api/v1/unions/{union.Id}/broadcasts", new { title = "Tract", body = "Texte", audience }, Actor.Json);

    private static async Task<long> SendAsync(Actor delegateActor, UnionView union, string title, object audience) =>
        (await Actor.ReadAsync<Ruche.Web.Dialogue.CreatedId>(
            await delegateActor.Http.PostAsJsonAsync($"/api/v1/unions/{union.Id}/broadcasts", new { title, body = "Texte", audience }, Actor.Json), HttpStatusCode.Created)).Id;
}

public sealed class TargetedBroadcastTestsOnSqlite(SqliteApp app) : TargetedBroadcastTests(app), IClassFixture<SqliteApp>;

public sealed class TargetedBroadcastTestsOnPostgres(PostgresApp app) : TargetedBroadcastTests(app), IClassFixture<PostgresApp>;
