using Wharf.Daemon.Configuration;

namespace Wharf.Daemon.Tests.Configuration;

/// <summary><c>--host-gateway-ip</c> / daemon.json <c>host-gateway-ip</c>: where <c>--add-host name:host-gateway</c> points.</summary>
public sealed class HostGatewayIpOptionTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("wharf-hgw-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void FlagSetsTheAddress()
    {
        Assert.Equal("192.168.7.1", CommandLine.Parse(["--host-gateway-ip", "192.168.7.1"]).Options.HostGatewayIp);
        Assert.Null(CommandLine.Parse([]).Options.HostGatewayIp);
        Assert.Contains("--host-gateway-ip", CommandLine.Usage);
    }

    [Fact]
    public void FlagRejectsWhatIsNoAddress()
    {
        var error = Assert.Throws<DaemonUsageException>(() => CommandLine.Parse(["--host-gateway-ip", "1.2.3"]));
        Assert.Contains("invalid IP address: 1.2.3", error.Message);
    }

    [Fact]
    public void ConfigFileKeySetsTheAddressAndConflictsWithTheFlag()
    {
        var file = Path.Combine(_dir, "daemon.json");
        File.WriteAllText(file, """{ "host-gateway-ip": "10.9.8.7" }""");
        Assert.Equal("10.9.8.7", DaemonConfigFile.Merge(CommandLine.Parse(["--config-file", file])).HostGatewayIp);
        Assert.Throws<DaemonUsageException>(() => DaemonConfigFile.Merge(CommandLine.Parse(["--config-file", file, "--host-gateway-ip", "10.0.0.1"])));
    }
}
