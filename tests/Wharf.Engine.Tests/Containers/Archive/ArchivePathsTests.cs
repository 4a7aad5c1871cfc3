using Wharf.Engine.Containers.Archive;
using Wharf.Engine.Tests.Filesystem;

namespace Wharf.Engine.Tests.Containers.Archive;

public sealed class ArchivePathsTests : IDisposable
{
    private readonly TempDirectory _temp = new("wharf-archive-paths");

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData("etc", "/etc")]
    [InlineData("/etc/", "/etc/")]
    [InlineData("/etc/.", "/etc/.")]
    [InlineData("/a/../../b/./c", "/b/c")]
    [InlineData("../../..", "/")]
    [InlineData("/", "/")]
    [InlineData(".", "/")]
    [InlineData("/x//y/", "/x/y/")]
    public void AbsoluteCleansAndKeepsTrailingDotOrSlash(string path, string expected) =>
        Assert.Equal(expected, ArchivePaths.Absolute(path));

    [Theory]
    [InlineData("/etc/passwd", "passwd")]
    [InlineData("/etc/", "etc")]
    [InlineData("/etc/.", ".")]
    [InlineData("/", "/")]
    public void BaseIsGosFilepathBase(string path, string expected) => Assert.Equal(expected, ArchivePaths.Base(path));

    [Fact]
    public void ResolveFollowsParentsInsideTheRootButKeepsTheFinalSymlink()
    {
        var root = _temp.Sub("root");
        Directory.CreateDirectory(root + "/real");
        File.WriteAllText(root + "/real/file", "x");
        File.CreateSymbolicLink(root + "/dirlink", "/real");
        File.CreateSymbolicLink(root + "/escape", "../../../../../");
        File.CreateSymbolicLink(root + "/real/final", "/etc/shadow");

        Assert.Equal(root + "/real/file", ArchivePaths.ResolveKeepingFinal(root, "/dirlink/file"));
        Assert.Equal(root + "/real/final", ArchivePaths.ResolveKeepingFinal(root, "/dirlink/final"));
        Assert.Equal(root + "/real", ArchivePaths.ResolveKeepingFinal(root, "/escape/real"));
        Assert.Equal("/real/file", ArchivePaths.ContainerPath(root, root + "/real/file"));
        Assert.Equal("/", ArchivePaths.ContainerPath(root, root));
    }
}
