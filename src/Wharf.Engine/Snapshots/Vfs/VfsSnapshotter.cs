using Wharf.Engine.Filesystem;
using Wharf.Engine.Layers;
using Wharf.Engine.Metadata;

namespace Wharf.Engine.Snapshots.Vfs;

/// <summary>
/// The copy driver (Docker's <c>vfs</c>, containerd's <c>native</c>): every snapshot is a full tree; preparing copies
/// the parent's tree (hard links, xattrs, devices, ownership kept) and mounts it with a bind mount. Works on any file system.
/// </summary>
public sealed class VfsSnapshotter : Snapshotter
{
    /// <summary>Keeps snapshots under <paramref name="root"/> (normally <c>&lt;DataRoot&gt;/snapshots</c>) with metadata in <paramref name="database"/>.</summary>
    public VfsSnapshotter(string root, MetadataDatabase database) : base(root, database, "vfs")
    {
    }

    /// <inheritdoc />
    public override string Name => "vfs";

    /// <inheritdoc />
    public override WhiteoutMode WhiteoutMode => WhiteoutMode.Delete;

    private protected override void CreateDirectories(SnapshotInfo snapshot, IReadOnlyList<SnapshotInfo> parents)
    {
        Directory.CreateDirectory(SnapshotDirectory(snapshot.Id));
        var fs = FsDirectory(snapshot.Id);
        if (parents.Count == 0)
        {
            Directory.CreateDirectory(fs);
            Syscalls.Chmod(fs, 0b111_101_101);
            return;
        }
        TreeCopier.Copy(FsDirectory(parents[0].Id), fs);
    }

    private protected override IReadOnlyList<Mount> BuildMounts(SnapshotInfo snapshot, IReadOnlyList<SnapshotInfo> parents, bool readOnly) =>
        [new Mount("bind", FsDirectory(snapshot.Id), [readOnly ? "ro" : "rw", "rbind"])];
}
