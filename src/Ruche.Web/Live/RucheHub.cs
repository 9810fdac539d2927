using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using Ruche.Core.Common;
using Ruche.Core.Feeds;
using Ruche.Core.Live;
using Ruche.Web.Auth;
using Ruche.Web.Hosting;

namespace Ruche.Web.Live;

/// <summary>
/// The live channel at <c>/hub</c>: pages connect with their sign-in cookie, API clients with a bearer token. It
/// mostly listens: the one call a client makes is <see cref="CatchUp"/>, after each (re)connection. A connection joins
/// its person's group and the company-wide group; what a private or secret space says goes to its members' person
/// groups (see <see cref="LiveEvents"/>), so a connection holds no space membership that could outlive the real one.
/// </summary>
[Authorize(Policy = RucheServices.LivePolicy)]
public sealed class RucheHub(LiveCatchUp catchUp, LiveSessions sessions) : Hub<IRucheClient>
{
    /// <summary>The present state of what the caller's page shows, read by the page's rules (see <see cref="LiveCatchUp"/>).</summary>
    public async Task<CatchUpView> CatchUp(CatchUpRequest request)
    {
        var viewer = Context.User?.ToViewer() ?? throw new HubException("Sign in first.");
        try
        {
            return await catchUp.ReadAsync(viewer, request, Context.ConnectionAborted);
        }
        catch (RucheException refused)
        {
            throw new HubException(refused.Code);
        }
    }

    public override async Task OnConnectedAsync()
    {
        var viewer = Context.User?.ToViewer() ?? throw new HubException("Sign in first.");
        if (!await sessions.OpenedAsync(Context))
        {
            return;
        }

        await Groups.AddToGroupAsync(Context.ConnectionId, LiveGroups.Person(viewer.PersonId), Context.ConnectionAborted);
        await Groups.AddToGroupAsync(Context.ConnectionId, LiveGroups.Company, Context.ConnectionAborted);
        await base.OnConnectedAsync();
        await Clients.Caller.Listening();
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        sessions.Closed(Context.ConnectionId);
        return base.OnDisconnectedAsync(exception);
    }
}

/// <summary>The hub's groups: one per person, one for the whole company.</summary>
public static class LiveGroups
{
    public const string Company = "company";

    public static string Person(long personId) => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"person:{personId}");
}

/// <summary>Core's <see cref="ILiveChannel"/> over the hub context: works on every node through the backplane.</summary>
public sealed class HubLiveChannel(IHubContext<RucheHub, IRucheClient> hub) : ILiveChannel
{
    public TClient Company<TClient>()
        where TClient : class => As<TClient>(hub.Clients.Group(LiveGroups.Company));

    public TClient People<TClient>(IReadOnlyCollection<long> personIds)
        where TClient : class => As<TClient>(hub.Clients.Groups(personIds.Distinct().Select(LiveGroups.Person).ToList()));

    private static TClient As<TClient>(IRucheClient client)
        where TClient : class =>
        client as TClient ?? throw new InvalidOperationException($"{typeof(TClient).Name} is not among the hub's messages: add it to IRucheClient.");
}
