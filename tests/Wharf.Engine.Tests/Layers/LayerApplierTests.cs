using System.Formats.Tar;
using System.Security.Cryptography;
using System.Text;
using Wharf.Core.Errors;
using Wharf.Core.Oci;
using Wharf.Engine.Filesystem;
using Wharf.Engine.Layers;
using Wharf.Engine.Tests.Filesystem;

namespace Wharf.Engine.Tests.Layers;

public sealed class LayerApplierTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly string _root;

    public LayerApplierTests() => _root = _temp.Sub("root");

    public void Dispose() => _temp.Dispose();

    private LayerApplyResult Apply(byte[] tar, WhiteoutMode mode = WhiteoutMode.Delete) =>
        LayerApplier.Apply(new MemoryStream(tar), _root, mode);

    [Fact]
    public void FilesDirsOwnershipModesAndTimes()
    {
        var mtime = new DateTimeOffset(2020, 1, 2, 3, 4, 5, TimeSpan.Zero);
        var tar = new TarBuilder()
            .Dir("bin/", mode: 0b111_101_101, mtime: mtime)
            .File("bin/tool", "#!/bin/sh\n", mode: 0b100_111_101_101 /* setuid 4755 */, uid: 1000, gid: 1001, mtime: mtime)
            .Dir("tmp/", mode: 0b1_111_111_111 /* 1777 */)
            .File("./etc/hostname", "box", uid: 5, gid: 6)
            .Build();
        var result = Apply(tar);

        var tool = Syscalls.LStat(_root + "/bin/tool");
        Assert.Equal(0x9EDu, tool.Permissions); // 04755
        Assert.Equal(1000u, tool.Uid);
        Assert.Equal(1001u, tool.Gid);
        Assert.Equal(mtime, tool.ModificationTime);
        Assert.Equal(0x3FFu, Syscalls.LStat(_root + "/tmp").Permissions); // 01777
        Assert.Equal(mtime, Syscalls.LStat(_root + "/bin").ModificationTime);
        Assert.Equal("box", File.ReadAllText(_root + "/etc/hostname"));
        Assert.Equal(5u, Syscalls.LStat(_root + "/etc/hostname").Uid);
        Assert.Equal(0x1EDu, Syscalls.LStat(_root + "/etc").Permissions); // implied parent 0755
        Assert.Equal("sha256:" + Convert.ToHexStringLower(SHA256.HashData(tar)), result.DiffId.ToString());
        Assert.Equal(10 + 3, result.Size);
        Assert.Equal(LayerCompression.None, result.Compression);
    }

    [Theory]
    [InlineData(LayerCompression.Gzip)]
    [InlineData(LayerCompression.Zstd)]
    public void CompressedLayersAreDetectedAndDiffIdIsOfTheTar(LayerCompression compression)
    {
        var tar = new TarBuilder().File("a", "hello").Build();
        var blob = compression == LayerCompression.Gzip ? TarBuilder.Gzip(tar) : TarBuilder.Zstd(tar);
        var result = Apply(blob);
        Assert.Equal(compression, result.Compression);
        Assert.Equal("sha256:" + Convert.ToHexStringLower(SHA256.HashData(tar)), result.DiffId.ToString());
        Assert.Equal("hello", File.ReadAllText(_root + "/a"));
    }

    [Fact]
    public void SymlinksHardLinksDevicesAndFifos()
    {
        var tar = new TarBuilder()
            .File("data", "x")
            .HardLink("data2", "data")
            .Symlink("link", "/data")
            .Device("dev/null", TarEntryType.CharacterDevice, 1, 3)
            .Device("dev/loop9", TarEntryType.BlockDevice, 7, 9)
            .Device("pipe", TarEntryType.Fifo, 0, 0)
            .Build();
        Apply(tar);
        var a = Syscalls.LStat(_root + "/data");
        var b = Syscalls.LStat(_root + "/data2");
        Assert.Equal(a.Inode, b.Inode);
        Assert.Equal(2u, a.LinkCount);
        Assert.Equal("/data", new FileInfo(_root + "/link").LinkTarget);
        var nul = Syscalls.LStat(_root + "/dev/null");
        Assert.Equal(FileTypes.CharDevice, nul.Type);
        Assert.Equal((1u, 3u), (nul.DeviceMajor, nul.DeviceMinor));
        var loop = Syscalls.LStat(_root + "/dev/loop9");
        Assert.Equal(FileTypes.BlockDevice, loop.Type);
        Assert.Equal((7u, 9u), (loop.DeviceMajor, loop.DeviceMinor));
        Assert.Equal(FileTypes.Fifo, Syscalls.LStat(_root + "/pipe").Type);
    }

    [Fact]
    public void XattrsFromPaxRecords()
    {
        var tar = new TarBuilder()
            .File("f", "x", pax: new() { ["SCHILY.xattr.user.greeting"] = "hello" })
            .File("g", "y", pax: new() { ["LIBARCHIVE.xattr.user.bin"] = Convert.ToBase64String(new byte[] { 0xff, 0x00, 0x80 }) })
            .Build();
        Apply(tar);
        Assert.Equal("hello", Encoding.UTF8.GetString(Syscalls.LGetXattr(_root + "/f", "user.greeting")!));
        Assert.Equal(new byte[] { 0xff, 0x00, 0x80 }, Syscalls.LGetXattr(_root + "/g", "user.bin"));
    }

    [Fact]
    public void DamagedBinaryXattrIsSkippedNotFatal()
    {
        Apply(new TarBuilder().File("f", "x", pax: new() { ["SCHILY.xattr.user.bin"] = "a\uFFFDb" }).Build());
        Assert.True(File.Exists(_root + "/f"));
        Assert.Null(Syscalls.LGetXattr(_root + "/f", "user.bin"));
    }

    [Fact]
    public void DeleteModeWhiteoutsRemoveLowerPaths()
    {
        Apply(new TarBuilder().File("keep", "1").File("gone", "2").Dir("d/").File("d/old", "3").File("d/old2", "4").Dir("sub/").File("sub/x", "5").Build());
        Apply(new TarBuilder().Whiteout(".wh.gone").Dir("d/").File("d/new", "n").Whiteout("d/.wh..wh..opq").Whiteout(".wh.sub").Build());
        Assert.True(File.Exists(_root + "/keep"));
        Assert.False(File.Exists(_root + "/gone"));
        Assert.False(File.Exists(_root + "/.wh.gone"));
        Assert.Equal(["new"], Directory.GetFileSystemEntries(_root + "/d").Select(Path.GetFileName));
        Assert.False(Directory.Exists(_root + "/sub"));
    }

    [Fact]
    public void OverlayModeWritesOverlayWhiteouts()
    {
        Apply(new TarBuilder().Whiteout("etc/.wh.passwd").Dir("opt/").Whiteout("opt/.wh..wh..opq").File("opt/a", "a").Build(), WhiteoutMode.Overlay);
        var whiteout = Syscalls.LStat(_root + "/etc/passwd");
        Assert.True(whiteout.IsOverlayWhiteout);
        Assert.Equal("y", Encoding.ASCII.GetString(Syscalls.LGetXattr(_root + "/opt", "trusted.overlay.opaque")!));
        Assert.True(File.Exists(_root + "/opt/a"));
    }

    [Fact]
    public void FileReplacesDirectoryAndSymlinkIsReplacedNotFollowed()
    {
        var outside = _temp.Sub("outside");
        Apply(new TarBuilder().Dir("x/").File("x/y", "1").Symlink("s", outside + "/victim").Build());
        Apply(new TarBuilder().File("x", "now a file").File("s", "replaced").Build());
        Assert.Equal("now a file", File.ReadAllText(_root + "/x"));
        Assert.False(Syscalls.LStat(_root + "/s").IsSymlink);
        Assert.False(File.Exists(outside + "/victim"));
    }

    [Theory]
    [InlineData("../escape")]
    [InlineData("a/../../escape")]
    [InlineData("./../../escape")]
    public void EntriesEscapingTheRootAreRefused(string name)
    {
        var tar = new TarBuilder().File("ok", "1").File(name, "evil").Build();
        var error = Assert.Throws<InvalidArgumentException>(() => Apply(tar));
        Assert.Contains(name, error.Message);
        Assert.Contains("escapes", error.Message);
        Assert.False(File.Exists(Path.Combine(_temp.Path, "escape")));
    }

    [Fact]
    public void WritesThroughSymlinkedDirectoriesStayInside()
    {
        var outside = _temp.Sub("outside");
        var tar = new TarBuilder()
            .Symlink("evil", outside)
            .File("evil/pwned", "x")
            .Symlink("up", "../../../../../..")
            .File("up/" + outside.TrimStart('/') + "/pwned2", "y")
            .Build();
        Apply(tar);
        Assert.Empty(Directory.GetFileSystemEntries(outside));
        Assert.True(File.Exists(_root + outside + "/pwned"));
        Assert.True(File.Exists(_root + outside + "/pwned2"));
    }

    [Fact]
    public void HardLinkOutsideTheRootIsRefused()
    {
        var secret = Path.Combine(_temp.Path, "secret");
        File.WriteAllText(secret, "s");
        var tar = new TarBuilder().HardLink("h", "../secret").Build();
        var error = Assert.Throws<InvalidArgumentException>(() => Apply(tar));
        Assert.Contains("\"h\"", error.Message);
        Assert.Equal(1u, Syscalls.LStat(secret).LinkCount);
    }

    [Fact]
    public void HardLinkThroughSymlinkResolvesInsideTheRoot()
    {
        var secret = Path.Combine(_temp.Path, "secret");
        File.WriteAllText(secret, "s");
        var tar = new TarBuilder().Symlink("l", _temp.Path).HardLink("h", "l/secret").Build();
        Assert.Throws<InvalidArgumentException>(() => Apply(tar));
        Assert.Equal(1u, Syscalls.LStat(secret).LinkCount);
    }

    [Fact]
    public void GarbageAndTruncatedInputsAreInvalidArguments()
    {
        var tar = new TarBuilder().File("a", new string('x', 5000)).Build();
        Assert.Throws<InvalidArgumentException>(() => Apply(tar[..1000]));
        Assert.Throws<InvalidArgumentException>(() => Apply(Encoding.ASCII.GetBytes(new string('g', 2048))));
        var gz = TarBuilder.Gzip(tar);
        Assert.Throws<InvalidArgumentException>(() => Apply(gz[..(gz.Length / 2)]));
    }

    [Fact]
    public void PaxGlobalHeaderIsIgnored()
    {
        var tar = new TarBuilder()
            .Add(new PaxGlobalExtendedAttributesTarEntry(new Dictionary<string, string> { ["comment"] = "git-commit-id" }))
            .File("a", "1")
            .Build();
        Apply(tar);
        Assert.Equal(["a"], Directory.GetFileSystemEntries(_root).Select(Path.GetFileName));
    }

    [Fact]
    public void ArchiverRoundTripsMetadata()
    {
        var mtime = new DateTimeOffset(2021, 5, 6, 7, 8, 9, TimeSpan.Zero);
        var tar = new TarBuilder()
            .Dir("d/", mode: 0b111_000_000, uid: 3, gid: 4, mtime: mtime)
            .File("d/f", "content", mode: 0b010_111_101_101, uid: 7, gid: 8, mtime: mtime, pax: new() { ["SCHILY.xattr.user.k"] = "v" })
            .HardLink("d/f2", "d/f")
            .Symlink("d/l", "f")
            .Device("d/c", TarEntryType.CharacterDevice, 4, 5)
            .Device("d/p", TarEntryType.Fifo, 0, 0)
            .Build();
        Apply(tar);
        var archive = new MemoryStream();
        DirectoryArchiver.Write(_root, archive);
        var copy = _temp.Sub("copy");
        archive.Position = 0;
        LayerApplier.Apply(archive, copy, WhiteoutMode.Delete);

        foreach (var name in new[] { "d", "d/f", "d/f2", "d/l", "d/c", "d/p" })
        {
            var a = Syscalls.LStat(_root + "/" + name);
            var b = Syscalls.LStat(copy + "/" + name);
            Assert.Equal(a.Mode, b.Mode);
            Assert.Equal((a.Uid, a.Gid), (b.Uid, b.Gid));
            Assert.Equal((a.DeviceMajor, a.DeviceMinor), (b.DeviceMajor, b.DeviceMinor));
            if (!a.IsSymlink)
            {
                Assert.Equal(a.ModificationTime.ToUnixTimeSeconds(), b.ModificationTime.ToUnixTimeSeconds());
            }
        }
        Assert.Equal(Syscalls.LStat(copy + "/d/f").Inode, Syscalls.LStat(copy + "/d/f2").Inode);
        Assert.Equal("v", Encoding.UTF8.GetString(Syscalls.LGetXattr(copy + "/d/f", "user.k")!));
    }

    [Fact]
    public void ArchiverTurnsOverlayWhiteoutsIntoTarWhiteouts()
    {
        Apply(new TarBuilder().Whiteout(".wh.gone").Dir("o/").Whiteout("o/.wh..wh..opq").File("o/a", "1").Build(), WhiteoutMode.Overlay);
        var archive = new MemoryStream();
        DirectoryArchiver.Write(_root, archive, new DirectoryArchiveOptions { OverlayWhiteouts = true });
        archive.Position = 0;
        var names = new List<string>();
        using var reader = new TarReader(archive);
        while (reader.GetNextEntry() is { } e)
        {
            names.Add(e.Name);
            if (e is PaxTarEntry pax)
            {
                Assert.DoesNotContain(pax.ExtendedAttributes.Keys, k => k.Contains("trusted.overlay"));
            }
        }
        Assert.Contains(".wh.gone", names);
        Assert.Contains("o/.wh..wh..opq", names);
        Assert.Contains("o/a", names);
    }

    [Fact]
    public void ALaterLayerReplacesAFileWithADirectory()
    {
        Apply(new TarBuilder().File("app", "old").Build());

        Apply(new TarBuilder().Dir("app/", mode: 0b111_000_000).File("app/run", "new").Build());

        var app = Syscalls.LStat(_root + "/app");
        Assert.True(app.IsDirectory);
        Assert.Equal(0x1C0u, app.Permissions); // 0700
        Assert.Equal("new", File.ReadAllText(_root + "/app/run"));
    }

    [Fact]
    public void ALaterLayerReplacesADirectoryWithAFile()
    {
        Apply(new TarBuilder().Dir("app/").File("app/run", "old").Build());

        Apply(new TarBuilder().File("app", "new").Build());

        Assert.False(Syscalls.LStat(_root + "/app").IsDirectory);
        Assert.Equal("new", File.ReadAllText(_root + "/app"));
    }
}
