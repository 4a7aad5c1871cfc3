namespace Wharf.Daemon.Hosting;

/// <summary>
/// The daemon's logging: one line per entry on stderr (<c>2026-01-02T03:04:05.678Z info: Category[0] text</c>), at a
/// minimum level, with ASP.NET Core's own categories held to Information (debug) or Warning. Synchronous and lock-guarded:
/// a daemon logs little, and this avoids the console logger's options, configuration and queue thread.
/// </summary>
public sealed class StderrLoggerFactory(LogLevel minimum, TextWriter? output = null) : ILoggerFactory
{
    private readonly TextWriter _output = output ?? CreateStderr();
    private readonly object _gate = new();

    /// <summary>The level below which nothing is written.</summary>
    public LogLevel Minimum => minimum;

    /// <inheritdoc/>
    public ILogger CreateLogger(string categoryName)
    {
        var level = minimum;
        if (categoryName.StartsWith("Microsoft", StringComparison.Ordinal))
        {
            level = (LogLevel)Math.Max((int)level, (int)(minimum <= LogLevel.Debug ? LogLevel.Information : LogLevel.Warning));
        }
        return new StderrLogger(this, categoryName, level);
    }

    /// <summary>Providers are not supported: everything goes to stderr.</summary>
    public void AddProvider(ILoggerProvider provider) => throw new NotSupportedException("the daemon logs to stderr only");

    /// <summary>Flushes the output.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            _output.Flush();
        }
    }

    internal void Write(LogLevel level, string category, EventId eventId, string message, Exception? exception)
    {
        var line = $"{DateTime.UtcNow:yyyy-MM-ddTHH:mm:ss.fffZ} {LevelText(level)}: {category}[{eventId.Id}] {message}";
        if (exception is not null)
        {
            line += " " + exception.ToString().ReplaceLineEndings(" ");
        }
        lock (_gate)
        {
            _output.WriteLine(line);
        }
    }

    private static string LevelText(LogLevel level) => level switch
    {
        LogLevel.Trace => "trce",
        LogLevel.Debug => "dbug",
        LogLevel.Information => "info",
        LogLevel.Warning => "warn",
        LogLevel.Error => "fail",
        LogLevel.Critical => "crit",
        _ => "none",
    };

    private static StreamWriter CreateStderr() => new(Console.OpenStandardError()) { AutoFlush = true, NewLine = "\n" };
}
