using Wharf.Engine.Networks;
using Wharf.Engine.Networks.Ipam;

namespace Wharf.Engine.Tests.Networks;

public sealed class NetworkOptionsTests
{
    [Fact]
    public void StandardExecRootGetsDockerLikeDefaults()
    {
        var options = NetworkOptions.ForExecRoot("/run/wharf/");
        Assert.Equal("wharf0", options.BridgeName);
        Assert.Equal("wharf", options.NftTable);
        Assert.Equal("/run/wharf/netns", options.NamespaceDirectory);
        Assert.Same(AddressPool.Defaults, options.AddressPools);
    }

    [Fact]
    public void PrivateExecRootsGetDistinctDerivedNames()
    {
        var a = NetworkOptions.ForExecRoot("/tmp/a/exec");
        var b = NetworkOptions.ForExecRoot("/tmp/b/exec");
        Assert.NotEqual(a.BridgeName, b.BridgeName);
        Assert.NotEqual(a.NftTable, b.NftTable);
        Assert.Equal(a.BridgeName, NetworkOptions.ForExecRoot("/tmp/a/exec").BridgeName);
        Assert.StartsWith("wharf", a.BridgeName);
        Assert.True(a.BridgeName.Length <= 15);
        Assert.StartsWith("wharf_", a.NftTable);
    }

    [Fact]
    public void PathTagIsAStableNonCryptographicHash()
    {
        // FNV-1a 64 folded to 32 bits: fixed values, so derived names never change between releases.
        Assert.Equal("296230c0", NetworkOptions.PathTag("a"));
        Assert.Equal("wharf69956db5", NetworkOptions.ForExecRoot("/tmp/a/exec").BridgeName);
        var tags = Enumerable.Range(0, 5000).Select(i => NetworkOptions.PathTag($"/tmp/wharf-it-{i:x10}/run")).ToHashSet();
        Assert.Equal(5000, tags.Count);
    }

    [Theory]
    [InlineData("10.1.0.1/24", null)]
    [InlineData("10.1.0.0/24", "invalid bridge IP (--bip) 10.1.0.0/24")]
    [InlineData("10.1.0.255/24", "invalid bridge IP (--bip) 10.1.0.255/24")]
    [InlineData("10.1.0.1/31", "invalid bridge IP (--bip) 10.1.0.1/31")]
    [InlineData("10.1.0.1", "invalid bridge IP (--bip) 10.1.0.1")]
    [InlineData("fe80::1/64", "invalid bridge IP (--bip) fe80::1/64")]
    public void ValidateChecksTheBridgeIp(string bip, string? error)
    {
        var options = NetworkOptions.ForExecRoot("/tmp/x", bridgeIp: bip);
        if (error is null)
        {
            options.Validate();
            return;
        }
        Assert.StartsWith(error, Assert.Throws<Core.Errors.InvalidArgumentException>(options.Validate).Message);
    }

    [Fact]
    public void ValidateChecksNamesAndPools()
    {
        Assert.StartsWith("invalid bridge name (--bridge)",
            Assert.Throws<Core.Errors.InvalidArgumentException>(NetworkOptions.ForExecRoot("/tmp/x", bridgeName: "a-name-longer-than-15").Validate).Message);
        Assert.StartsWith("invalid nftables table name",
            Assert.Throws<Core.Errors.InvalidArgumentException>(NetworkOptions.ForExecRoot("/tmp/x", nftTable: "bad table").Validate).Message);
        Assert.StartsWith("invalid default-address-pools entry",
            Assert.Throws<Core.Errors.InvalidArgumentException>(NetworkOptions.ForExecRoot("/tmp/x", pools: [AddressPool.Parse("10.0.0.0/8", 31)]).Validate).Message);
        NetworkOptions.ForExecRoot("/run/wharf").Validate();
    }

    [Fact]
    public void ConfiguredValuesWin()
    {
        var options = NetworkOptions.ForExecRoot("/tmp/x", "tb0", "10.1.0.1/24", "t_x", [AddressPool.Parse("10.2.0.0/16", 24)]);
        Assert.Equal(("tb0", "10.1.0.1/24", "t_x"), (options.BridgeName, options.BridgeIp, options.NftTable));
        Assert.Equal("10.2.0.0/16", Assert.Single(options.AddressPools).Base.ToString());
    }
}
