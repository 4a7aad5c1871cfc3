using Wharf.Core.Errors;
using Wharf.Engine.Networks;
using Wharf.Engine.Networks.Dns;
using Wharf.Engine.Networks.Ipam;

namespace Wharf.Engine.Containers;

public sealed partial class ContainerService
{
    /// <summary>
    /// The address <c>--add-host name:host-gateway</c> maps to (daemon option <c>host-gateway-ip</c>); null = the
    /// default bridge's gateway.
    /// </summary>
    public string? HostGatewayIp { get; set; }

    /// <summary>
    /// At create: checks <c>--dns</c> and <c>--add-host</c> values and resolves <c>--link</c> targets with Docker's
    /// messages; links are stored as Docker shows them (<c>/db:/web/database</c>).
    /// </summary>
    private ContainerHostConfig CheckNameResolution(ContainerHostConfig hostConfig, string name)
    {
        ExtraHostSyntax.CheckNameservers(hostConfig.Dns);
        foreach (var extraHost in hostConfig.ExtraHosts ?? [])
        {
            ExtraHostSyntax.Parse(extraHost);
        }
        if (hostConfig.Links is not { Count: > 0 } links)
        {
            return hostConfig;
        }
        if (hostConfig.NetworkMode == "host")
        {
            throw new InvalidArgumentException("conflicting options: host type networking can't be used with links. This would result in undefined behavior");
        }
        var stored = new List<string>();
        foreach (var link in links)
        {
            var (target, alias) = ExtraHostSyntax.ParseLink(link);
            var child = _store.GetByName(target) ?? FindById(target)
                ?? throw new InvalidArgumentException($"could not get container for {target}: No such container: {target}");
            stored.Add($"/{child.Name.TrimStart('/')}:/{name}/{alias}");
        }
        return hostConfig with { Links = stored };
    }

    /// <summary>
    /// Rewrites the container's <c>/etc/hosts</c> and <c>/etc/resolv.conf</c> for its current endpoints: its own
    /// addresses, <c>--add-host</c> (with <c>host-gateway</c>), legacy <c>--link</c> entries on the default bridge,
    /// and the embedded DNS server on a user-defined network. Called once the endpoints exist (start) and after
    /// connect/disconnect of a running container. Throws Docker's errors for links to missing or stopped containers.
    /// </summary>
    internal void RefreshNetworkFiles(ContainerRecord container)
    {
        var endpoints = Networks?.EndpointsOfContainer(container.Id) ?? [];
        var attached = endpoints
            .Select(e => (Endpoint: e, Network: Networks!.Store.Get(e.NetworkId)))
            .Where(a => a.Network is not null)
            .Select(a => (a.Endpoint, Network: a.Network!))
            .OrderBy(a => PrimaryOrder(container, a.Network))
            .ToList();
        var embedded = Networks?.Dns is null
            ? null
            : attached.FirstOrDefault(a => IsUserDefinedBridge(a.Network) && a.Endpoint.Gateway.Length > 0).Endpoint?.Gateway;
        var onDefaultBridge = attached.Any(a => a.Network.Predefined && a.Network.Name == NetworkDrivers.Bridge);
        var extraHosts = new List<HostsEntry>(ContainerHostFiles.ExtraHostEntries(container.HostConfig.ExtraHosts, HostGateway()));
        var linkAliases = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var link in container.HostConfig.Links ?? [])
        {
            var (target, alias) = ExtraHostSyntax.ParseLink(link);
            if (onDefaultBridge)
            {
                extraHosts.Add(LinkEntry(link, target, alias));
            }
            else
            {
                linkAliases[alias] = target;
            }
        }
        if (Networks?.Dns is EmbeddedDns dns)
        {
            foreach (var (_, network) in attached.Where(a => IsUserDefinedBridge(a.Network)))
            {
                dns.NameNetwork(network.Id, network.Name);
            }
            dns.SetLinks(container.Id, linkAliases);
            dns.SetExternalServers(container.Id, embedded is null ? [] : container.HostConfig.Dns ?? []);
            dns.SetExternalAccess(container.Id, attached.Any(a => !a.Network.Internal));
        }
        _hostFiles.Update(container.HostsPath, container.ResolvConfPath, new ContainerNetworkFiles
        {
            Hostname = container.Config.Hostname,
            Domainname = container.Config.Domainname,
            NetworkMode = container.HostConfig.NetworkMode,
            Addresses = attached.Select(a => a.Endpoint.IPAddress).Where(a => a.Length > 0).ToList(),
            EmbeddedDnsServer = embedded,
            Dns = container.HostConfig.Dns ?? [],
            DnsSearch = container.HostConfig.DnsSearch ?? [],
            DnsOptions = container.HostConfig.DnsOptions ?? [],
            ExtraHosts = extraHosts,
        });
    }

    private HostsEntry LinkEntry(string link, string target, string alias)
    {
        var child = _store.GetByName(target) ?? FindById(target)
            ?? throw new InvalidArgumentException($"could not get container for {target}: No such container: {target}");
        var childName = child.Name.TrimStart('/');
        if (!child.State.Running)
        {
            var parentAlias = link.Split(':') is [_, var stored] ? stored : "/" + alias;
            throw new ConflictException($"Cannot link to a non running container: /{childName} AS {parentAlias}");
        }
        var bridge = Networks?.EndpointsOfContainer(child.Id)
            .FirstOrDefault(e => Networks.Store.Get(e.NetworkId) is { Predefined: true, Name: NetworkDrivers.Bridge });
        if (bridge is null || bridge.IPAddress.Length == 0)
        {
            throw new InvalidArgumentException($"Cannot link to /{childName}, as it does not belong to the default network");
        }
        // Docker: the alias, the linked container's host name, and its name when that differs from the alias.
        List<string> names = [alias, child.Config.Hostname];
        if (alias != childName)
        {
            names.Add(childName);
        }
        return new HostsEntry(bridge.IPAddress, names.Where(n => n.Length > 0).Distinct(StringComparer.Ordinal).ToList());
    }

    private string? HostGateway()
    {
        if (!string.IsNullOrEmpty(HostGatewayIp))
        {
            return HostGatewayIp;
        }
        var bridge = Networks?.Store.List().FirstOrDefault(n => n.Predefined && n.Name == NetworkDrivers.Bridge);
        return bridge is { Ipam.Count: > 0 } ? Ipv4Address.Format(bridge.Ipam[0].EffectiveGateway) : null;
    }

    private ContainerRecord? FindById(string idOrPrefix)
    {
        try
        {
            return _store.Resolve(idOrPrefix);
        }
        catch (WharfException)
        {
            return null;
        }
    }

    private static bool IsUserDefinedBridge(NetworkRecord network) => !network.Predefined && network.Driver == NetworkDrivers.Bridge;

    private static int PrimaryOrder(ContainerRecord container, NetworkRecord network)
    {
        var requested = container.HostConfig.EndpointsConfig ?? [];
        for (var i = 0; i < requested.Count; i++)
        {
            if (requested[i].Network == network.Name || requested[i].Network == network.Id)
            {
                return i;
            }
        }
        return int.MaxValue;
    }
}
