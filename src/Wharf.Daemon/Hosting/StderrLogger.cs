namespace Wharf.Daemon.Hosting;

/// <summary>A logger of <see cref="StderrLoggerFactory"/> for one category.</summary>
internal sealed class StderrLogger(StderrLoggerFactory factory, string category, LogLevel minimum) : ILogger
{
    /// <inheritdoc/>
    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    /// <inheritdoc/>
    public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None && logLevel >= minimum;

    /// <inheritdoc/>
    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (IsEnabled(logLevel))
        {
            factory.Write(logLevel, category, eventId, formatter(state, exception), exception);
        }
    }
}
