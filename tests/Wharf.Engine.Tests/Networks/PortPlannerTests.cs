using Wharf.Core.Errors;
using Wharf.Engine.Networks.Ports;

namespace Wharf.Engine.Tests.Networks;

public sealed class PortPlannerTests
{
    [Fact]
    public void RequestsExpandBindingsAndPublishAll()
    {
        var bindings = new Dictionary<string, IReadOnlyList<PortBindingRequest>>
        {
            ["80/tcp"] = [new PortBindingRequest("127.0.0.1", "8080"), new PortBindingRequest("", "")],
            ["53/udp"] = [new PortBindingRequest("0.0.0.0", "5300-5310")],
            ["443"] = [],
        };
        var requests = PortPlanner.Requests(bindings, publishAll: true, ["80/tcp", "9000/tcp", "9001/udp"]);
        Assert.Equal(
            ["443/tcp - 0-0", "53/udp - 5300-5310", "80/tcp 127.0.0.1 8080-8080", "80/tcp - 0-0", "9000/tcp - 0-0", "9001/udp - 0-0"],
            requests.Select(r => $"{r.Key} {(r.HostIp.Length == 0 ? "-" : r.HostIp)} {r.HostPortStart}-{r.HostPortEnd}"));
    }

    [Theory]
    [InlineData("abc/tcp", "invalid port specification: \"abc\"")]
    [InlineData("70000", "invalid port specification: \"70000\"")]
    [InlineData("80/icmp", "invalid proto: icmp")]
    public void BadKeysAreRefusedWithDockersText(string key, string message)
    {
        var bindings = new Dictionary<string, IReadOnlyList<PortBindingRequest>> { [key] = [new PortBindingRequest()] };
        Assert.Equal(message, Assert.Throws<InvalidArgumentException>(() => PortPlanner.Requests(bindings, false, null)).Message);
    }

    [Fact]
    public void BadHostPortsAndAddressesAreRefused()
    {
        Assert.Throws<InvalidArgumentException>(() => PortPlanner.ParseHostPort("90-80"));
        Assert.Throws<InvalidArgumentException>(() => PortPlanner.ParseHostPort("x"));
        var bindings = new Dictionary<string, IReadOnlyList<PortBindingRequest>> { ["80"] = [new PortBindingRequest("1.2.3", "80")] };
        Assert.Throws<InvalidArgumentException>(() => PortPlanner.Requests(bindings, false, null));
    }

    [Fact]
    public void AllocationTakesFixedPortsRangesAndEphemeralPorts()
    {
        var taken = new HashSet<int> { 5300, 5301, 40000 };
        var reserved = new List<int>();
        bool TryReserve(string protocol, string ip, int port)
        {
            if (taken.Contains(port) || reserved.Contains(port))
            {
                return false;
            }
            reserved.Add(port);
            return true;
        }
        var ports = PortPlanner.Allocate(
            [new PortRequest("tcp", 80, "", 8080, 8080), new PortRequest("udp", 53, "127.0.0.1", 5300, 5310), new PortRequest("tcp", 81, "", 0, 0)],
            "10.0.0.2", TryReserve, firstCandidate: 40000);
        Assert.Equal([8080, 5302, 40001], ports.Select(p => p.HostPort));
        Assert.Equal("127.0.0.1", ports[1].HostIp);
        Assert.Null(ports[0].HostIp);
        Assert.All(ports, p => Assert.Equal("10.0.0.2", p.ContainerIp));
        var conflict = Assert.Throws<ConflictException>(() => PortPlanner.Allocate([new PortRequest("tcp", 80, "", 5300, 5300)], "10.0.0.2", TryReserve));
        Assert.Equal("Bind for 0.0.0.0:5300 failed: port is already allocated", conflict.Message);
        // The ephemeral search wraps around the range.
        Assert.Equal(PortPlanner.EphemeralStart, PortPlanner.Allocate([new PortRequest("tcp", 1, "", 0, 0)], "x", (_, _, p) => p == PortPlanner.EphemeralStart, PortPlanner.EphemeralEnd)[0].HostPort);
    }
}
