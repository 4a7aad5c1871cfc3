using System.Text.Json;
using Wharf.Integration.Tests.Infrastructure;

namespace Wharf.Integration.Tests;

/// <summary><c>wharf network …</c> with docker's output.</summary>
[Collection(DaemonCollection.Name)]
public sealed class NetworkCliTests(DaemonFixture fixture)
{
    private readonly WharfDaemon _d = fixture.Daemon;

    private static string Unique(string prefix) => prefix + "-" + Guid.NewGuid().ToString("N")[..8];

    /// <summary>A /24 inside this daemon's address pool, so clean-up finds its bridge.</summary>
    private string Subnet(int third) => _d.Network.Pool[..(_d.Network.Pool.IndexOf('.', 3) + 1)] + third + ".0/24";

    [Fact]
    public async Task NetworkCreateLsInspectRm()
    {
        var name = Unique("wnet");
        var subnet = Subnet(201);
        var gateway = subnet.Replace(".0/24", ".1", StringComparison.Ordinal);
        var create = await _d.WharfAsync("network", "create", "--driver", "bridge", "--subnet", subnet, "--gateway", gateway,
            "--label", "it.net=yes", "--internal", "--attachable", name);
        Assert.True(create.ExitCode == 0, create.ToString() + _d.ReadLog());
        var id = create.Stdout.Trim();
        Assert.Matches("^[0-9a-f]{64}$", id);
        try
        {
            var ls = await _d.WharfAsync("network", "ls");
            var lines = ls.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.Matches(@"^NETWORK ID\s+NAME\s+DRIVER\s+SCOPE$", lines[0]);
            Assert.Contains(lines, l => System.Text.RegularExpressions.Regex.IsMatch(l, $@"^{id[..12]}\s+{name}\s+bridge\s+local$"));

            var quiet = await _d.WharfAsync("network", "ls", "-q", "--no-trunc", "--filter", "name=" + name);
            Assert.Equal(id + "\n", quiet.Stdout);
            var byLabel = await _d.WharfAsync("network", "ls", "--filter", "label=it.net=yes", "--format", "{{.Name}} {{.Driver}} {{.Internal}} {{.Label \"it.net\"}}");
            Assert.Contains($"{name} bridge true yes\n", byLabel.Stdout);

            var inspect = await _d.WharfAsync("network", "inspect", name);
            Assert.True(inspect.ExitCode == 0, inspect.ToString());
            using (var doc = JsonDocument.Parse(inspect.Stdout))
            {
                var n = doc.RootElement[0];
                Assert.Equal(name, n.GetProperty("Name").GetString());
                Assert.Equal(id, n.GetProperty("Id").GetString());
                Assert.True(n.GetProperty("Internal").GetBoolean());
                var ipam = n.GetProperty("IPAM").GetProperty("Config")[0];
                Assert.Equal(subnet, ipam.GetProperty("Subnet").GetString());
                Assert.Equal(gateway, ipam.GetProperty("Gateway").GetString());
            }
            var formatted = await _d.WharfAsync("network", "inspect", "-f", "{{.Name}} {{.Driver}}", name);
            Assert.Equal($"{name} bridge\n", formatted.Stdout);

            var duplicate = await _d.WharfAsync("network", "create", name);
            Assert.Equal(1, duplicate.ExitCode);
            Assert.StartsWith("Error response from daemon: ", duplicate.Stderr);

            var badGateway = await _d.WharfAsync("network", "create", "--subnet", Subnet(202), "--gateway", "192.0.2.1", Unique("wnet-bad"));
            Assert.Equal(1, badGateway.ExitCode);
            Assert.Contains("no matching subnet for gateway 192.0.2.1", badGateway.Stderr);
        }
        finally
        {
            var rm = await _d.WharfAsync("network", "rm", name);
            Assert.Equal(name + "\n", rm.Stdout);
        }
        var missing = await _d.WharfAsync("network", "rm", name);
        Assert.Equal(1, missing.ExitCode);
        Assert.StartsWith("Error response from daemon: ", missing.Stderr);
        Assert.Equal(0, (await _d.WharfAsync("network", "rm", "-f", name)).ExitCode);
    }

    [Fact]
    public async Task NetworkPruneRemovesUnusedCustomNetworks()
    {
        var name = Unique("wprune");
        (await _d.WharfAsync("network", "create", "--subnet", Subnet(203), "--label", "it.prune=" + name, name)).EnsureSuccess("create");
        try
        {
            var prune = await _d.WharfAsync("network", "prune", "-f", "--filter", "label=it.prune=" + name);
            Assert.True(prune.ExitCode == 0, prune.ToString() + _d.ReadLog());
            Assert.Equal($"Deleted Networks:\n{name}\n\n", prune.Stdout);
            Assert.Equal(1, (await _d.WharfAsync("network", "inspect", name)).ExitCode);
        }
        finally
        {
            await _d.WharfAsync("network", "rm", "-f", name);
        }
    }

    [Fact]
    public async Task NetworkConnectAndDisconnect()
    {
        var name = Unique("wconn");
        var container = Unique("wconn-c");
        (await _d.WharfAsync("network", "create", "--subnet", Subnet(204), name)).EnsureSuccess("create");
        try
        {
            (await _d.WharfAsync("run", "-d", "--name", container, "busybox", "sleep", "60")).EnsureSuccess("run");
            var connect = await _d.WharfAsync("network", "connect", "--alias", "web", name, container);
            Assert.True(connect.ExitCode == 0, connect.ToString() + _d.ReadLog());
            Assert.Equal("", connect.Stdout);
            var attached = await _d.WharfAsync("network", "inspect", "-f", "{{range .Containers}}{{.Name}} {{end}}", name);
            Assert.Contains(container, attached.Stdout);

            var disconnect = await _d.WharfAsync("network", "disconnect", name, container);
            Assert.True(disconnect.ExitCode == 0, disconnect.ToString() + _d.ReadLog());
            var detached = await _d.WharfAsync("network", "inspect", "-f", "{{range .Containers}}{{.Name}} {{end}}", name);
            Assert.DoesNotContain(container, detached.Stdout);
        }
        finally
        {
            await _d.WharfAsync("rm", "-f", container);
            await _d.WharfAsync("network", "rm", name);
        }
    }
}
