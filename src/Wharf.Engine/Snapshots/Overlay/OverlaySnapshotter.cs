using Wharf.Engine.Layers;
using Wharf.Engine.Metadata;

namespace Wharf.Engine.Snapshots.Overlay;

/// <summary>
/// overlayfs snapshots, as containerd's overlay snapshotter: each snapshot is <c>snapshots/&lt;id&gt;/fs</c> (its own
/// changes) and <c>work</c>; an active snapshot mounts as overlay with its committed ancestors as <c>lowerdir</c>,
/// so unpacked layers are shared by every image and container above them.
/// </summary>
public sealed class OverlaySnapshotter : Snapshotter
{
    /// <summary>Keeps snapshots under <paramref name="root"/> (normally <c>&lt;DataRoot&gt;/snapshots</c>) with metadata in <paramref name="database"/>.</summary>
    public OverlaySnapshotter(string root, MetadataDatabase database) : base(root, database, "overlay")
    {
    }

    /// <inheritdoc />
    public override string Name => "overlay2";

    /// <inheritdoc />
    public override WhiteoutMode WhiteoutMode => WhiteoutMode.Overlay;

    /// <summary>The overlay work directory of snapshot <paramref name="id"/>.</summary>
    private string WorkDirectory(long id) => Path.Combine(SnapshotDirectory(id), "work");

    private protected override void CreateDirectories(SnapshotInfo snapshot, IReadOnlyList<SnapshotInfo> parents)
    {
        Directory.CreateDirectory(SnapshotDirectory(snapshot.Id));
        Directory.CreateDirectory(FsDirectory(snapshot.Id));
        Filesystem.Syscalls.Chmod(FsDirectory(snapshot.Id), 0b111_101_101);
        Directory.CreateDirectory(WorkDirectory(snapshot.Id));
        Filesystem.Syscalls.Chmod(WorkDirectory(snapshot.Id), 0b111_000_000);
    }

    private protected override IReadOnlyList<Mount> BuildMounts(SnapshotInfo snapshot, IReadOnlyList<SnapshotInfo> parents, bool readOnly)
    {
        if (parents.Count == 0)
        {
            return [new Mount("bind", FsDirectory(snapshot.Id), [readOnly ? "ro" : "rw", "rbind"])];
        }
        if (readOnly && parents.Count == 1)
        {
            return [new Mount("bind", FsDirectory(parents[0].Id), ["ro", "rbind"])];
        }
        var lowers = "lowerdir=" + string.Join(':', parents.Select(p => FsDirectory(p.Id)));
        if (readOnly)
        {
            return [new Mount("overlay", "overlay", [lowers])];
        }
        return
        [
            new Mount("overlay", "overlay",
            [
                "index=off",
                $"workdir={WorkDirectory(snapshot.Id)}",
                $"upperdir={FsDirectory(snapshot.Id)}",
                lowers,
            ]),
        ];
    }
}
