using System.Text;
using Wharf.Core.Errors;
using Wharf.Engine.Filesystem;
using Wharf.Engine.Volumes;

namespace Wharf.Engine.Tests.Volumes;

/// <summary>Volumes with driver options: real tmpfs and bind mounts, made by the first user and undone by the last.</summary>
public sealed class VolumeMountTests : IDisposable
{
    private readonly VolumeTestEnvironment _env = new();

    private VolumeService Volumes => _env.Service;

    public void Dispose() => _env.Dispose();

    [Fact]
    public void Tmpfs_IsMountedWhileUsed_AndUnmountedByTheLastUser()
    {
        var volume = Volumes.Create(new VolumeCreateOptions
        {
            Name = "scratch",
            DriverOptions = new Dictionary<string, string> { ["type"] = "tmpfs", ["device"] = "tmpfs", ["o"] = "size=1m,uid=1000" },
        });
        Assert.Null(VolumeTestEnvironment.MountType(volume.Mountpoint));
        Assert.Equal("size=1m,uid=1000", volume.Options["o"]);

        var path = Volumes.Mount("scratch", "c1");
        Assert.Equal(volume.Mountpoint, path);
        Assert.Equal("tmpfs", VolumeTestEnvironment.MountType(path));
        Assert.Equal(1000u, Syscalls.LStat(path).Uid);
        File.WriteAllText(Path.Combine(path, "f"), "hello");

        Assert.Equal(path, Volumes.Mount("scratch", "c2"));
        Assert.True(File.Exists(Path.Combine(path, "f")), "a second user shares the mounted tmpfs");

        Volumes.Unmount("scratch", "c1");
        Assert.Equal("tmpfs", VolumeTestEnvironment.MountType(path));
        Assert.Equal(["c1", "c2"], Volumes.UsedBy("scratch"));

        Volumes.Unmount("scratch", "c2");
        Assert.Null(VolumeTestEnvironment.MountType(path));
        Assert.False(File.Exists(Path.Combine(path, "f")));

        Volumes.Release("scratch", "c1");
        Volumes.Release("scratch", "c2");
        Volumes.Remove("scratch");
        Assert.Null(Volumes.TryGet("scratch"));
    }

    [Fact]
    public void Bind_MountsTheDevice_AndRemovingTheVolumeKeepsTheDeviceContent()
    {
        var device = _env.Root.Sub("device");
        File.WriteAllText(Path.Combine(device, "existing"), "from host");
        var volume = Volumes.Create(new VolumeCreateOptions
        {
            Name = "hostdir",
            DriverOptions = new Dictionary<string, string> { ["type"] = "none", ["device"] = device, ["o"] = "bind" },
        });

        var path = Volumes.Mount("hostdir", "c1");
        Assert.NotNull(VolumeTestEnvironment.MountType(path));
        Assert.Equal("from host", File.ReadAllText(Path.Combine(path, "existing")));
        File.WriteAllText(Path.Combine(path, "written"), "through volume");
        Assert.Equal("through volume", File.ReadAllText(Path.Combine(device, "written")));

        Volumes.Release("hostdir", "c1");
        Assert.Null(VolumeTestEnvironment.MountType(path));
        Volumes.Remove("hostdir");

        Assert.False(Directory.Exists(Path.GetDirectoryName(volume.Mountpoint)));
        Assert.Equal("from host", File.ReadAllText(Path.Combine(device, "existing")));
        Assert.Equal("through volume", File.ReadAllText(Path.Combine(device, "written")));
    }

    [Fact]
    public void Bind_ReadOnlyOption_GivesAReadOnlyMount()
    {
        var device = _env.Root.Sub("rodevice");
        Volumes.Create(new VolumeCreateOptions
        {
            Name = "rovol",
            DriverOptions = new Dictionary<string, string> { ["type"] = "none", ["device"] = device, ["o"] = "bind,ro" },
        });

        var path = Volumes.Mount("rovol", "c1");
        try
        {
            var e = Assert.ThrowsAny<IOException>(() => File.WriteAllText(Path.Combine(path, "x"), "x"));
            Assert.Contains("Read-only", e.Message, StringComparison.OrdinalIgnoreCase);
        }
        finally
        {
            Volumes.Unmount("rovol", "c1");
        }
        Assert.Null(VolumeTestEnvironment.MountType(path));
    }

    [Fact]
    public void Bind_MissingDevice_IsAClearErrorAndRecordsNoUser()
    {
        var missing = Path.Combine(_env.Root.Path, "does-not-exist");
        Volumes.Create(new VolumeCreateOptions
        {
            Name = "broken",
            DriverOptions = new Dictionary<string, string> { ["type"] = "none", ["device"] = missing, ["o"] = "bind" },
        });

        var e = Assert.Throws<WharfException>(() => Volumes.Mount("broken", "c1"));

        Assert.Equal(ErrorKind.Internal, e.Kind);
        Assert.Contains("error while mounting volume", e.Message, StringComparison.Ordinal);
        Assert.Contains(missing, e.Message, StringComparison.Ordinal);
        Assert.Empty(Volumes.UsedBy("broken"));
        Volumes.Remove("broken");
    }

    [Fact]
    public void Recover_UnmountsDevicesNobodyUses()
    {
        var volume = Volumes.Create(new VolumeCreateOptions
        {
            Name = "crashy",
            DriverOptions = new Dictionary<string, string> { ["type"] = "tmpfs", ["device"] = "tmpfs" },
        });
        Volumes.Mount("crashy", "gone-container");
        Assert.Equal("tmpfs", VolumeTestEnvironment.MountType(volume.Mountpoint));

        var restarted = _env.Open();
        var problems = restarted.Recover(_ => false);

        Assert.Empty(problems);
        Assert.Null(VolumeTestEnvironment.MountType(volume.Mountpoint));
        Assert.Empty(restarted.UsedBy("crashy"));
        Assert.Empty(restarted.MountedBy("crashy"));
    }

    [Fact]
    public void CopyUp_CopiesImageContentExactlyIntoAnEmptyVolume_Once()
    {
        var source = _env.Root.Sub("image/var/lib/app");
        File.WriteAllText(Path.Combine(source, "config"), "setting=1");
        Syscalls.LChown(Path.Combine(source, "config"), 1234, 4321);
        Syscalls.Chmod(Path.Combine(source, "config"), 0x1A0); // 0640
        Directory.CreateDirectory(Path.Combine(source, "sub"));
        File.WriteAllText(Path.Combine(source, "sub", "deep"), "deep");
        File.CreateSymbolicLink(Path.Combine(source, "link"), "sub/deep");
        Syscalls.LSetXattr(Path.Combine(source, "config"), "user.wharf", Encoding.UTF8.GetBytes("tagged"));
        Syscalls.LChown(source, 999, 999);
        Syscalls.Chmod(source, 0x1C0); // 0700
        var volume = Volumes.Create(new VolumeCreateOptions());

        Assert.True(Volumes.CopyUp(volume.Name, source));

        var config = Path.Combine(volume.Mountpoint, "config");
        Assert.Equal("setting=1", File.ReadAllText(config));
        var status = Syscalls.LStat(config);
        Assert.Equal((1234u, 4321u, 0x1A0u), (status.Uid, status.Gid, status.Permissions));
        Assert.Equal("tagged", Encoding.UTF8.GetString(Syscalls.LGetXattr(config, "user.wharf")!));
        Assert.Equal("sub/deep", new FileInfo(Path.Combine(volume.Mountpoint, "link")).LinkTarget);
        Assert.Equal("deep", File.ReadAllText(Path.Combine(volume.Mountpoint, "sub", "deep")));
        var root = Syscalls.LStat(volume.Mountpoint);
        Assert.Equal((999u, 0x1C0u), (root.Uid, root.Permissions));

        File.WriteAllText(Path.Combine(source, "later"), "x");
        Assert.False(Volumes.CopyUp(volume.Name, source), "a volume with content is never overwritten");
        Assert.False(File.Exists(Path.Combine(volume.Mountpoint, "later")));
        Assert.False(Volumes.CopyUp(Volumes.Create(new VolumeCreateOptions()).Name, Path.Combine(source, "missing")));
    }

    [Fact]
    public void CopyUp_IntoATmpfsVolume_MountsForTheCopyAndUnmountsAfter()
    {
        var source = _env.Root.Sub("image2/data");
        File.WriteAllText(Path.Combine(source, "seed"), "seed");
        var volume = Volumes.Create(new VolumeCreateOptions
        {
            Name = "tmpseed",
            DriverOptions = new Dictionary<string, string> { ["type"] = "tmpfs", ["device"] = "tmpfs" },
        });
        var path = Volumes.Mount("tmpseed", "c1");
        try
        {
            Assert.True(Volumes.CopyUp("tmpseed", source));
            Assert.Equal("seed", File.ReadAllText(Path.Combine(path, "seed")));
        }
        finally
        {
            Volumes.Release("tmpseed", "c1");
        }
        Assert.Null(VolumeTestEnvironment.MountType(volume.Mountpoint));
    }
    [Fact]
    public void Recover_RemountsTheDeviceOfAVolumeStillInUse()
    {
        var volume = Volumes.Create(new VolumeCreateOptions
        {
            Name = "rebooted",
            DriverOptions = new Dictionary<string, string> { ["type"] = "tmpfs", ["device"] = "tmpfs" },
        });
        Volumes.Mount("rebooted", "running");
        // What a host reboot (or a stray umount) leaves: the record says in use, nothing is mounted.
        Syscalls.Unmount(volume.Mountpoint);
        Assert.Null(VolumeTestEnvironment.MountType(volume.Mountpoint));

        var restarted = _env.Open();
        try
        {
            Assert.Empty(restarted.Recover(id => id == "running"));
            Assert.Equal("tmpfs", VolumeTestEnvironment.MountType(volume.Mountpoint));
        }
        finally
        {
            restarted.Release("rebooted", "running");
        }
        Assert.Null(VolumeTestEnvironment.MountType(volume.Mountpoint));
    }
}
