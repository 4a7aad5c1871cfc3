using Wharf.Core.Errors;
using Wharf.Core.Networking;

namespace Wharf.Core.Tests.Networking;

public sealed class PortSpecsTests
{
    [Theory]
    [InlineData("80", "80/tcp||")]
    [InlineData("80/udp", "80/udp||")]
    [InlineData("80/SCTP", "80/sctp||")]
    [InlineData("8080:80", "80/tcp||8080")]
    [InlineData(":80", "80/tcp||")]
    [InlineData("127.0.0.1:8080:80/udp", "80/udp|127.0.0.1|8080")]
    [InlineData("127.0.0.1::80", "80/tcp|127.0.0.1|")]
    [InlineData("[::1]:8080:80", "80/tcp|::1|8080")]
    [InlineData("::1:8080:80", "80/tcp|::1|8080")]
    [InlineData("8000-8002:80", "80/tcp||8000-8002")]
    [InlineData("8000-8001:80-81", "80/tcp||8000,81/tcp||8001")]
    [InlineData("80-82", "80/tcp||,81/tcp||,82/tcp||")]
    [InlineData("0.0.0.0:9000-9001:9000-9001/udp", "9000/udp|0.0.0.0|9000,9001/udp|0.0.0.0|9001")]
    [InlineData("80-80", "80/tcp||")]
    public void ParsesPublishSpecs(string spec, string expected)
    {
        var actual = string.Join(",", PortSpecs.ParsePortSpec(spec).Select(m => $"{m.Port}|{m.HostIp}|{m.HostPort}"));
        Assert.Equal(expected, actual);
    }

    [Theory]
    [InlineData("", "no port specified: <empty>")]
    [InlineData("8080:", "no port specified: 8080:<empty>")]
    [InlineData("80/icmp", "invalid proto: icmp")]
    [InlineData("1.2.3:8080:80", "invalid IP address: 1.2.3")]
    [InlineData("localhost:8080:80", "invalid IP address: localhost")]
    [InlineData("01.2.3.4:8080:80", "invalid IP address: 01.2.3.4")]
    [InlineData("abc", "invalid containerPort: abc")]
    [InlineData("65536", "invalid containerPort: 65536")]
    [InlineData("82-80", "invalid containerPort: 82-80")]
    [InlineData("x:80", "invalid hostPort: x")]
    [InlineData("8000-8001:80-82", "invalid ranges specified for container and host Ports: 80-82 and 8000-8001")]
    public void RejectsBadPublishSpecs(string spec, string message) =>
        Assert.Equal(message, Assert.Throws<InvalidArgumentException>(() => PortSpecs.ParsePortSpec(spec)).Message);

    [Fact]
    public void CollectsExposedPortsAndBindings()
    {
        var (exposed, bindings) = PortSpecs.ParsePortSpecs(["8080:80", "127.0.0.1:8081:80", "53/udp"]);
        Assert.Equal(["80/tcp", "53/udp"], exposed);
        Assert.Equal(2, bindings["80/tcp"].Count);
        Assert.Equal("127.0.0.1", bindings["80/tcp"][1].HostIp);
        Assert.Equal("", bindings["53/udp"][0].HostPort);
    }

    [Theory]
    [InlineData("80", "80/tcp")]
    [InlineData("53/udp", "53/udp")]
    [InlineData("8000-8002/tcp", "8000/tcp,8001/tcp,8002/tcp")]
    public void ParsesExposedPorts(string value, string expected) => Assert.Equal(expected, string.Join(",", PortSpecs.ParseExposed(value)));

    [Theory]
    [InlineData("8080:80", "invalid port format for --expose: 8080:80")]
    [InlineData("x", "invalid range format for --expose: x, error: invalid start port 'x': invalid syntax")]
    [InlineData("90-80", "invalid range format for --expose: 90-80, error: invalid port range: 90-80")]
    [InlineData("70000", "invalid range format for --expose: 70000, error: invalid start port '70000': value out of range (0–65535)")]
    public void RejectsBadExposedPorts(string value, string message) =>
        Assert.Equal(message, Assert.Throws<InvalidArgumentException>(() => PortSpecs.ParseExposed(value)).Message);

    [Theory]
    [InlineData("80/udp", "udp", "80")]
    [InlineData("80", "tcp", "80")]
    [InlineData("", "", "")]
    [InlineData("/udp", "", "")]
    public void SplitsProtoAndPort(string raw, string proto, string port) => Assert.Equal((proto, port), PortSpecs.SplitProtoPort(raw));
}
