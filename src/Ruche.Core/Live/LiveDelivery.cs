using Microsoft.Extensions.Logging;

namespace Ruche.Core.Live;

/// <summary>
/// Sends a live message after the write it reports has committed: a failure (a backplane down) is logged and never
/// turns a saved change into an error, and a caller that went away does not cancel the message.
/// </summary>
public static partial class LiveDelivery
{
    public static async Task TryAsync(ILogger logger, string what, long id, Func<CancellationToken, Task> send)
    {
        try
        {
            await send(CancellationToken.None);
        }
#pragma warning disable CA1031 // Whatever failed, the change is saved: the live message is best effort.
        catch (Exception failure)
#pragma warning restore CA1031
        {
            LogFailure(logger, failure, what, id);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Live message {What} about {Id} was not sent")]
    private static partial void LogFailure(ILogger logger, Exception failure, string what, long id);
}
