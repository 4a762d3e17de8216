using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace FashionListing.Tests.Support;

/// <summary>A logger that keeps every message it is given, for tests that check what the log says.</summary>
public sealed class CapturingLogger<T> : CollectingLogger, ILogger<T>
{
    private readonly ConcurrentQueue<LogEntry> _entries;

    public CapturingLogger()
        : this(new ConcurrentQueue<LogEntry>())
    {
    }

    private CapturingLogger(ConcurrentQueue<LogEntry> entries)
        : base(entries, typeof(T).FullName ?? typeof(T).Name) => _entries = entries;

    /// <summary>The messages logged so far, with their levels, oldest first.</summary>
    public IReadOnlyList<(LogLevel Level, string Message)> Entries => [.. _entries.Select(e => (e.Level, e.Message))];
}
