using Wharf.Engine.Networks.Ipam;

namespace Wharf.Engine.Tests.Networks;

public sealed class AddressPoolTests
{
    [Fact]
    public void DefaultsAreDockers()
    {
        var subnets = AddressPool.Defaults.SelectMany(p => p.Subnets()).Select(s => s.ToString()).ToList();
        Assert.Equal("172.17.0.0/16", subnets[0]);
        Assert.Equal("172.31.0.0/16", subnets[14]);
        Assert.Equal("192.168.0.0/20", subnets[15]);
        Assert.Equal("192.168.240.0/20", subnets[^1]);
        Assert.Equal(15 + 16, subnets.Count);
    }

    [Fact]
    public void CarvesBaseIntoSize()
    {
        var pool = AddressPool.Parse("10.10.0.0/16", 24);
        var subnets = pool.Subnets().ToList();
        Assert.Equal(256, subnets.Count);
        Assert.Equal("10.10.1.0/24", subnets[1].ToString());
    }

    [Fact]
    public void RejectsSizeShorterThanBase() => Assert.Throws<FormatException>(() => AddressPool.Parse("10.10.0.0/16", 8));

    [Fact]
    public void ParsesProcNetRoute()
    {
        const string table = """
            Iface	Destination	Gateway 	Flags	RefCnt	Use	Metric	Mask		MTU	Window	IRTT
            eth0	00000000	010200C0	0003	0	0	0	00000000	0	0	0
            eth0	000200C0	00000000	0001	0	0	0	00FFFFFF	0	0	0
            docker0	000011AC	00000000	0001	0	0	0	0000FFFF	0	0	0
            """;
        var routes = HostRoutes.Parse(table).Select(r => r.ToString()).ToList();
        Assert.Equal(["192.0.2.0/24", "172.17.0.0/16"], routes);
    }

    [Fact]
    public void ReadsThisHostsRoutesWithoutDefault()
    {
        var routes = HostRoutes.Read();
        Assert.DoesNotContain(routes, r => r.PrefixLength == 0);
    }
}
