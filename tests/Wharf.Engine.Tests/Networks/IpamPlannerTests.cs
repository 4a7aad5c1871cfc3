using Wharf.Core.Errors;
using Wharf.Engine.Networks.Ipam;

namespace Wharf.Engine.Tests.Networks;

public sealed class IpamPlannerTests
{
    private static readonly Func<IReadOnlyList<Ipv4Subnet>> NoRoutes = () => [];

    private static IReadOnlyList<IpamConfig> Plan(IReadOnlyList<IpamConfig> requested, IReadOnlyCollection<Ipv4Subnet>? others = null,
        Func<IReadOnlyList<Ipv4Subnet>>? routes = null) =>
        IpamPlanner.Plan(requested, others ?? [], routes ?? NoRoutes, AddressPool.Defaults);

    [Fact]
    public void PicksFirstDefaultPool()
    {
        var config = Assert.Single(Plan([]));
        Assert.Equal("172.17.0.0/16", config.Subnet);
        Assert.Equal("172.17.0.1", config.Gateway);
        Assert.Null(config.IPRange);
    }

    [Fact]
    public void SkipsOtherNetworksAndHostRoutes()
    {
        var config = Assert.Single(Plan([], [Ipv4Subnet.Parse("172.17.0.0/16")], () => [Ipv4Subnet.Parse("172.18.5.0/24")]));
        Assert.Equal("172.19.0.0/16", config.Subnet);
    }

    [Fact]
    public void AnEmptyConfigEntryMeansPick()
    {
        var config = Assert.Single(Plan([new IpamConfig("")]));
        Assert.Equal("172.17.0.0/16", config.Subnet);
    }

    [Fact]
    public void HostRoutesAreNotConsultedForAGivenSubnet()
    {
        var config = Assert.Single(Plan([new IpamConfig("10.9.0.0/16")], routes: () => throw new InvalidOperationException("must not be read")));
        Assert.Equal("10.9.0.0/16", config.Subnet);
        Assert.Null(config.Gateway);
        Assert.Equal("10.9.0.1", Ipv4Address.Format(config.EffectiveGateway));
    }

    [Fact]
    public void FallsBackTo192168()
    {
        var taken = Enumerable.Range(17, 15).Select(b => Ipv4Subnet.Parse($"172.{b}.0.0/16")).ToList();
        var config = Assert.Single(Plan([], taken, () => [Ipv4Subnet.Parse("192.168.0.0/24")]));
        Assert.Equal("192.168.16.0/20", config.Subnet);
        Assert.Equal("192.168.16.1", config.Gateway);
    }

    [Fact]
    public void AllPoolsTaken()
    {
        var e = Assert.Throws<UnavailableException>(() => Plan([], [Ipv4Subnet.Parse("172.16.0.0/12"), Ipv4Subnet.Parse("192.168.0.0/16")]));
        Assert.Equal(IpamPlanner.NoPoolMessage, e.Message);
    }

    [Fact]
    public void OverlapWithAnotherNetwork()
    {
        var e = Assert.Throws<ForbiddenException>(() => Plan([new IpamConfig("10.1.2.0/24")], [Ipv4Subnet.Parse("10.1.0.0/16")]));
        Assert.Equal("Pool overlaps with other one on this address space", e.Message);
    }

    [Fact]
    public void OverlapWithinTheRequest() =>
        Assert.Throws<ForbiddenException>(() => Plan([new IpamConfig("10.1.0.0/16"), new IpamConfig("10.1.5.0/24")]));

    [Fact]
    public void SeveralDisjointSubnets() => Assert.Equal(2, Plan([new IpamConfig("10.1.0.0/16"), new IpamConfig("10.2.0.0/16")]).Count);

    [Theory]
    [InlineData("10.0.0.0/33", "Invalid subnet 10.0.0.0/33 : invalid CIDR address: 10.0.0.0/33")]
    [InlineData("banana", "Invalid subnet banana : invalid CIDR address: banana")]
    [InlineData("10.0.0.1/24", "Invalid subnet 10.0.0.1/24 : it should be 10.0.0.0/24")]
    [InlineData("fd00::/64", "Invalid subnet fd00::/64 : IPv6 is not supported")]
    public void InvalidSubnet(string subnet, string message)
    {
        var e = Assert.Throws<InvalidArgumentException>(() => Plan([new IpamConfig(subnet)]));
        Assert.Equal(message, e.Message);
    }

    [Fact]
    public void GatewayWithoutSubnet() =>
        Assert.Throws<InvalidArgumentException>(() => Plan([new IpamConfig("", "10.0.0.1")]));

    [Fact]
    public void GatewayOutsideSubnet()
    {
        var e = Assert.Throws<InvalidArgumentException>(() => Plan([new IpamConfig("10.5.0.0/16", "10.6.0.1")]));
        Assert.Equal("no matching subnet for gateway 10.6.0.1", e.Message);
    }

    [Theory]
    [InlineData("10.5.0.0")]
    [InlineData("10.5.255.255")]
    [InlineData("nope")]
    public void UnusableGateway(string gateway) =>
        Assert.Throws<InvalidArgumentException>(() => Plan([new IpamConfig("10.5.0.0/16", gateway)]));

    [Fact]
    public void GatewayAndRangeKept()
    {
        var config = Assert.Single(Plan([new IpamConfig("10.5.0.0/16", "10.5.0.254", "10.5.1.0/24")]));
        Assert.Equal(new IpamConfig("10.5.0.0/16", "10.5.0.254", "10.5.1.0/24"), config);
    }

    [Fact]
    public void RangeOutsideSubnet()
    {
        var e = Assert.Throws<InvalidArgumentException>(() => Plan([new IpamConfig("10.5.0.0/16", null, "10.6.1.0/24")]));
        Assert.Equal("no matching subnet for range 10.6.1.0/24", e.Message);
    }

    [Fact]
    public void RangeLargerThanSubnet() =>
        Assert.Throws<InvalidArgumentException>(() => Plan([new IpamConfig("10.5.1.0/24", null, "10.5.0.0/16")]));
}
