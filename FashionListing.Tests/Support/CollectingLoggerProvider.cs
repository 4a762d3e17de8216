using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace FashionListing.Tests.Support;

/// <summary>One message of the app's log, with the category of the logger and the exception written out.</summary>
public sealed record LogEntry(LogLevel Level, string Category, string Message, string Exception);

/// <summary>
/// Keeps every message the app under test logs, from every logger, for tests that check the log and for
/// failures that show what the server said meanwhile.
/// </summary>
public sealed class CollectingLoggerProvider : ILoggerProvider
{
    public ConcurrentQueue<LogEntry> Entries { get; } = new();

    public ILogger CreateLogger(string categoryName) => new CollectingLogger(Entries, categoryName);

    public void Dispose()
    {
    }
}

/// <summary>A logger that adds each message it is given to <paramref name="entries"/>.</summary>
public class CollectingLogger(ConcurrentQueue<LogEntry> entries, string category) : ILogger
{
    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(
        LogLevel logLevel,
        EventId eventId,
        TState state,
        Exception? exception,
        Func<TState, Exception?, string> formatter)
    {
        ArgumentNullException.ThrowIfNull(formatter);
        entries.Enqueue(new LogEntry(logLevel, category, formatter(state, exception), exception?.ToString() ?? ""));
    }
}
