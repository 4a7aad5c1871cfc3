using Wharf.Core.Errors;
using Wharf.Engine.Filesystem;
using Wharf.Engine.Layers;
using Wharf.Engine.Metadata;
using Wharf.Engine.Snapshots;
using Wharf.Engine.Tests.Filesystem;
using Wharf.Engine.Tests.Layers;

namespace Wharf.Engine.Tests.Snapshots;

/// <summary>The behaviour every snapshotter must have, checked with real mounts.</summary>
public abstract class SnapshotterConformanceTests : IDisposable
{
    private readonly TempDirectory _temp = new("wharf-snap-test");
    private readonly MetadataDatabase _database;

    protected SnapshotterConformanceTests()
    {
        _database = new MetadataDatabase(Path.Combine(_temp.Path, "wharf.db"), SnapshotSchema.Migrations);
        Snapshotter = Create(new EngineOptions { DataRoot = _temp.Path, StorageDriver = Driver }, _database);
    }

    protected abstract string Driver { get; }

    protected Snapshotter Snapshotter { get; }

    protected virtual Snapshotter Create(EngineOptions options, MetadataDatabase database) => SnapshotterFactory.Create(options, database);

    public void Dispose()
    {
        _temp.Dispose();
        _database.Dispose();
    }

    private string MountPoint() => _temp.Sub("mnt-" + Guid.NewGuid().ToString("N")[..8]);

    private void WithMount(IReadOnlyList<Mount> mounts, Action<string> action)
    {
        var target = MountPoint();
        Mounter.MountAll(mounts, target);
        try
        {
            action(target);
        }
        finally
        {
            Mounter.UnmountAll(target);
        }
    }

    private void CommitLayer(string name, string? parent, byte[] tar)
    {
        var key = "extract-" + name;
        Snapshotter.Prepare(key, parent);
        LayerApplier.Apply(new MemoryStream(tar), Snapshotter.UpperDirectory(key), Snapshotter.WhiteoutMode, default, Snapshotter.LowerDirectories(key));
        Snapshotter.Commit(name, key);
    }

    [Fact]
    public void ImpliedDirectoriesKeepTheirLowerMetadata()
    {
        CommitLayer("L1", null, new TarBuilder().Dir("tmp/", mode: 0b1_111_111_111, uid: 7, gid: 8).Build());
        CommitLayer("L2", "L1", new TarBuilder().File("tmp/x", "x").Build());
        WithMount(Snapshotter.Prepare("c", "L2"), root =>
        {
            var tmp = Syscalls.LStat(root + "/tmp");
            Assert.Equal(0x3FFu, tmp.Permissions);
            Assert.Equal((7u, 8u), (tmp.Uid, tmp.Gid));
            Assert.True(File.Exists(root + "/tmp/x"));
        });
    }

    [Fact]
    public void PrepareWithoutParentMountsWritableTreeAndCommitRenames()
    {
        var mounts = Snapshotter.Prepare("active", null);
        WithMount(mounts, root => File.WriteAllText(root + "/hello", "world"));
        Assert.Equal("world", File.ReadAllText(Snapshotter.UpperDirectory("active") + "/hello"));
        Snapshotter.Commit("layer1", "active");
        Assert.True(Snapshotter.Exists("layer1"));
        Assert.Null(Snapshotter.Stat("active"));
        Assert.Equal(SnapshotKind.Committed, Snapshotter.Stat("layer1")!.Kind);
        Assert.Equal(5, Snapshotter.Stat("layer1")!.Size);
        Assert.Equal(["layer1"], Snapshotter.List());
    }

    [Fact]
    public void LayersStackWithWhiteoutsAndOpaqueDirectories()
    {
        CommitLayer("L1", null, new TarBuilder()
            .Dir("etc/").File("etc/keep", "k").File("etc/gone", "g")
            .Dir("opt/").File("opt/old", "o").Dir("opt/sub/").File("opt/sub/deep", "d")
            .Build());
        CommitLayer("L2", "L1", new TarBuilder()
            .Whiteout("etc/.wh.gone")
            .Dir("opt/").Whiteout("opt/.wh..wh..opq").File("opt/new", "n")
            .File("etc/added", "a")
            .Build());
        Assert.Equal("L1", Snapshotter.Stat("L2")!.Parent);

        var mounts = Snapshotter.Prepare("container", "L2");
        WithMount(mounts, root =>
        {
            Assert.Equal("k", File.ReadAllText(root + "/etc/keep"));
            Assert.Equal("a", File.ReadAllText(root + "/etc/added"));
            Assert.False(File.Exists(root + "/etc/gone"));
            Assert.Equal(["new"], Directory.GetFileSystemEntries(root + "/opt").Select(Path.GetFileName));
            File.WriteAllText(root + "/etc/keep", "changed");
            File.Delete(root + "/etc/added");
        });
        // The container's changes never reach the committed layers.
        WithMount(Snapshotter.Prepare("other", "L2"), root =>
        {
            Assert.Equal("k", File.ReadAllText(root + "/etc/keep"));
            Assert.True(File.Exists(root + "/etc/added"));
        });
        WithMount(Snapshotter.Mounts("container"), root =>
        {
            Assert.Equal("changed", File.ReadAllText(root + "/etc/keep"));
            Assert.False(File.Exists(root + "/etc/added"));
        });
        Assert.True(Snapshotter.Usage("container") >= "changed".Length);
    }

    [Fact]
    public void ViewIsReadOnly()
    {
        CommitLayer("L1", null, new TarBuilder().File("f", "x").Build());
        WithMount(Snapshotter.View("view", "L1"), root =>
        {
            Assert.Equal("x", File.ReadAllText(root + "/f"));
            Assert.ThrowsAny<Exception>(() => File.WriteAllText(root + "/g", "nope"));
        });
        Snapshotter.Remove("view");
    }

    [Fact]
    public void RemoveRefusesParentsAndDeletesDirectories()
    {
        CommitLayer("L1", null, new TarBuilder().File("f", "x").Build());
        Snapshotter.Prepare("c1", "L1");
        var upper = Snapshotter.UpperDirectory("c1");
        Assert.Throws<ConflictException>(() => Snapshotter.Remove("L1"));
        Snapshotter.Remove("c1");
        Assert.False(Directory.Exists(upper));
        Snapshotter.Remove("L1");
        Assert.Empty(Snapshotter.List());
        Assert.Empty(Directory.GetFileSystemEntries(Snapshotter.Root));
        Assert.Throws<NotFoundException>(() => Snapshotter.Remove("L1"));
    }

    [Fact]
    public void BadPrepareLeavesNothing()
    {
        Assert.Throws<NotFoundException>(() => Snapshotter.Prepare("k", "no-such-parent"));
        Snapshotter.Prepare("k", null);
        Assert.Throws<ConflictException>(() => Snapshotter.Prepare("k", null));
        Assert.Equal(["k"], Snapshotter.List());
        Assert.Single(Directory.GetFileSystemEntries(Snapshotter.Root));
        Assert.Throws<ConflictException>(() => { Snapshotter.Prepare("k2", null); Snapshotter.Commit("k", "k2"); });
    }

    [Fact]
    public void CleanupRemovesOrphanDirectories()
    {
        Snapshotter.Prepare("real", null);
        Directory.CreateDirectory(Path.Combine(Snapshotter.Root, "9999", "fs", "x"));
        Assert.Equal(1, Snapshotter.Cleanup());
        Assert.Single(Directory.GetFileSystemEntries(Snapshotter.Root));
        Assert.NotNull(Snapshotter.Stat("real"));
    }

    [Fact]
    public void MetadataSurvivesReopen()
    {
        CommitLayer("L1", null, new TarBuilder().File("f", "x").Build());
        var again = Create(new EngineOptions { DataRoot = _temp.Path, StorageDriver = Driver }, _database);
        Assert.True(again.Exists("L1"));
        Assert.Equal(Snapshotter.Name, again.Name);
    }
}

public sealed class OverlaySnapshotterConformanceTests : SnapshotterConformanceTests
{
    protected override string Driver => "overlay2";

    [Fact]
    public void OverlayMountListsLowersNearestFirst()
    {
        Snapshotter.Prepare("a", null);
        Snapshotter.Commit("A", "a");
        Snapshotter.Prepare("b", "A");
        Snapshotter.Commit("B", "b");
        var mount = Assert.Single(Snapshotter.Prepare("c", "B"));
        Assert.Equal("overlay", mount.Type);
        var lower = mount.Options.Single(o => o.StartsWith("lowerdir=", StringComparison.Ordinal));
        var ids = lower["lowerdir=".Length..].Split(':').Select(p => Path.GetFileName(Path.GetDirectoryName(p)!)).ToList();
        Assert.Equal([Snapshotter.Stat("B")!.Id.ToString(), Snapshotter.Stat("A")!.Id.ToString()], ids);
        Assert.Contains(mount.Options, o => o == "upperdir=" + Snapshotter.UpperDirectory("c"));
        Assert.Equal("bind", Assert.Single(Snapshotter.Prepare("d", null)).Type);
    }

    [Fact]
    public void DeletingInContainerWritesOverlayWhiteout()
    {
        Snapshotter.Prepare("a", null);
        File.WriteAllText(Snapshotter.UpperDirectory("a") + "/f", "x");
        Snapshotter.Commit("A", "a");
        var mounts = Snapshotter.Prepare("c", "A");
        var target = Path.Combine(Snapshotter.Root, "..", "mnt-c");
        Directory.CreateDirectory(target);
        Mounter.MountAll(mounts, target);
        try
        {
            File.Delete(target + "/f");
        }
        finally
        {
            Mounter.UnmountAll(target);
        }
        Assert.True(Syscalls.LStat(Snapshotter.UpperDirectory("c") + "/f").IsOverlayWhiteout);
    }
}

public sealed class VfsSnapshotterConformanceTests : SnapshotterConformanceTests
{
    protected override string Driver => "vfs";

    [Fact]
    public void PrepareCopiesHardLinksDevicesAndOwnership()
    {
        Snapshotter.Prepare("a", null);
        LayerApplier.Apply(new MemoryStream(new TarBuilder()
            .File("f", "x", uid: 12, gid: 34, pax: new() { ["SCHILY.xattr.user.a"] = "b" })
            .HardLink("g", "f")
            .Device("null", System.Formats.Tar.TarEntryType.CharacterDevice, 1, 3)
            .Build()), Snapshotter.UpperDirectory("a"), WhiteoutMode.Delete);
        Snapshotter.Commit("A", "a");
        Snapshotter.Prepare("c", "A");
        var upper = Snapshotter.UpperDirectory("c");
        var f = Syscalls.LStat(upper + "/f");
        Assert.Equal((12u, 34u), (f.Uid, f.Gid));
        Assert.Equal(f.Inode, Syscalls.LStat(upper + "/g").Inode);
        Assert.Equal("b"u8.ToArray(), Syscalls.LGetXattr(upper + "/f", "user.a"));
        Assert.Equal((1u, 3u), (Syscalls.LStat(upper + "/null").DeviceMajor, Syscalls.LStat(upper + "/null").DeviceMinor));
    }
}
