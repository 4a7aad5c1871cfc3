using Wharf.Daemon.Tests.Infrastructure;

namespace Wharf.Daemon.Tests.Volumes;

/// <summary>A wharfd of its own for the volume tests (prune must not meet other tests' volumes).</summary>
public sealed class VolumeDaemonFixture : IAsyncLifetime
{
    public DaemonProcess Daemon { get; private set; } = null!;

    public async Task InitializeAsync() => Daemon = await DaemonProcess.StartAsync();

    public async Task DisposeAsync() => await Daemon.DisposeAsync();
}
