using Wharf.Core.Errors;
using Wharf.Engine.Runtime;

namespace Wharf.Engine.Tests.Runtime;

public sealed class UserResolverTests : IDisposable
{
    private readonly string _root = Path.Combine("/tmp", "wharf-users-" + Guid.NewGuid().ToString("N")[..12]);

    public UserResolverTests()
    {
        Directory.CreateDirectory(Path.Combine(_root, "etc"));
        File.WriteAllText(Path.Combine(_root, "etc", "passwd"),
            "root:x:0:0:root:/root:/bin/sh\n" +
            "daemon:x:1:1:daemon:/usr/sbin:/bin/false\n" +
            "# comment\n" +
            "alice:x:1000:1000:Alice:/home/alice:/bin/sh\n");
        File.WriteAllText(Path.Combine(_root, "etc", "group"),
            "root:x:0:\n" +
            "wheel:x:10:root,alice\n" +
            "alice:x:1000:\n" +
            "staff:x:50:alice\n");
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void EmptyUserIsRootWithRootsGroups()
    {
        var u = UserResolver.Resolve(_root, null);
        Assert.Equal((0u, 0u, "/root"), (u.Uid, u.Gid, u.Home));
        Assert.Equal([10u], u.AdditionalGids);
    }

    [Fact]
    public void NameResolvesUidGidHomeAndSupplementaryGroups()
    {
        var u = UserResolver.Resolve(_root, "alice");
        Assert.Equal((1000u, 1000u, "/home/alice"), (u.Uid, u.Gid, u.Home));
        Assert.Equal([10u, 50u], u.AdditionalGids);
    }

    [Fact]
    public void NumericUidMatchesPasswdOrStandsAlone()
    {
        var known = UserResolver.Resolve(_root, "1");
        Assert.Equal((1u, 1u, "/usr/sbin"), (known.Uid, known.Gid, known.Home));
        var unknown = UserResolver.Resolve(_root, "4242");
        Assert.Equal((4242u, 0u, "/"), (unknown.Uid, unknown.Gid, unknown.Home));
        Assert.Empty(unknown.AdditionalGids);
    }

    [Fact]
    public void ExplicitGroupOverridesAndDropsSupplementaryGroups()
    {
        var u = UserResolver.Resolve(_root, "alice:staff");
        Assert.Equal((1000u, 50u), (u.Uid, u.Gid));
        Assert.Empty(u.AdditionalGids);
        var numeric = UserResolver.Resolve(_root, "1234:5678");
        Assert.Equal((1234u, 5678u), (numeric.Uid, numeric.Gid));
    }

    [Fact]
    public void UnknownNamesFailWithDockersMessages()
    {
        var e = Assert.Throws<InvalidArgumentException>(() => UserResolver.Resolve(_root, "bob"));
        Assert.Equal("unable to find user bob: no matching entries in passwd file", e.Message);
        var g = Assert.Throws<InvalidArgumentException>(() => UserResolver.Resolve(_root, "alice:nogroup"));
        Assert.Equal("unable to find group nogroup: no matching entries in group file", g.Message);
        Assert.Throws<InvalidArgumentException>(() => UserResolver.Resolve(_root, "99999999999"));
    }

    [Fact]
    public void GroupAddAppendsNamesAndIds()
    {
        var u = UserResolver.Resolve(_root, "4242", ["staff", "77"]);
        Assert.Equal([50u, 77u], u.AdditionalGids);
    }

    [Fact]
    public void SymlinkedPasswdCannotEscapeTheRootfs()
    {
        var outside = Path.Combine(_root + "-outside");
        Directory.CreateDirectory(Path.Combine(outside, "etc"));
        try
        {
            File.WriteAllText(Path.Combine(outside, "etc", "passwd"), "evil:x:0:0::/:/bin/sh\n");
            File.Delete(Path.Combine(_root, "etc", "passwd"));
            // Absolute and relative links both resolve inside the rootfs, where there is no such file.
            File.CreateSymbolicLink(Path.Combine(_root, "etc", "passwd"), "../../../../../../.." + outside + "/etc/passwd");
            Assert.Throws<InvalidArgumentException>(() => UserResolver.Resolve(_root, "evil"));
            File.Delete(Path.Combine(_root, "etc", "passwd"));
            File.CreateSymbolicLink(Path.Combine(_root, "etc", "passwd"), outside + "/etc/passwd");
            Assert.Throws<InvalidArgumentException>(() => UserResolver.Resolve(_root, "evil"));
            // A link that stays inside works.
            File.Delete(Path.Combine(_root, "etc", "passwd"));
            File.WriteAllText(Path.Combine(_root, "etc", "passwd.real"), "carol:x:7:7::/c:/bin/sh\n");
            File.CreateSymbolicLink(Path.Combine(_root, "etc", "passwd"), "/etc/passwd.real");
            Assert.Equal(7u, UserResolver.Resolve(_root, "carol").Uid);
        }
        finally
        {
            Directory.Delete(outside, recursive: true);
        }
    }

    [Fact]
    public void MissingPasswdAllowsOnlyNumericUsers()
    {
        var empty = _root + "-empty";
        Directory.CreateDirectory(empty);
        try
        {
            Assert.Equal(5u, UserResolver.Resolve(empty, "5:6").Uid);
            Assert.Equal(0u, UserResolver.Resolve(empty, "").Uid);
            Assert.Throws<InvalidArgumentException>(() => UserResolver.Resolve(empty, "root"));
        }
        finally
        {
            Directory.Delete(empty);
        }
    }
}
