using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Wharf.Daemon.Hosting;

/// <summary>The Engine API server: Kestrel with its listeners and the request pipeline; start, stop, dispose.</summary>
public sealed class ApiHost : IAsyncDisposable
{
    private readonly KestrelServer _server;
    private readonly ApiApplication _application;
    private readonly IdleMemoryTrimmer _trimmer;

    internal ApiHost(KestrelServer server, ApiApplication application, ILoggerFactory loggerFactory, IdleMemoryTrimmer trimmer)
    {
        _server = server;
        _application = application;
        LoggerFactory = loggerFactory;
        _trimmer = trimmer;
    }

    /// <summary>The daemon's loggers (stderr, one line per entry).</summary>
    public ILoggerFactory LoggerFactory { get; }

    /// <summary>Binds the listeners and starts accepting connections.</summary>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        await _server.StartAsync(_application, cancellationToken).ConfigureAwait(false);
        // Start-up (migrations, recovery, JIT) leaves garbage behind: trim it once the API has been quiet for a while.
        _trimmer.OnRequest();
    }

    /// <summary>Stops accepting, lets running requests finish for up to <paramref name="timeout"/> (default 5 s), then aborts the rest.</summary>
    public async Task StopAsync(TimeSpan? timeout = null)
    {
        using var grace = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(5));
        await _server.StopAsync(grace.Token).ConfigureAwait(false);
    }

    /// <summary>Stops (if still running) and releases the server.</summary>
    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        _trimmer.Dispose();
        _server.Dispose();
        LoggerFactory.Dispose();
    }
}
