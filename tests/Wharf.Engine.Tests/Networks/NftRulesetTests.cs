using Wharf.Core.Errors;
using Wharf.Engine.Networks.Linux;

namespace Wharf.Engine.Tests.Networks;

public sealed class NftRulesetTests
{
    private static readonly FirewallBridge Default = new("wharf0", ["172.17.0.0/16"], false);
    private static readonly FirewallBridge User = new("br-aaaaaaaaaaaa", ["10.1.0.0/16"], false);
    private static readonly FirewallBridge Internal = new("br-bbbbbbbbbbbb", ["10.2.0.0/16"], true);

    [Fact]
    public void ReplacesTheWholeTableInOneScript()
    {
        var text = new NftRuleset("wharf", [Default], []).Render();
        var lines = text.Split('\n');
        Assert.Equal("table inet wharf {}", lines[0]);
        Assert.Equal("delete table inet wharf", lines[1]);
        Assert.Equal("table inet wharf {", lines[2]);
        Assert.EndsWith("}\n", text);
    }

    [Fact]
    public void MasqueradesEgressOfNonInternalSubnets()
    {
        var text = new NftRuleset("wharf", [Default, User, Internal], []).Render();
        Assert.Contains("ip saddr 172.17.0.0/16 oifname != \"wharf0\" masquerade", text);
        Assert.Contains("ip saddr 10.1.0.0/16 oifname != \"br-aaaaaaaaaaaa\" masquerade", text);
        Assert.DoesNotContain("10.2.0.0/16", text);
    }

    [Fact]
    public void LoopbackPublishingIsDnatedAndMasqueradedToTheBridge()
    {
        var text = new NftRuleset("wharf", [Default], [new PublishedPort("tcp", "127.0.0.1", 8080, "172.17.0.2", 80)]).Render();
        Assert.Contains("ip saddr 127.0.0.0/8 oifname \"wharf0\" masquerade", text);
        Assert.Contains("type nat hook output priority -100; policy accept;\n\t\tfib daddr type local jump published", text);
        Assert.Contains("ip daddr 127.0.0.1 tcp dport 8080 dnat ip to 172.17.0.2:80", text);
    }

    [Fact]
    public void InternalNetworksHaveNoWayOut()
    {
        var text = new NftRuleset("wharf", [Default, Internal], []).Render();
        Assert.Contains("iifname \"br-bbbbbbbbbbbb\" oifname != \"br-bbbbbbbbbbbb\" drop", text);
        Assert.Contains("oifname \"br-bbbbbbbbbbbb\" iifname != \"br-bbbbbbbbbbbb\" drop", text);
        Assert.DoesNotContain("iifname \"wharf0\" oifname != \"wharf0\" drop", text);
    }

    [Fact]
    public void BridgesAreIsolatedFromEachOther()
    {
        var text = new NftRuleset("wharf", [Default, User, Internal], []).Render();
        Assert.Contains("iifname \"wharf0\" oifname { \"br-aaaaaaaaaaaa\", \"br-bbbbbbbbbbbb\" } drop", text);
        Assert.Contains("iifname \"br-aaaaaaaaaaaa\" oifname { \"wharf0\", \"br-bbbbbbbbbbbb\" } drop", text);
        var established = text.IndexOf("ct state established,related accept", StringComparison.Ordinal);
        Assert.True(established > 0 && established < text.IndexOf("oifname {", StringComparison.Ordinal));
    }

    [Fact]
    public void SingleBridgeHasNoIsolationRule() =>
        Assert.DoesNotContain("oifname {", new NftRuleset("wharf", [Default], []).Render());

    [Fact]
    public void PublishedPortsAreDnatedFromOutsideAndFromTheHost()
    {
        var text = new NftRuleset("wharf", [Default],
        [
            new PublishedPort("tcp", null, 8080, "172.17.0.2", 80),
            new PublishedPort("udp", "192.0.2.10", 5353, "172.17.0.3", 53),
        ]).Render();
        Assert.Contains("tcp dport 8080 dnat ip to 172.17.0.2:80", text);
        Assert.Contains("ip daddr 192.0.2.10 udp dport 5353 dnat ip to 172.17.0.3:53", text);
        Assert.Contains("type nat hook prerouting priority dstnat", text);
        Assert.Contains("type nat hook output priority -100", text);
        Assert.Contains("fib daddr type local jump published", text);
        Assert.Contains("iifname \"wharf0\" oifname \"wharf0\" ct status dnat masquerade", text);
    }

    [Fact]
    public void PublishedPortsAreReachableAcrossBridgesButContainerAddressesAreNot()
    {
        var text = new NftRuleset("wharf", [Default, User, Internal], [new PublishedPort("tcp", null, 8080, "10.1.0.2", 80)]).Render();
        var accept = text.IndexOf("ct status dnat ip daddr 10.1.0.2 tcp dport 80 accept", StringComparison.Ordinal);
        Assert.True(accept > 0);
        // After the internal networks' drops (they stay cut off), before the isolation between bridges.
        Assert.True(accept > text.IndexOf("iifname \"br-bbbbbbbbbbbb\" oifname != \"br-bbbbbbbbbbbb\" drop", StringComparison.Ordinal));
        Assert.True(accept < text.IndexOf("iifname \"wharf0\" oifname {", StringComparison.Ordinal));
        Assert.DoesNotContain("ct status dnat accept", text);
    }

    [Theory]
    [InlineData("")]
    [InlineData("bad name")]
    [InlineData("x;flush ruleset")]
    [InlineData("1abc")]
    public void RejectsBadTableNames(string table) => Assert.Throws<InvalidArgumentException>(() => new NftRuleset(table, [], []));

    [Fact]
    public void RejectsBadPortsAndAddresses()
    {
        Assert.Throws<InvalidArgumentException>(() => new NftRuleset("t", [], [new PublishedPort("tcp", null, 0, "10.0.0.2", 80)]).Render());
        Assert.Throws<InvalidArgumentException>(() => new NftRuleset("t", [], [new PublishedPort("icmp", null, 1, "10.0.0.2", 80)]).Render());
        Assert.Throws<InvalidArgumentException>(() => new NftRuleset("t", [], [new PublishedPort("tcp", null, 1, "10.0.0.2; drop", 80)]).Render());
        Assert.Throws<InvalidArgumentException>(() => new NftRuleset("t", [new FirewallBridge("a\"b", [], false)], []).Render());
    }

    [Fact]
    public void DeleteScript() => Assert.Equal("table inet wharf_t1 {}\ndelete table inet wharf_t1\n", NftRuleset.RenderDelete("wharf_t1"));
}
