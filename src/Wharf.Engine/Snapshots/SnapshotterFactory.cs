using Wharf.Core.Errors;
using Wharf.Engine.Metadata;
using Wharf.Engine.Snapshots.Overlay;
using Wharf.Engine.Snapshots.Vfs;

namespace Wharf.Engine.Snapshots;

/// <summary>Picks the snapshotter named by <see cref="EngineOptions.StorageDriver"/>.</summary>
public static class SnapshotterFactory
{
    /// <summary><c>overlay</c>/<c>overlay2</c> → <see cref="OverlaySnapshotter"/>, <c>vfs</c> → <see cref="VfsSnapshotter"/>, both under <c>&lt;DataRoot&gt;/snapshots</c>.</summary>
    public static Snapshotter Create(EngineOptions options, MetadataDatabase database)
    {
        var root = Path.Combine(options.DataRoot, "snapshots");
        return options.StorageDriver switch
        {
            "" or "overlay" or "overlay2" or "overlayfs" => new OverlaySnapshotter(root, database),
            "vfs" or "native" => new VfsSnapshotter(root, database),
            _ => throw new InvalidArgumentException($"unsupported storage driver: {options.StorageDriver} (supported: overlay2, vfs)"),
        };
    }
}
