using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Ruche.Tests.Polls;

/// <summary>Every log entry the app writes, with its formatted text and its structured values, for tests that read the logs.</summary>
public sealed class LogCapture : ILoggerProvider
{
    private readonly ConcurrentQueue<CapturedLog> entries = new();

    public IReadOnlyList<CapturedLog> Entries => [.. entries];

    public void Clear() => entries.Clear();

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, entries);

    public void Dispose()
    {
    }

    private sealed class Logger(string category, ConcurrentQueue<CapturedLog> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var values = state is IEnumerable<KeyValuePair<string, object?>> pairs
                ? pairs.Select(p => new KeyValuePair<string, string>(p.Key, Convert.ToString(p.Value, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty)).ToList()
                : [];
            entries.Enqueue(new CapturedLog(category, formatter(state, exception) + (exception is null ? string.Empty : " " + exception), values));
        }
    }
}

/// <param name="Values">The entry's structured values by name (a message template's placeholders).</param>
public sealed record CapturedLog(string Category, string Text, IReadOnlyList<KeyValuePair<string, string>> Values);
