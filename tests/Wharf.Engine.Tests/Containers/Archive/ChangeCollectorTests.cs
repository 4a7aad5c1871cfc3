using Wharf.Engine.Containers.Archive;
using Wharf.Engine.Filesystem;
using Wharf.Engine.Layers;
using Wharf.Engine.Tests.Filesystem;

namespace Wharf.Engine.Tests.Containers.Archive;

public sealed class ChangeCollectorTests : IDisposable
{
    private readonly TempDirectory _temp = new("wharf-changes");
    private readonly string _lower;
    private readonly string _upper;

    public ChangeCollectorTests()
    {
        _lower = _temp.Sub("lower");
        _upper = _temp.Sub("upper");
        foreach (var dir in new[] { "/bin", "/etc", "/var/lib", "/opt/app" })
        {
            Directory.CreateDirectory(_lower + dir);
        }
        File.WriteAllText(_lower + "/bin/vi", "vi");
        File.WriteAllText(_lower + "/bin/sh", "sh");
        File.WriteAllText(_lower + "/etc/passwd", "root");
        File.WriteAllText(_lower + "/opt/app/old", "old");
    }

    public void Dispose() => _temp.Dispose();

    private static string Render(IEnumerable<FilesystemChange> changes) => string.Join('\n', changes.Select(c => $"{c.Letter} {c.Path}"));

    [Fact]
    public void OverlayUpperDirectoryGivesDockersChanges()
    {
        Directory.CreateDirectory(_upper + "/bin");
        Syscalls.MakeNode(_upper + "/bin/vi", FileTypes.CharDevice, 0, 0);
        Directory.CreateDirectory(_upper + "/etc");
        File.WriteAllText(_upper + "/etc/passwd", "root\nmore");
        File.WriteAllText(_upper + "/etc/hosts", ""); // a runtime mount point: never a change
        Directory.CreateDirectory(_upper + "/var/lib/new");
        File.WriteAllText(_upper + "/added", "a");
        Directory.CreateDirectory(_upper + "/opt/app");
        Syscalls.LSetXattr(_upper + "/opt/app", LayerApplier.OverlayOpaqueXattr, "y"u8);
        File.WriteAllText(_upper + "/opt/app/fresh", "f");

        var changes = ChangeCollector.FromOverlay(_upper, [_lower]);
        Assert.Equal("""
            A /added
            C /bin
            D /bin/vi
            C /etc
            C /etc/passwd
            C /opt
            C /opt/app
            A /opt/app/fresh
            C /var
            C /var/lib
            A /var/lib/new
            """, Render(changes));
        Assert.True(changes.Single(c => c.Path == "/opt/app").Opaque);
    }

    [Fact]
    public void TreeComparisonGivesTheSameAnswerForFullCopies()
    {
        var container = _temp.Sub("container");
        TreeCopier.Copy(_lower, container);
        File.Delete(container + "/bin/vi");
        File.WriteAllText(container + "/etc/passwd", "root\nmore");
        File.WriteAllText(container + "/etc/hosts", "");
        Directory.CreateDirectory(container + "/var/lib/new");
        File.WriteAllText(container + "/var/lib/new/inside", "i");
        File.WriteAllText(container + "/added", "a");

        Assert.Equal("""
            A /added
            C /bin
            D /bin/vi
            C /etc
            C /etc/passwd
            C /var
            C /var/lib
            A /var/lib/new
            A /var/lib/new/inside
            """, Render(ChangeCollector.FromTrees(container, _lower)));
    }

    [Fact]
    public void ChangesArchiveAppliesBackToTheSameTree()
    {
        var container = _temp.Sub("container");
        TreeCopier.Copy(_lower, container);
        File.Delete(container + "/bin/vi");
        File.WriteAllText(container + "/etc/passwd", "changed");
        Directory.CreateDirectory(container + "/new/dir");
        File.WriteAllText(container + "/new/dir/file", "n");
        var changes = ChangeCollector.FromTrees(container, _lower);

        var layer = new MemoryStream();
        ChangesArchiver.Write(changes, container, layer);
        var target = _temp.Sub("target");
        TreeCopier.Copy(_lower, target);
        layer.Position = 0;
        LayerApplier.Apply(layer, target, WhiteoutMode.Delete);

        Assert.False(File.Exists(target + "/bin/vi"));
        Assert.True(File.Exists(target + "/bin/sh"));
        Assert.Equal("changed", File.ReadAllText(target + "/etc/passwd"));
        Assert.Equal("n", File.ReadAllText(target + "/new/dir/file"));
        Assert.Empty(ChangeCollector.FromTrees(target, container));
    }

    [Fact]
    public void RealOverlayMountRecordsChangesInTheUpperDirectory()
    {
        var work = _temp.Sub("work");
        var merged = _temp.Sub("merged");
        Directory.CreateDirectory(work);
        Directory.CreateDirectory(merged);
        Syscalls.Mount("overlay", merged, "overlay", 0, $"lowerdir={_lower},upperdir={_upper},workdir={work}");
        try
        {
            File.Delete(merged + "/bin/vi");
            File.AppendAllText(merged + "/etc/passwd", "\nuser");
            File.WriteAllText(merged + "/opt/app/new", "n");
        }
        finally
        {
            Syscalls.Unmount(merged);
        }
        Assert.Equal("""
            C /bin
            D /bin/vi
            C /etc
            C /etc/passwd
            C /opt
            C /opt/app
            A /opt/app/new
            """, Render(ChangeCollector.FromOverlay(_upper, [_lower])));
    }
}
