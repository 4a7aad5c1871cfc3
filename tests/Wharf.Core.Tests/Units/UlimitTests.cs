using Wharf.Core.Errors;
using Wharf.Core.Units;

namespace Wharf.Core.Tests.Units;

public sealed class UlimitTests
{
    [Theory]
    [InlineData("nofile=512:1024", "nofile", 512, 1024)]
    [InlineData("nofile=1024", "nofile", 1024, 1024)]
    [InlineData("nproc=-1", "nproc", -1, -1)]
    [InlineData("core=0:-1", "core", 0, -1)]
    [InlineData("memlock=-1:-1", "memlock", -1, -1)]
    [InlineData("stack=8192:16384", "stack", 8192, 16384)]
    public void Parses(string value, string name, long soft, long hard)
    {
        var ulimit = Ulimit.Parse(value);
        Assert.Equal(new Ulimit(name, soft, hard), ulimit);
        Assert.Equal($"{name}={soft}:{hard}", ulimit.ToString());
        Assert.Equal("RLIMIT_" + name.ToUpperInvariant(), ulimit.RlimitType);
    }

    [Theory]
    [InlineData("nofile", "invalid ulimit argument: nofile")]
    [InlineData("notarealtype=1024:1024", "invalid ulimit type: notarealtype")]
    [InlineData("as=1024", "invalid ulimit type: as")]
    [InlineData("nofile=1024:512", "ulimit soft limit must be less than or equal to hard limit: 1024 > 512")]
    [InlineData("nofile=-1:1024", "ulimit soft limit must be less than or equal to hard limit: soft: -1 (unlimited), hard: 1024")]
    [InlineData("nofile=a:1024", "strconv.ParseInt: parsing \"a\": invalid syntax")]
    [InlineData("nofile=1024:b", "strconv.ParseInt: parsing \"b\": invalid syntax")]
    [InlineData("nofile=", "strconv.ParseInt: parsing \"\": invalid syntax")]
    [InlineData("nofile=a:b", "strconv.ParseInt: parsing \"b\": invalid syntax")]
    public void Rejects(string value, string message) =>
        Assert.Equal(message, Assert.Throws<InvalidArgumentException>(() => Ulimit.Parse(value)).Message);
}
