using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Ruche.Core.Access;
using Ruche.Core.Data;
using Ruche.Web.Auth;
using Ruche.Web.Hosting;

namespace Ruche.Web.Live;

/// <summary>
/// Keeps open live connections no longer than the sign-in they were opened with. A connection is checked when it
/// opens and then every <see cref="Period"/>: one opened with a cookie ends once its person signs out everywhere (the
/// security stamp changed), is deactivated or erased; one opened with a bearer token ends once the token is revoked
/// or expires. Each node checks its own connections, so this holds with any number of nodes and needs no shared list.
/// </summary>
public sealed class LiveSessions(
    IServiceScopeFactory scopes,
    IOptions<IdentityOptions> identity,
    TimeProvider time,
    ILogger<LiveSessions> logger) : PeriodicWorker(scopes, time, logger)
{
    private readonly ConcurrentDictionary<string, LiveSession> open = new(StringComparer.Ordinal);

    /// <summary>
    /// Registers a new connection and checks it at once, so a reconnection with a stale sign-in ends here; false when
    /// it was ended.
    /// </summary>
    public async Task<bool> OpenedAsync(HubCallerContext context)
    {
        var viewer = context.User?.ToViewer();
        if (viewer is null)
        {
            context.Abort();
            return false;
        }

        var stamp = context.User!.FindFirstValue(identity.Value.ClaimsIdentity.SecurityStampClaimType);
        var bearer = context.User!.Identity?.AuthenticationType == TokenAuthenticationHandler.SchemeName ? BearerSecret(context) : null;
        var session = new LiveSession(context, viewer.PersonId, stamp, bearer);
        open[context.ConnectionId] = session;
        await using var scope = Scopes.CreateAsyncScope();
        return await CheckAsync([session], scope.ServiceProvider, CancellationToken.None) == 0;
    }

    public void Closed(string connectionId) => open.TryRemove(connectionId, out _);

    /// <summary>Checks every connection of this node; returns how many it ended.</summary>
    public async Task<int> CheckAllAsync(CancellationToken cancellationToken)
    {
        await using var scope = Scopes.CreateAsyncScope();
        return await CheckAsync([.. open.Values], scope.ServiceProvider, cancellationToken);
    }

    protected override TimeSpan Period => TimeSpan.FromSeconds(30);

    protected override Task RunAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        CheckAsync([.. open.Values], services, cancellationToken);

    private async Task<int> CheckAsync(IReadOnlyCollection<LiveSession> sessions, IServiceProvider services, CancellationToken cancellationToken)
    {
        if (sessions.Count == 0)
        {
            return 0;
        }

        var db = services.GetRequiredService<RucheDbContext>();
        var personIds = sessions.Select(s => s.PersonId).Distinct().ToList();
        var people = await db.People.Where(p => personIds.Contains(p.Id) && p.IsActive)
            .Select(p => new { p.Id, p.SecurityStamp })
            .ToDictionaryAsync(p => p.Id, p => p.SecurityStamp, cancellationToken);
        var secrets = sessions.Where(s => s.Bearer is not null).Select(s => s.Bearer!).ToList();
        var validSecrets = secrets.Count == 0
            ? new HashSet<string>()
            : await services.GetRequiredService<AccessTokenService>().StillValidAsync(secrets, cancellationToken);

        var ended = 0;
        foreach (var session in sessions)
        {
            var valid = people.TryGetValue(session.PersonId, out var stamp) && (session.Bearer is { } secret
                ? validSecrets.Contains(secret)
                : session.Stamp is not null && string.Equals(session.Stamp, stamp, StringComparison.Ordinal));
            if (!valid)
            {
                open.TryRemove(session.Context.ConnectionId, out _);
                session.Context.Abort();
                ended++;
            }
        }

        return ended;
    }

    private static string? BearerSecret(HubCallerContext context)
    {
        var request = context.GetHttpContext()?.Request;
        string? header = request?.Headers.Authorization;
        if (header is not null && header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return header["Bearer ".Length..].Trim();
        }

        return request?.Query["access_token"].FirstOrDefault();
    }

    /// <param name="Stamp">The security stamp the cookie carried (null for a bearer token).</param>
    /// <param name="Bearer">The token the connection presented, kept in this node's memory only to be checked again.</param>
    private sealed record LiveSession(HubCallerContext Context, long PersonId, string? Stamp, string? Bearer);
}
