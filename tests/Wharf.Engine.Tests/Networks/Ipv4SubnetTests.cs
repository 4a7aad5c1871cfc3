using Wharf.Engine.Networks.Ipam;

namespace Wharf.Engine.Tests.Networks;

public sealed class Ipv4SubnetTests
{
    [Theory]
    [InlineData("10.0.0.0/8", "10.0.0.0", 8)]
    [InlineData("172.17.0.0/16", "172.17.0.0", 16)]
    [InlineData("192.168.1.128/25", "192.168.1.128", 25)]
    [InlineData("0.0.0.0/0", "0.0.0.0", 0)]
    [InlineData("1.2.3.4/32", "1.2.3.4", 32)]
    public void ParsesCidr(string text, string network, int prefix)
    {
        Assert.True(Ipv4Subnet.TryParse(text, out var subnet, out _));
        Assert.Equal(network, Ipv4Address.Format(subnet.Network));
        Assert.Equal(prefix, subnet.PrefixLength);
        Assert.Equal(text, subnet.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("10.0.0.0")]
    [InlineData("10.0.0.0/33")]
    [InlineData("10.0.0/8")]
    [InlineData("256.0.0.0/8")]
    [InlineData("10.0.0.0/-1")]
    [InlineData("10.0.0.0/08")]
    [InlineData("010.0.0.0/8")]
    [InlineData("10.0.0.0/ 8")]
    [InlineData("fd00::/64")]
    [InlineData("a.b.c.d/8")]
    public void RejectsMalformed(string text) => Assert.False(Ipv4Subnet.TryParse(text, out _, out _));

    [Fact]
    public void MasksHostBitsButReportsWrittenAddress()
    {
        Assert.True(Ipv4Subnet.TryParse("10.1.2.3/16", out var subnet, out var address));
        Assert.Equal("10.1.0.0/16", subnet.ToString());
        Assert.Equal("10.1.2.3", Ipv4Address.Format(address));
    }

    [Fact]
    public void HostRangeAndBroadcast()
    {
        var subnet = Ipv4Subnet.Parse("172.18.0.0/16");
        Assert.Equal("172.18.0.1", Ipv4Address.Format(subnet.FirstHost));
        Assert.Equal("172.18.255.254", Ipv4Address.Format(subnet.LastHost));
        Assert.Equal("172.18.255.255", Ipv4Address.Format(subnet.Broadcast));
        Assert.Equal(65536UL, subnet.Size);
        Assert.Equal("255.255.0.0", Ipv4Address.Format(subnet.Mask));
    }

    [Theory]
    [InlineData("10.0.0.0/8", "10.200.0.0/16", true)]
    [InlineData("10.200.0.0/16", "10.0.0.0/8", true)]
    [InlineData("10.0.0.0/24", "10.0.1.0/24", false)]
    [InlineData("192.168.0.0/20", "192.168.15.0/24", true)]
    [InlineData("192.168.0.0/20", "192.168.16.0/24", false)]
    [InlineData("0.0.0.0/0", "1.2.3.0/24", true)]
    public void Overlaps(string a, string b, bool expected)
    {
        Assert.Equal(expected, Ipv4Subnet.Parse(a).Overlaps(Ipv4Subnet.Parse(b)));
        Assert.Equal(expected, Ipv4Subnet.Parse(b).Overlaps(Ipv4Subnet.Parse(a)));
    }

    [Fact]
    public void ContainsAddressAndSubnet()
    {
        var subnet = Ipv4Subnet.Parse("10.5.0.0/16");
        Assert.True(subnet.Contains(Ipv4Address.Parse("10.5.255.255")));
        Assert.False(subnet.Contains(Ipv4Address.Parse("10.6.0.0")));
        Assert.True(subnet.Contains(Ipv4Subnet.Parse("10.5.3.0/24")));
        Assert.False(subnet.Contains(Ipv4Subnet.Parse("10.0.0.0/8")));
    }

    [Fact]
    public void AddressRoundTrip()
    {
        Assert.Equal(0xAC110002u, Ipv4Address.Parse("172.17.0.2"));
        Assert.Equal("255.255.255.255", Ipv4Address.Format(uint.MaxValue));
        Assert.False(Ipv4Address.TryParse("1.2.3", out _));
        Assert.False(Ipv4Address.TryParse("1.2.3.4.5", out _));
        Assert.False(Ipv4Address.TryParse(" 1.2.3.4", out _));
    }
}
