using Ruche.Core.Common;
using Ruche.Core.Ideas;
using Ruche.Core.Polls;
using Ruche.Tests.Ideas;
using Ruche.Tests.Infrastructure;

namespace Ruche.Tests.Polls;

/// <summary>
/// Live messages of ideas and polls: a vote or a status change of an idea, a named vote or the closing of a poll reach
/// the readers of a private space's idea or post, and never a connected outsider.
/// </summary>
public abstract class VoiceLiveTests(RucheApp app) : ProviderTests(app)
{
    [Fact]
    public async Task An_idea_vote_reaches_its_readers_and_not_an_outsider()
    {
        var owner = await NewPersonAsync("Owner");
        var member = await NewPersonAsync("Member");
        var outsider = await NewPersonAsync("Outsider");
        var space = await owner.CreateSpaceAsync("Comité live", SpaceVisibility.Private);
        await owner.AddToSpaceAsync(space, member);
        var hidden = await owner.SubmitIdeaAsync("Des casiers au vestiaire", space.Id);
        await using var memberLive = await member.ConnectLiveAsync();
        await using var outsiderLive = await outsider.ConnectLiveAsync();

        await member.VoteAsync(hidden);
        var heard = await memberLive.WaitForAsync<IdeaChangedEvent>(e => e.IdeaId == hidden);
        Assert.Equal((1, "new"), (heard.Votes, heard.Status));

        // A company-wide idea after it: the outsider hears that one, so they would have heard the first by now.
        var open = await outsider.SubmitIdeaAsync("Une fontaine à eau");
        await member.VoteAsync(open);
        await outsiderLive.WaitForAsync<IdeaChangedEvent>(e => e.IdeaId == open);
        Assert.DoesNotContain(outsiderLive.Messages.OfType<IdeaChangedEvent>(), e => e.IdeaId == hidden);
    }

    [Fact]
    public async Task A_named_vote_and_the_closing_of_a_poll_reach_its_readers_and_not_an_outsider()
    {
        var owner = await NewPersonAsync("Owner");
        var member = await NewPersonAsync("Member");
        var outsider = await NewPersonAsync("Outsider");
        var space = await owner.CreateSpaceAsync("Atelier live", SpaceVisibility.Private);
        await owner.AddToSpaceAsync(space, member);
        var poll = await owner.PostPollAsync(["Lundi", "Mardi"], space);
        await using var memberLive = await member.ConnectLiveAsync();
        await using var outsiderLive = await outsider.ConnectLiveAsync();

        await member.VoteAsync(poll, "Mardi");
        Assert.False((await memberLive.WaitForAsync<PollChangedEvent>(e => e.PollId == poll.Id)).Closed);
        await owner.CloseAsync(poll.Id);
        await memberLive.WaitForAsync<PollChangedEvent>(e => e.PollId == poll.Id && e.Closed);

        var open = await outsider.PostPollAsync(["Oui", "Non"]);
        await member.VoteAsync(open, "Oui");
        await outsiderLive.WaitForAsync<PollChangedEvent>(e => e.PollId == open.Id);
        Assert.DoesNotContain(outsiderLive.Messages.OfType<PollChangedEvent>(), e => e.PollId == poll.Id);
    }
}

public sealed class VoiceLiveTestsOnSqlite(SqliteApp app) : VoiceLiveTests(app), IClassFixture<SqliteApp>;

public sealed class VoiceLiveTestsOnPostgres(PostgresApp app) : VoiceLiveTests(app), IClassFixture<PostgresApp>;
