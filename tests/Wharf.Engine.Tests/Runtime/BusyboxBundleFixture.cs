namespace Wharf.Engine.Tests.Runtime;

/// <summary>One busybox rootfs and private runc/exec root per test class.</summary>
public sealed class BusyboxBundleFixture : IDisposable
{
    public BusyboxBundle Box { get; } = new();

    public void Dispose() => Box.Dispose();
}
