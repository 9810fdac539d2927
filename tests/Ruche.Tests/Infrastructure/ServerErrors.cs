using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Ruche.Tests.Infrastructure;

/// <summary>
/// The errors the servers under test logged, newest last, so a test that meets a 500 can say which exception caused it
/// (the page itself only shows a reference). Shared by every fixture: the tests of one assembly run in one process.
/// </summary>
public sealed class ServerErrors : ILoggerProvider
{
    private const int Kept = 20;

    private static readonly ConcurrentQueue<string> Recent = new();

    /// <summary>The last errors logged, each with its exception.</summary>
    public static IReadOnlyList<string> Latest(int count) => Recent.TakeLast(count).ToList();

    public ILogger CreateLogger(string categoryName) => new Recorder(categoryName);

    public void Dispose()
    {
    }

    private sealed class Recorder(string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel))
            {
                return;
            }

            Recent.Enqueue($"{category}: {formatter(state, exception)}\n{exception}");
            while (Recent.Count > Kept && Recent.TryDequeue(out _))
            {
            }
        }
    }
}
