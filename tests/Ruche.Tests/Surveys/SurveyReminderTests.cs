using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Ruche.Core.Common;
using Ruche.Core.Surveys;
using Ruche.Tests.Goals;
using Ruche.Tests.Infrastructure;
using Ruche.Tests.Notifications;

namespace Ruche.Tests.Surveys;

/// <summary>
/// Survey reminders: 48 hours before a round closes, the people it asks who have not answered (read from the ballot
/// box's participation, never the answers) are reminded once; those who answered, those it does not ask and HR get
/// nothing, and nothing HR reads changes.
/// </summary>
public abstract class SurveyReminderTests(RucheApp app) : ProviderTests(app)
{
    [Fact]
    public async Task Only_those_asked_who_have_not_answered_are_reminded_once_and_hr_learns_nothing()
    {
        var hr = await NewPersonAsync("HR", "Europe/Paris", RoleNames.HumanResources);
        var department = await App.DepartmentAsync("Logistique");
        var staff = await App.StaffAsync(department, 3, "Asked");
        var outsider = await NewPersonAsync("Not Asked");
        var survey = await hr.CreateSurveyAsync(everyone: false, departments: [department]);
        var round = await hr.OpenSurveyAsync(survey);
        await staff[0].AnswerAsync(await staff[0].SurveyAsync(survey), 4);

        // A week left: nothing yet.
        await SendDueAsync();
        Assert.Empty(Reminders(staff[1], await staff[1].NotificationsAsync()));

        await App.InDatabaseAsync(db => db.Set<SurveyRound>().Where(r => r.Id == round)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.ClosesAt, TimeProvider.System.GetUtcNow().UtcDateTime.AddHours(30))));
        var hrBefore = await hr.Http.GetStringAsync($"/api/v1/surveys/{survey}");
        await SendDueAsync();
        await SendDueAsync();

        Assert.Empty(Reminders(staff[0], await staff[0].NotificationsAsync()));
        Assert.Single(Reminders(staff[1], await staff[1].NotificationsAsync()));
        Assert.Single(Reminders(staff[2], await staff[2].NotificationsAsync()));
        Assert.Empty(Reminders(outsider, await outsider.NotificationsAsync()));
        Assert.Empty(Reminders(hr, await hr.NotificationsAsync()));
        Assert.Equal(hrBefore, await hr.Http.GetStringAsync($"/api/v1/surveys/{survey}"));

        // Answering after the reminder is still one answer; no second reminder for the round.
        await staff[1].AnswerAsync(await staff[1].SurveyAsync(survey), 3);
        await SendDueAsync();
        Assert.Single(Reminders(staff[2], await staff[2].NotificationsAsync()));
        Assert.NotNull(await App.InDatabaseAsync(db => db.Set<SurveyRound>().Where(r => r.Id == round).Select(r => r.RemindedAt).SingleAsync()));
    }

    private static IReadOnlyList<object> Reminders(Actor person, IEnumerable<Core.Notifications.NotificationView> notifications) =>
        [.. notifications.Where(n => n.Kind == SurveyNotifications.Reminder.Name && n.SubjectId == person.Id)];

    private async Task SendDueAsync()
    {
        await using var scope = App.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<SurveyReminders>().SendDueAsync(CancellationToken.None);
    }
}

public sealed class SurveyReminderTestsOnSqlite(SqliteApp app) : SurveyReminderTests(app), IClassFixture<SqliteApp>;

public sealed class SurveyReminderTestsOnPostgres(PostgresApp app) : SurveyReminderTests(app), IClassFixture<PostgresApp>;
