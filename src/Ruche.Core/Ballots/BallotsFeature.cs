using Microsoft.Extensions.DependencyInjection;

namespace Ruche.Core.Ballots;

public static class BallotsFeature
{
    /// <summary>The anonymous ballot box; features that collect anonymous ballots register their <see cref="IBallotCounter"/>.</summary>
    public static IServiceCollection AddBallots(this IServiceCollection services) => services.AddScoped<BallotBox>();
}
