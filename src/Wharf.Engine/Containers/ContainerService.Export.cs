using Wharf.Engine.Layers;

namespace Wharf.Engine.Containers;

public sealed partial class ContainerService
{
    /// <summary>Writes a tar of the container's whole filesystem (image + changes) to <paramref name="output"/>, mounting the rootfs for the time of the export when it is not running.</summary>
    public async Task ExportAsync(string nameOrId, Stream output, CancellationToken ct = default)
    {
        var container = _store.Resolve(nameOrId);
        var rootfs = RootfsDirectory(container.Id);
        if (container.State.Running && RootfsMounter.IsMounted(rootfs))
        {
            await DirectoryArchiver.WriteAsync(rootfs, output, null, ct).ConfigureAwait(false);
            return;
        }
        // A stopped container's rootfs is mounted only for the export; the lock keeps a start from racing the unmount.
        using (await LockAsync(container.Id, ct).ConfigureAwait(false))
        {
            var mountedHere = !RootfsMounter.IsMounted(rootfs);
            if (mountedHere)
            {
                RootfsMounter.Mount(_snapshotter.Mounts(container.Id), rootfs);
            }
            try
            {
                await DirectoryArchiver.WriteAsync(rootfs, output, null, ct).ConfigureAwait(false);
            }
            finally
            {
                if (mountedHere)
                {
                    TryUnmount(container.Id);
                }
            }
        }
    }
}
