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
    public void ConfiguredValuesWin()
    {
        var options = NetworkOptions.ForExecRoot("/tmp/x", "tb0", "10.1.0.1/24", "t_x", [AddressPool.Parse("10.2.0.0/16", 24)]);
        Assert.Equal(("tb0", "10.1.0.1/24", "t_x"), (options.BridgeName, options.BridgeIp, options.NftTable));
        Assert.Equal("10.2.0.0/16", Assert.Single(options.AddressPools).Base.ToString());
    }
}
