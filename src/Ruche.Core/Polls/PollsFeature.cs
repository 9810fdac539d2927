using Microsoft.Extensions.DependencyInjection;
using Ruche.Core.Ballots;
using Ruche.Core.Notifications;
using Ruche.Core.PersonalData;

namespace Ruche.Core.Polls;

public static class PollsFeature
{
    /// <summary>
    /// Polls in posts: their services, the ballot counter of anonymous polls, the closing notification (about the post),
    /// export and disclosure. No subject kind of their own: a poll is read by its post's rule (<see cref="PollQueries"/>).
    /// </summary>
    public static IServiceCollection AddPolls(this IServiceCollection services)
    {
        services.AddScoped<PollService>();
        services.AddScoped<PollsLive>();
        services.AddScoped<PollReader>();
        services.AddScoped<PollClosing>();
        services.AddScoped<IBallotCounter, PollCounter>();
        services.AddNotificationKinds(PollNotifications.All);
        services.AddScoped<IDisclosureSource, PollsDisclosure>();
        services.AddScoped<IPersonalDataSource, PollsPersonalData>();
        return services;
    }
}
