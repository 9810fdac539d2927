using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.SignalR.Client;
using Ruche.Core.Feeds;
using Ruche.Core.Goals;
using Ruche.Core.Ideas;
using Ruche.Core.Notifications;
using Ruche.Core.Polls;
using Ruche.Core.Posts;
using Ruche.Web.Live;

namespace Ruche.Tests.Infrastructure;

/// <summary>A person's live connection to /hub (WebSockets over the test server, bearer token), recording what it hears.</summary>
public sealed class LiveClient : IAsyncDisposable
{
    private readonly HubConnection connection;
    private readonly List<object> messages = [];
    private readonly Lock gate = new();
    private readonly TaskCompletionSource listening = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource closed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private TaskCompletionSource arrived = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private LiveClient(HubConnection connection)
    {
        this.connection = connection;
        connection.On(nameof(IRucheClient.Listening), () => listening.TrySetResult());
        connection.On<PostPublishedEvent>(nameof(IRucheClient.PostPublished), Record);
        connection.On<CommentsChangedEvent>(nameof(IRucheClient.CommentsChanged), Record);
        connection.On<ReactionsChangedEvent>(nameof(IRucheClient.ReactionsChanged), Record);
        connection.On<NotificationsChangedEvent>(nameof(IRucheClient.NotificationsChanged), Record);
        connection.On<GoalsChangedEvent>(nameof(IRucheClient.GoalsChanged), Record);
        connection.On<IdeaChangedEvent>(nameof(IRucheClient.IdeaChanged), Record);
        connection.On<PollChangedEvent>(nameof(IRucheClient.PollChanged), Record);
        connection.On<Core.Wiki.PageEditingEvent>(nameof(IRucheClient.PageEditing), Record);
        connection.On<Core.Wiki.PageSavedEvent>(nameof(IRucheClient.PageSaved), Record);
        connection.Closed += failure =>
        {
            closed.TrySetResult();
            listening.TrySetException(failure ?? new InvalidOperationException("The server closed the connection."));
            return Task.CompletedTask;
        };
    }

    /// <summary>Completes when the connection ends (the server closed it, or it was disposed).</summary>
    public Task Closed => closed.Task;

    /// <param name="token">A bearer token, as API clients connect.</param>
    /// <param name="cookie">A <c>Cookie</c> header, as pages connect.</param>
    public static async Task<LiveClient> ConnectAsync(WebApplicationFactory<Program> node, string? token, string? cookie = null)
    {
        var server = node.Server;
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(server.BaseAddress, "/hub"), options =>
            {
                options.Transports = HttpTransportType.WebSockets;
                options.SkipNegotiation = true;
                options.WebSocketFactory = async (context, cancellationToken) =>
                {
                    var client = server.CreateWebSocketClient();
                    client.ConfigureRequest = request =>
                    {
                        if (token is not null)
                        {
                            request.Headers.Authorization = "Bearer " + token;
                        }

                        if (cookie is not null)
                        {
                            request.Headers.Cookie = cookie;
                        }
                    };

                    return await client.ConnectAsync(context.Uri, cancellationToken);
                };
            })
            .Build();
        var live = new LiveClient(connection);
        try
        {
            await connection.StartAsync();
            await live.listening.Task.WaitAsync(TimeSpan.FromSeconds(10));
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }

        return live;
    }

    public IReadOnlyList<object> Messages
    {
        get
        {
            lock (gate)
            {
                return [.. messages];
            }
        }
    }

    /// <summary>Every message heard so far that concerns this post.</summary>
    public IReadOnlyList<object> About(long postId) => Messages.Where(m => m switch
    {
        PostPublishedEvent p => p.PostId == postId,
        CommentsChangedEvent c => c.PostId == postId,
        ReactionsChangedEvent r => r.PostId == postId,
        GoalsChangedEvent g => g.PostId == postId,
        _ => false,
    }).ToList();

    /// <summary>The first message of this type that matches, waiting for it at most <paramref name="timeout"/> (5 s by default).</summary>
    public async Task<T> WaitForAsync<T>(Func<T, bool> match, TimeSpan? timeout = null)
    {
        var limit = timeout ?? TimeSpan.FromSeconds(5);
        using var cancellation = new CancellationTokenSource(limit);
        while (true)
        {
            Task next;
            lock (gate)
            {
                if (messages.OfType<T>().FirstOrDefault(match) is { } found)
                {
                    return found;
                }

                next = arrived.Task;
            }

            try
            {
                await next.WaitAsync(cancellation.Token);
            }
            catch (OperationCanceledException)
            {
                Assert.Fail($"No matching {typeof(T).Name} within {limit.TotalSeconds:0.##} s; heard: {string.Join(", ", Messages.Select(Describe))}");
            }
        }
    }

    public Task<PostPublishedEvent> WaitForPostAsync(long postId, TimeSpan? timeout = null) =>
        WaitForAsync<PostPublishedEvent>(p => p.PostId == postId, timeout);

    /// <summary>Asks what the page missed (the hub's one client call), as js/live.js does after each (re)connection.</summary>
    public Task<CatchUpView> CatchUpAsync(CatchUpRequest request) => connection.InvokeAsync<CatchUpView>("CatchUp", request);

    public async ValueTask DisposeAsync() => await connection.DisposeAsync();

    private static string Describe(object message) => message is PostPublishedEvent p
        ? $"PostPublished {{ PostId = {p.PostId}, SpaceId = {p.SpaceId}, Feeds = [{string.Join(", ", p.Feeds)}] }}"
        : message.ToString() ?? string.Empty;

    private void Record<T>(T message)
        where T : notnull
    {
        lock (gate)
        {
            messages.Add(message);
            var pulse = arrived;
            arrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            pulse.SetResult();
        }
    }
}
