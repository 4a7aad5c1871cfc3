using Wharf.Daemon.Configuration;

namespace Wharf.Daemon.Tests.Configuration;

public sealed class NetworkFlagsTests
{
    [Fact]
    public void FlagsSetBridgeBipTableAndPools()
    {
        var options = CommandLine.Parse(["--bridge", "wt0", "--bip=10.9.8.1/24", "--nft-table", "wt_x", "--default-address-pool", "base=10.50.0.0/16,size=24",
            "--exec-root", "/tmp/x/run"]).Options;
        var network = NetworkFlags.ToNetworkOptions(options);
        Assert.Equal(("wt0", "10.9.8.1/24", "wt_x"), (network.BridgeName, network.BridgeIp, network.NftTable));
        Assert.Equal("10.50.0.0/16", Assert.Single(network.AddressPools).Base.ToString());
        Assert.Equal(24, network.AddressPools[0].Size);
        Assert.Equal("/tmp/x/run/netns", network.NamespaceDirectory);
    }

    [Fact]
    public void DaemonJsonKeysWorkAndClashWithFlags()
    {
        var file = Path.Combine(Path.GetTempPath(), $"wharf-netflags-{Guid.NewGuid():N}.json");
        File.WriteAllText(file, """{"bridge": "wtj0", "bip": "10.7.0.1/16", "nft-table": "wtj", "default-address-pools": [{"base": "10.60.0.0/16", "size": 26}]}""");
        try
        {
            var merged = NetworkFlags.ToNetworkOptions(DaemonConfigFile.Merge(CommandLine.Parse(["--config-file", file])));
            Assert.Equal(("wtj0", "10.7.0.1/16", "wtj"), (merged.BridgeName, merged.BridgeIp, merged.NftTable));
            Assert.Equal(26, Assert.Single(merged.AddressPools).Size);
            var clash = Assert.Throws<DaemonUsageException>(() => DaemonConfigFile.Merge(CommandLine.Parse(["--config-file", file, "--bridge", "other"])));
            Assert.Contains("bridge", clash.Message);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Theory]
    [InlineData("--bip", "10.9.8.0/24", "invalid bridge IP (--bip) 10.9.8.0/24")]
    [InlineData("--bip", "nonsense", "invalid bridge IP (--bip) nonsense")]
    [InlineData("--bridge", "far-too-long-bridge-name", "invalid bridge name (--bridge)")]
    [InlineData("--bridge", "lo", "cannot use lo as the default bridge (--bridge)")]
    [InlineData("--nft-table", "bad;table", "invalid nftables table name")]
    public void BadSettingsFailAtStart(string flag, string value, string message)
    {
        var options = CommandLine.Parse([flag, value, "--exec-root", "/tmp/x/run"]).Options;
        Assert.StartsWith(message, Assert.Throws<DaemonUsageException>(() => NetworkFlags.ToNetworkOptions(options)).Message);
    }

    [Theory]
    [InlineData("base=10.0.0.0/16,size=8")]
    [InlineData("base=nonsense,size=24")]
    [InlineData("size=24")]
    [InlineData("base=10.0.0.0/16,size=24,foo=1")]
    public void BadPoolsAreUsageErrors(string pool) =>
        Assert.Throws<DaemonUsageException>(() => CommandLine.Parse(["--default-address-pool", pool]));
}
