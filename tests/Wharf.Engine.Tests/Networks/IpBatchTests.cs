using Wharf.Core.Errors;
using Wharf.Engine.Networks.Linux;

namespace Wharf.Engine.Tests.Networks;

public sealed class IpBatchTests
{
    private static readonly VethRequest Request = new()
    {
        Bridge = "br-1",
        HostInterface = "veth1234567",
        NamespacePath = "/run/wharf/netns/abc",
        InterfaceName = "eth0",
        Address = "10.1.0.2/16",
        MacAddress = "02:42:0a:01:00:02",
        Gateway = "10.1.0.1",
    };

    [Fact]
    public void BridgeCreatedOnlyWhenMissing()
    {
        Assert.Equal("link add name br-1 mtu 1500 type bridge\naddr replace 10.1.0.1/16 dev br-1\nlink set dev br-1 up\n",
            IpBatch.Bridge("br-1", ["10.1.0.1/16"], 1500, create: true));
        Assert.Equal("addr replace 10.1.0.1/16 dev br-1\nlink set dev br-1 up\n", IpBatch.Bridge("br-1", ["10.1.0.1/16"], 1500, create: false));
    }

    [Fact]
    public void HostSideCreatesPeerInsideNamespace()
    {
        var text = IpBatch.HostSide(Request);
        Assert.Equal(
            "link add name veth1234567 mtu 1500 type veth peer name eth0 mtu 1500 address 02:42:0a:01:00:02 netns /run/wharf/netns/abc\n" +
            "link set dev veth1234567 master br-1\nlink set dev veth1234567 up\n", text);
    }

    [Fact]
    public void NamespaceSideWithAndWithoutRoute()
    {
        Assert.Equal("link set dev lo up\naddr add 10.1.0.2/16 dev eth0\nlink set dev eth0 up\nroute replace default via 10.1.0.1 dev eth0\n",
            IpBatch.NamespaceSide(Request));
        Assert.DoesNotContain("route", IpBatch.NamespaceSide(Request with { Gateway = null }));
    }

    [Theory]
    [InlineData("")]
    [InlineData("sixteen-chars-xx")]
    [InlineData("a b")]
    [InlineData("a/b")]
    public void RejectsBadNames(string name) => Assert.Throws<InvalidArgumentException>(() => IpBatch.CheckName(name));
}
