using Wharf.Engine.Networks.Ipam;
using Wharf.Engine.Networks.Linux;

namespace Wharf.Engine.Tests.Networks;

/// <summary>Records host operations and keeps the set of interfaces that would exist.</summary>
internal sealed class FakeNetworkHost : INetworkHost
{
    public List<string> Calls { get; } = [];
    public HashSet<string> Interfaces { get; } = [];
    public List<NftRuleset> Rulesets { get; } = [];
    public List<Ipv4Subnet> HostRoutes { get; } = [];
    public Exception? FailFirewall { get; set; }
    public Exception? FailConnect { get; set; }

    public Task EnsureBridgeAsync(string name, IReadOnlyList<string> addresses, int mtu, CancellationToken ct = default)
    {
        Calls.Add($"bridge {name} {string.Join(',', addresses)}");
        Interfaces.Add(name);
        return Task.CompletedTask;
    }

    public Task DeleteBridgeAsync(string name, CancellationToken ct = default)
    {
        Calls.Add($"delete-bridge {name}");
        Interfaces.Remove(name);
        return Task.CompletedTask;
    }

    public Task CreateNamespaceAsync(string path, CancellationToken ct = default)
    {
        Calls.Add($"netns {path}");
        return Task.CompletedTask;
    }

    public Task DeleteNamespaceAsync(string path, CancellationToken ct = default)
    {
        Calls.Add($"delete-netns {path}");
        return Task.CompletedTask;
    }

    public Task ConnectAsync(VethRequest request, CancellationToken ct = default)
    {
        Calls.Add($"connect {request.HostInterface} {request.Bridge} {request.InterfaceName} {request.Address} {request.Gateway ?? "-"}");
        if (FailConnect is { } e)
        {
            throw e;
        }
        Interfaces.Add(request.HostInterface);
        return Task.CompletedTask;
    }

    public Task DisconnectAsync(string hostInterface, CancellationToken ct = default)
    {
        Calls.Add($"disconnect {hostInterface}");
        Interfaces.Remove(hostInterface);
        return Task.CompletedTask;
    }

    public Task ApplyFirewallAsync(NftRuleset ruleset, CancellationToken ct = default)
    {
        if (FailFirewall is { } e)
        {
            throw e;
        }
        Rulesets.Add(ruleset);
        return Task.CompletedTask;
    }

    public Task DeleteFirewallAsync(string table, CancellationToken ct = default)
    {
        Calls.Add($"delete-table {table}");
        return Task.CompletedTask;
    }

    public Task EnableForwardingAsync(CancellationToken ct = default) => Task.CompletedTask;

    public IReadOnlyList<Ipv4Subnet> Routes() => HostRoutes;

    public bool InterfaceExists(string name) => Interfaces.Contains(name);
}
