using Ruche.Core.Common;
using Ruche.Core.PersonalData;
using Ruche.Core.Privacy;
using Ruche.Tests.Infrastructure;

namespace Ruche.Tests.Privacy;

public abstract class WhoSeesWhatTests(RucheApp app) : ProviderTests(app)
{
    [Fact]
    public async Task A_person_sees_each_audience_of_their_posts()
    {
        var person = await NewPersonAsync("Writer");
        var colleague = await NewPersonAsync("Colleague");
        var secret = await person.CreateSpaceAsync("Comité", SpaceVisibility.Secret);
        await person.AddToSpaceAsync(secret, colleague);
        await person.PostAsync("Pour tous");
        await person.PostAsync("Pour le comité", secret);
        await person.PostAsync("Encore pour le comité", secret);
        await colleague.PostAsync("Pas à moi", secret);

        var items = await person.GetAsync<List<Disclosure>>("/api/v1/me/visibility");

        Assert.Contains(items, i => i.What == "posts" && i.Audience == Audiences.Everyone && i.Count == 1);
        Assert.Contains(items, i => i.What == "posts" && i.Audience == Audiences.SpaceMembers && i.SpaceName == "Comité" && i.Count == 2 && i.AudienceSize == 2);
        Assert.Contains(items, i => i.What == "profile" && i.Audience == Audiences.Everyone);
        Assert.Contains(items, i => i.What == "following" && i.Audience == Audiences.OnlyYou);
        Assert.Contains(items, i => i.What == "security-events" && i.Audience == Audiences.Administrators);
        Assert.Contains(items, i => i.What == "notifications" && i.Audience == Audiences.OnlyYou);
        Assert.Contains(items, i => i.What == "presence" && i.Audience == Audiences.Everyone);
        Assert.Contains(items, i => i.What == "events" && i.Audience == Audiences.ReadersOfTheEvent);
        Assert.Contains(items, i => i.What == "calendar-feed" && i.Audience == Audiences.OnlyYou);
    }
}

public sealed class WhoSeesWhatTestsOnSqlite(SqliteApp app) : WhoSeesWhatTests(app), IClassFixture<SqliteApp>;

public sealed class WhoSeesWhatTestsOnPostgres(PostgresApp app) : WhoSeesWhatTests(app), IClassFixture<PostgresApp>;
