using Wharf.Engine.Filesystem;

namespace Wharf.Engine.Tests.Filesystem;

public sealed class RootedPathTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly string _root;

    public RootedPathTests()
    {
        _root = _temp.Sub("root");
        Directory.CreateDirectory(_root + "/etc");
        Directory.CreateDirectory(_root + "/usr/lib");
        File.WriteAllText(_root + "/etc/passwd", "root");
    }

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData("etc/passwd", "/etc/passwd")]
    [InlineData("/etc/passwd", "/etc/passwd")]
    [InlineData("../../../etc/passwd", "/etc/passwd")]
    [InlineData("usr/../../etc/./passwd", "/etc/passwd")]
    [InlineData("", "")]
    [InlineData("..", "")]
    [InlineData("missing/../../x", "/x")]
    public void PlainPathsStayInside(string input, string expected) =>
        Assert.Equal(_root + expected, RootedPath.Resolve(_root, input, followFinalSymlink: true));

    [Fact]
    public void AbsoluteSymlinkIsReRooted()
    {
        File.CreateSymbolicLink(_root + "/abs", "/etc");
        Assert.Equal(_root + "/etc/passwd", RootedPath.Resolve(_root, "abs/passwd", true));
    }

    [Fact]
    public void RelativeSymlinkClimbingOutIsClamped()
    {
        File.CreateSymbolicLink(_root + "/usr/lib/up", "../../../../../../../");
        Assert.Equal(_root + "/etc/passwd", RootedPath.Resolve(_root, "usr/lib/up/etc/passwd", true));
    }

    [Fact]
    public void SymlinkToHostRootStaysInside()
    {
        File.CreateSymbolicLink(_root + "/hostroot", "/");
        var resolved = RootedPath.Resolve(_root, "hostroot/tmp/x", true);
        Assert.Equal(_root + "/tmp/x", resolved);
    }

    [Fact]
    public void FinalSymlinkFollowedOnlyWhenAsked()
    {
        File.CreateSymbolicLink(_root + "/link", "/etc/passwd");
        Assert.Equal(_root + "/etc/passwd", RootedPath.Resolve(_root, "link", true));
        Assert.Equal(_root + "/link", RootedPath.Resolve(_root, "link", false));
    }

    [Fact]
    public void ChainedSymlinksResolve()
    {
        File.CreateSymbolicLink(_root + "/a", "b");
        File.CreateSymbolicLink(_root + "/b", "../../c");
        File.CreateSymbolicLink(_root + "/c", "/usr/lib");
        Assert.Equal(_root + "/usr/lib/x", RootedPath.Resolve(_root, "a/x", true));
    }

    [Fact]
    public void SymlinkLoopFails()
    {
        File.CreateSymbolicLink(_root + "/loop1", "loop2");
        File.CreateSymbolicLink(_root + "/loop2", "loop1");
        Assert.Throws<IOException>(() => RootedPath.Resolve(_root, "loop1/x", true));
    }

    [Fact]
    public void ResultIsAlwaysWithinRoot()
    {
        File.CreateSymbolicLink(_root + "/evil", "../../../../..");
        foreach (var input in new[] { "evil", "evil/..", "evil/../..", "/evil/etc", "etc/../../evil/x" })
        {
            Assert.True(RootedPath.IsWithin(_root, RootedPath.Resolve(_root, input, true)), input);
        }
    }
}
