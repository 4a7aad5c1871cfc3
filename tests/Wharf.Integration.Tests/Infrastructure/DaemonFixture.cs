namespace Wharf.Integration.Tests.Infrastructure;

/// <summary>One private daemon with busybox:latest imported, shared by the tests of a collection.</summary>
public sealed class DaemonFixture : IAsyncLifetime
{
    private WharfDaemon? _daemon;

    public WharfDaemon Daemon => _daemon ?? throw new InvalidOperationException("daemon not started");

    public async Task InitializeAsync()
    {
        _daemon = await WharfDaemon.StartAsync();
        await _daemon.ImportBusyboxAsync();
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
