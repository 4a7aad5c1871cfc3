using Wharf.Core.Errors;
using Wharf.Engine.Volumes;

namespace Wharf.Engine.Tests.Volumes;

public sealed class VolumeServiceTests : IDisposable
{
    private readonly VolumeTestEnvironment _env = new();

    private VolumeService Volumes => _env.Service;

    public void Dispose() => _env.Dispose();

    [Fact]
    public void Create_Named_MakesDataDirectoryAndRecordsEverything()
    {
        var volume = Volumes.Create(new VolumeCreateOptions
        {
            Name = "data1",
            Labels = new Dictionary<string, string> { ["app"] = "db" },
        });

        Assert.Equal("data1", volume.Name);
        Assert.Equal("local", volume.Driver);
        Assert.Equal(Path.Combine(_env.DataRoot, "volumes", "data1", "_data"), volume.Mountpoint);
        Assert.True(Directory.Exists(volume.Mountpoint));
        Assert.False(volume.Anonymous);
        Assert.Equal("db", volume.Labels["app"]);
        Assert.Empty(volume.Options);
        Assert.InRange(volume.CreatedAt, DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow.AddMinutes(1));

        var inspected = Volumes.Get("data1");
        Assert.Equal(volume.Mountpoint, inspected.Mountpoint);
        Assert.Equal("db", inspected.Labels["app"]);
        Assert.Equal(volume.CreatedAt, inspected.CreatedAt);
    }

    [Fact]
    public void Create_ExistingName_ReturnsTheExistingVolumeUnchanged()
    {
        var first = Volumes.Create(new VolumeCreateOptions { Name = "same", Labels = new Dictionary<string, string> { ["a"] = "1" } });
        File.WriteAllText(Path.Combine(first.Mountpoint, "keep"), "x");

        var second = Volumes.Create(new VolumeCreateOptions { Name = "same", Labels = new Dictionary<string, string> { ["b"] = "2" } });

        Assert.Equal("1", second.Labels["a"]);
        Assert.False(second.Labels.ContainsKey("b"));
        Assert.True(File.Exists(Path.Combine(second.Mountpoint, "keep")));
        Assert.Single(Volumes.List());
    }

    [Fact]
    public void Create_Anonymous_Gets64HexNameAndAnonymousLabel()
    {
        var volume = Volumes.Create(new VolumeCreateOptions());

        Assert.Matches("^[0-9a-f]{64}$", volume.Name);
        Assert.True(volume.Anonymous);
        Assert.Equal("", volume.Labels["com.docker.volume.anonymous"]);
    }

    [Theory]
    [InlineData("foo/bar")]
    [InlineData("a")]
    [InlineData("-dash")]
    [InlineData("has space")]
    public void Create_InvalidName_IsDockersError(string name)
    {
        var e = Assert.Throws<InvalidArgumentException>(() => Volumes.Create(new VolumeCreateOptions { Name = name }));

        Assert.Equal(
            $"create {name}: \"{name}\" includes invalid characters for a local volume name, only \"[a-zA-Z0-9][a-zA-Z0-9_.-]\" are allowed. If you intended to pass a host directory, use absolute path",
            e.Message);
        Assert.Empty(Directory.EnumerateFileSystemEntries(Volumes.VolumesRoot));
    }

    [Fact]
    public void Create_UnknownDriver_IsPluginNotFound()
    {
        var e = Assert.Throws<NotFoundException>(() => Volumes.Create(new VolumeCreateOptions { Name = "v1", Driver = "nfsplugin" }));

        Assert.Equal("create v1: error looking up volume plugin nfsplugin: plugin \"nfsplugin\" not found", e.Message);
        Assert.Empty(Volumes.List());
    }

    [Fact]
    public void Create_BadOptions_AreRejectedWithoutLeavingAnything()
    {
        var unknown = Assert.Throws<InvalidArgumentException>(() => Volumes.Create(new VolumeCreateOptions
        {
            Name = "v1",
            DriverOptions = new Dictionary<string, string> { ["colour"] = "red" },
        }));
        Assert.Equal("create v1: invalid option: \"colour\"", unknown.Message);

        var missing = Assert.Throws<InvalidArgumentException>(() => Volumes.Create(new VolumeCreateOptions
        {
            Name = "v1",
            DriverOptions = new Dictionary<string, string> { ["type"] = "tmpfs" },
        }));
        Assert.Equal("create v1: missing required option: \"device\"", missing.Message);
        Assert.Empty(Volumes.List());
        Assert.Empty(Directory.EnumerateFileSystemEntries(Volumes.VolumesRoot));
    }

    [Fact]
    public void List_FiltersByDanglingNameDriverAndLabel()
    {
        Volumes.Create(new VolumeCreateOptions { Name = "web-data", Labels = new Dictionary<string, string> { ["tier"] = "web" } });
        Volumes.Create(new VolumeCreateOptions { Name = "db-data", Labels = new Dictionary<string, string> { ["tier"] = "db" } });
        Volumes.Create(new VolumeCreateOptions { Name = "cache" });
        Volumes.Acquire("db-data", "c1");

        Assert.Equal(["cache", "db-data", "web-data"], Volumes.List().Select(v => v.Name));
        Assert.Equal(["cache", "web-data"], Volumes.List(new VolumeListFilter { Dangling = true }).Select(v => v.Name));
        Assert.Equal(["db-data"], Volumes.List(new VolumeListFilter { Dangling = false }).Select(v => v.Name));
        Assert.Equal(["db-data", "web-data"], Volumes.List(new VolumeListFilter { Names = ["-data"] }).Select(v => v.Name));
        Assert.Equal(["web-data"], Volumes.List(new VolumeListFilter { Labels = ["tier=web"] }).Select(v => v.Name));
        Assert.Equal(["db-data", "web-data"], Volumes.List(new VolumeListFilter { Labels = ["tier"] }).Select(v => v.Name));
        Assert.Equal(["cache", "web-data"], Volumes.List(new VolumeListFilter { NotLabels = ["tier=db"] }).Select(v => v.Name));
        Assert.Equal(3, Volumes.List(new VolumeListFilter { Drivers = ["local"] }).Count);
        Assert.Empty(Volumes.List(new VolumeListFilter { Drivers = ["other"] }));
    }

    [Fact]
    public void Remove_InUse_IsConflictListingTheContainers_ThenSucceedsAfterRelease()
    {
        var volume = Volumes.Create(new VolumeCreateOptions { Name = "busy" });
        Volumes.Acquire("busy", "aaa111");
        Volumes.Acquire("busy", "bbb222");

        var e = Assert.Throws<ConflictException>(() => Volumes.Remove("busy", force: true));
        Assert.Equal("remove busy: volume is in use - [aaa111, bbb222]", e.Message);
        Assert.Equal(["aaa111", "bbb222"], Volumes.UsedBy("busy"));
        Assert.True(Directory.Exists(volume.Mountpoint));

        Volumes.Release("busy", "aaa111");
        Volumes.Release("busy", "bbb222");
        Volumes.Remove("busy");

        Assert.Null(Volumes.TryGet("busy"));
        Assert.False(Directory.Exists(Path.GetDirectoryName(volume.Mountpoint)));
        Assert.Empty(Directory.EnumerateFileSystemEntries(Volumes.VolumesRoot));
    }

    [Fact]
    public void Remove_Missing_IsNotFoundUnlessForced()
    {
        var e = Assert.Throws<NotFoundException>(() => Volumes.Remove("ghost"));
        Assert.Equal("get ghost: no such volume", e.Message);
        Assert.Equal("get ghost: no such volume", Assert.Throws<NotFoundException>(() => Volumes.Get("ghost")).Message);

        Volumes.Remove("ghost", force: true);
    }

    [Fact]
    public void Prune_RemovesUnusedAnonymousOnly_UnlessAll()
    {
        var anonymous = Volumes.Create(new VolumeCreateOptions());
        File.WriteAllBytes(Path.Combine(anonymous.Mountpoint, "blob"), new byte[5000]);
        var usedAnonymous = Volumes.Create(new VolumeCreateOptions());
        Volumes.Acquire(usedAnonymous.Name, "c1");
        Volumes.Create(new VolumeCreateOptions { Name = "named1", Labels = new Dictionary<string, string> { ["keep"] = "yes" } });
        Volumes.Create(new VolumeCreateOptions { Name = "named2" });

        var first = Volumes.Prune(new VolumePruneOptions());
        Assert.Equal([anonymous.Name], first.Deleted);
        Assert.Equal(5000, first.SpaceReclaimed);

        var labelled = Volumes.Prune(new VolumePruneOptions { All = true, NotLabels = ["keep"] });
        Assert.Equal(["named2"], labelled.Deleted);

        var all = Volumes.Prune(new VolumePruneOptions { All = true });
        Assert.Equal(["named1"], all.Deleted);
        Assert.Equal([usedAnonymous.Name], Volumes.List().Select(v => v.Name));
    }

    [Fact]
    public void References_SurviveARestart_AndRecoverDropsThoseOfGoneContainers()
    {
        Volumes.Create(new VolumeCreateOptions { Name = "kept" });
        Volumes.Acquire("kept", "alive");
        Volumes.Acquire("kept", "dead");

        var restarted = _env.Open();
        Assert.Equal(["alive", "dead"], restarted.UsedBy("kept"));
        Assert.Equal(2, restarted.Usage("kept").RefCount);

        var problems = restarted.Recover(id => id == "alive");

        Assert.Empty(problems);
        Assert.Equal(["alive"], restarted.UsedBy("kept"));
    }

    [Fact]
    public void ReleaseAll_WithRemoveAnonymous_RemovesOnlyUnsharedAnonymousVolumes()
    {
        var mine = Volumes.Create(new VolumeCreateOptions());
        var shared = Volumes.Create(new VolumeCreateOptions());
        Volumes.Create(new VolumeCreateOptions { Name = "named" });
        Volumes.Acquire(mine.Name, "c1");
        Volumes.Acquire(shared.Name, "c1");
        Volumes.Acquire(shared.Name, "c2");
        Volumes.Acquire("named", "c1");

        var removed = Volumes.ReleaseAll("c1", removeAnonymous: true);

        Assert.Equal([mine.Name], removed);
        Assert.Null(Volumes.TryGet(mine.Name));
        Assert.Equal(["c2"], Volumes.UsedBy(shared.Name));
        Assert.Empty(Volumes.UsedBy("named"));
    }

    [Fact]
    public void Usage_ReportsSizeAndRefCount()
    {
        var volume = Volumes.Create(new VolumeCreateOptions { Name = "sized" });
        File.WriteAllBytes(Path.Combine(volume.Mountpoint, "a"), new byte[1234]);
        Directory.CreateDirectory(Path.Combine(volume.Mountpoint, "d"));
        File.WriteAllBytes(Path.Combine(volume.Mountpoint, "d", "b"), new byte[766]);
        Volumes.Acquire("sized", "c1");

        Assert.Equal(new VolumeUsage(2000, 1), Volumes.Usage("sized"));
    }

    [Fact]
    public void ListWithUsage_GivesEveryVolumeItsUsage()
    {
        var a = Volumes.Create(new VolumeCreateOptions { Name = "usage-a" });
        File.WriteAllBytes(Path.Combine(a.Mountpoint, "f"), new byte[10]);
        Volumes.Create(new VolumeCreateOptions { Name = "usage-b" });
        Volumes.Acquire("usage-b", "c1");
        Volumes.Acquire("usage-b", "c2");

        var all = Volumes.ListWithUsage();

        Assert.Equal(["usage-a", "usage-b"], all.Select(x => x.Volume.Name));
        Assert.Equal(new VolumeUsage(10, 0), all[0].Usage);
        Assert.Equal(new VolumeUsage(0, 2), all[1].Usage);
    }

    [Fact]
    public void Recover_DeletesDirectoriesLeftByAnInterruptedRemove()
    {
        var leftover = Path.Combine(Volumes.VolumesRoot, ".removing-old-0123");
        Directory.CreateDirectory(Path.Combine(leftover, "_data", "sub"));
        File.WriteAllText(Path.Combine(leftover, "_data", "sub", "f"), "x");
        Volumes.Create(new VolumeCreateOptions { Name = "stays" });

        Assert.Empty(Volumes.Recover());

        Assert.False(Directory.Exists(leftover));
        Assert.NotNull(Volumes.TryGet("stays"));
        Assert.True(Directory.Exists(Volumes.Get("stays").Mountpoint));
    }
}
