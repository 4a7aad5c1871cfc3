namespace Wharf.Integration.Tests.Infrastructure;

/// <summary>One private daemon with busybox:latest imported, shared by the tests of a collection.</summary>
public sealed class DaemonFixture : IAsyncLifetime
{
    private WharfDaemon? _daemon;

    public WharfDaemon Daemon => _daemon ?? throw new InvalidOperationException("daemon not started");

    public async Task InitializeAsync()
    {
        _daemon = await WharfDaemon.StartAsync();
        try
        {
            await _daemon.ImportBusyboxAsync();
        }
        catch
        {
            // xunit does not dispose a fixture whose initialisation failed: take the daemon down here.
            await _daemon.DisposeAsync();
            _daemon = null;
            throw;
        }
    }

    public async Task DisposeAsync()
    {
        if (_daemon is not null)
        {
            await _daemon.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class DaemonCollection : ICollectionFixture<DaemonFixture>
{
    public const string Name = "daemon";
}
