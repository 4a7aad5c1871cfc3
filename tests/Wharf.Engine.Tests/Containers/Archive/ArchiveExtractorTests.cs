using Wharf.Core.Errors;
using Wharf.Engine.Containers.Archive;
using Wharf.Engine.Filesystem;
using Wharf.Engine.Tests.Filesystem;
using Wharf.Engine.Tests.Layers;

namespace Wharf.Engine.Tests.Containers.Archive;

public sealed class ArchiveExtractorTests : IDisposable
{
    private readonly TempDirectory _temp = new("wharf-archive-extract");
    private readonly string _root;

    public ArchiveExtractorTests()
    {
        _root = _temp.Sub("root");
        Directory.CreateDirectory(_root + "/tmp");
    }

    public void Dispose() => _temp.Dispose();

    private void Extract(byte[] tar, string destination = "/tmp", ArchiveExtractOptions? options = null) =>
        ArchiveExtractor.Extract(new MemoryStream(tar), _root, destination, options ?? new ArchiveExtractOptions());

    [Fact]
    public void ExtractsFilesWithOwnershipAndTreatsWhiteoutNamesAsFiles()
    {
        Extract(new TarBuilder().Dir("d/").File("d/f", "data", uid: 12, gid: 34).File(".wh.keep", "w").Build());
        Assert.Equal("data", File.ReadAllText(_root + "/tmp/d/f"));
        var status = Syscalls.LStat(_root + "/tmp/d/f");
        Assert.Equal(12u, status.Uid);
        Assert.Equal(34u, status.Gid);
        Assert.True(File.Exists(_root + "/tmp/.wh.keep"));
    }

    [Fact]
    public void OwnerOverrideWinsOverTheTar()
    {
        Extract(new TarBuilder().File("f", "x", uid: 5, gid: 6).Build(), options: new ArchiveExtractOptions { Owner = (1000, 1001) });
        Assert.Equal(1000u, Syscalls.LStat(_root + "/tmp/f").Uid);
    }

    [Fact]
    public void EntriesClimbingAboveTheDestinationAreRefused()
    {
        var e = Assert.Throws<InvalidArgumentException>(() => Extract(new TarBuilder().File("../../outside", "x").Build()));
        Assert.Contains("is outside of", e.Message);
        Assert.False(File.Exists(_temp.Path + "/outside"));
        Assert.False(File.Exists(_root + "/outside"));
    }

    [Fact]
    public void SymlinksInTheContainerNeverLeadOutOfItsRoot()
    {
        File.CreateSymbolicLink(_root + "/tmp/up", "/");
        File.CreateSymbolicLink(_root + "/tmp/rel", "../../../../..");
        Extract(new TarBuilder().File("up/a", "1").File("rel/b", "2").Build());
        Assert.Equal("1", File.ReadAllText(_root + "/a"));
        Assert.Equal("2", File.ReadAllText(_root + "/b"));
        Assert.False(File.Exists(_temp.Path + "/b"));
    }

    [Fact]
    public void NoOverwriteDirNonDirRefusesReplacingADirectoryWithAFile()
    {
        Directory.CreateDirectory(_root + "/tmp/dir");
        var options = new ArchiveExtractOptions { NoOverwriteDirNonDir = true };
        var e = Assert.Throws<InvalidArgumentException>(() => Extract(new TarBuilder().File("dir", "x").Build(), options: options));
        Assert.Equal("cannot overwrite directory \"/tmp/dir\" with non-directory \"/tmp\"", e.Message);
        File.WriteAllText(_root + "/tmp/file", "x");
        e = Assert.Throws<InvalidArgumentException>(() => Extract(new TarBuilder().Dir("file/").Build(), options: options));
        Assert.Equal("cannot overwrite non-directory \"/tmp/file\" with directory \"/tmp\"", e.Message);
        // Without the option the file replaces the directory, as Docker's Untar does.
        Extract(new TarBuilder().File("dir", "now a file").Build());
        Assert.Equal("now a file", File.ReadAllText(_root + "/tmp/dir"));
    }
}
