using Wharf.Core.Errors;
using Wharf.Engine.Networks.Ipam;

namespace Wharf.Engine.Tests.Networks;

public sealed class AddressAllocatorTests
{
    private static readonly IpamConfig Net = new("10.7.0.0/24", "10.7.0.1");

    private static HashSet<uint> Used(params string[] addresses) => addresses.Select(Ipv4Address.Parse).ToHashSet();

    [Fact]
    public void FirstFreeAfterGateway() => Assert.Equal("10.7.0.2", Ipv4Address.Format(AddressAllocator.Allocate(Net, Used())));

    [Fact]
    public void SkipsUsed() => Assert.Equal("10.7.0.4", Ipv4Address.Format(AddressAllocator.Allocate(Net, Used("10.7.0.2", "10.7.0.3"))));

    [Fact]
    public void ReusesFreedGap() => Assert.Equal("10.7.0.3", Ipv4Address.Format(AddressAllocator.Allocate(Net, Used("10.7.0.2", "10.7.0.4"))));

    [Fact]
    public void SkipsGatewayAnywhere()
    {
        var config = new IpamConfig("10.7.0.0/24", "10.7.0.2");
        Assert.Equal("10.7.0.1", Ipv4Address.Format(AddressAllocator.Allocate(config, Used())));
        Assert.Equal("10.7.0.3", Ipv4Address.Format(AddressAllocator.Allocate(config, Used("10.7.0.1"))));
    }

    [Fact]
    public void UsesIpRange()
    {
        var config = new IpamConfig("10.7.0.0/16", null, "10.7.5.0/24");
        Assert.Equal("10.7.5.0", Ipv4Address.Format(AddressAllocator.Allocate(config, Used())));
    }

    [Fact]
    public void Exhausted()
    {
        var config = new IpamConfig("10.7.0.0/30");
        Assert.Equal("10.7.0.2", Ipv4Address.Format(AddressAllocator.Allocate(config, Used())));
        Assert.Throws<UnavailableException>(() => AddressAllocator.Allocate(config, Used("10.7.0.2")));
    }

    [Fact]
    public void RequestedAddress()
    {
        Assert.Equal("10.7.0.77", Ipv4Address.Format(AddressAllocator.Allocate(Net, Used(), "10.7.0.77")));
        // Outside the ip-range but inside the subnet is allowed, as Docker.
        Assert.Equal("10.7.0.9", Ipv4Address.Format(AddressAllocator.Allocate(new IpamConfig("10.7.0.0/24", null, "10.7.0.128/25"), Used(), "10.7.0.9")));
    }

    [Theory]
    [InlineData("10.7.0.5")]
    [InlineData("10.7.0.1")]
    [InlineData("10.7.0.0")]
    [InlineData("10.7.0.255")]
    public void RequestedAddressTaken(string address)
    {
        var e = Assert.Throws<ForbiddenException>(() => AddressAllocator.Allocate(Net, Used("10.7.0.5"), address));
        Assert.Equal("Address already in use", e.Message);
    }

    [Fact]
    public void RequestedAddressOutsideSubnet() =>
        Assert.Throws<InvalidArgumentException>(() => AddressAllocator.Allocate(Net, Used(), "10.8.0.5"));

    [Fact]
    public void MacFollowsAddress() => Assert.Equal("02:42:ac:11:00:02", AddressAllocator.MacFor(Ipv4Address.Parse("172.17.0.2")));
}
