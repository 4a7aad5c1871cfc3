using Wharf.Engine.Containers;

namespace Wharf.Engine.Tests.Containers;

/// <summary>The lifecycle on the vfs (copy) storage driver, whose rootfs is a bind mount rather than an overlay.</summary>
public sealed class VfsContainerServiceTests : IDisposable
{
    private readonly ContainerEnvironment _env = new("vfs");

    public void Dispose() => _env.Dispose();

    [Fact]
    public async Task RunsAndRemovesOnVfs()
    {
        var id = await _env.CreateAsync(["sh", "-c", "echo vfs > /tmp/f; cat /tmp/f"]);
        Assert.Equal("vfs", _env.Service.Get(id).Driver);
        await _env.Service.StartAsync(id);
        Assert.Equal(0, (await _env.Service.WaitAsync(id).WaitAsync(TimeSpan.FromSeconds(30))).StatusCode);
        Assert.Equal("vfs\n", await _env.LogsAsync(id));
        var details = await _env.Service.InspectAsync(id, size: true);
        Assert.True(details.SizeRootFs >= details.SizeRw);
        Assert.True(details.SizeRw > 0);
        await _env.Service.RemoveAsync(id);
        Assert.Null(_env.Store.Get(id));
        Assert.False(Directory.Exists(_env.Service.ContainerDirectory(id)));
    }
}
