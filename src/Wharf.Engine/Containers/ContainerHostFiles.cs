using System.Text;
using Wharf.Engine.Networks.Dns;

namespace Wharf.Engine.Containers;

/// <summary>
/// Writes the <c>hostname</c>, <c>hosts</c> and <c>resolv.conf</c> files that are bind-mounted into a container, with
/// Docker's rules. resolv.conf: with host networking the host's file; on a user-defined network the embedded DNS
/// server (Docker writes 127.0.0.11; ours listens on the network's gateway, so that address is written) with the host's
/// search domains and options plus <c>ndots:0</c>; otherwise the host's file without loopback nameservers (Google's
/// public resolvers when none remain). <c>--dns</c>, <c>--dns-search</c> and <c>--dns-option</c> replace the matching
/// parts. hosts: the localhost lines, <c>--add-host</c> and <c>--link</c> entries, then the container's own address
/// and host name.
/// </summary>
public sealed class ContainerHostFiles
{
    private static readonly string[] DefaultNameservers = ["8.8.8.8", "8.8.4.4"];

    /// <summary>The host's hosts file (copied for <c>--network host</c>).</summary>
    public string HostHostsPath { get; init; } = "/etc/hosts";

    /// <summary>The host's resolver configuration.</summary>
    public string HostResolvConfPath { get; init; } = "/etc/resolv.conf";

    /// <summary>systemd-resolved's upstream list, used when the host file only points at its local stub.</summary>
    public string SystemdResolvConfPath { get; init; } = "/run/systemd/resolve/resolv.conf";

    /// <summary>Writes the three files into <paramref name="directory"/>; returns their paths (hostname, hosts, resolv.conf).</summary>
    public (string Hostname, string Hosts, string ResolvConf) Write(string directory, string hostname, string domainname, string networkMode) =>
        Write(directory, new ContainerNetworkFiles { Hostname = hostname, Domainname = domainname, NetworkMode = networkMode });

    /// <summary>Writes the three files for a container being created (no addresses yet; --dns*, --add-host applied).</summary>
    public (string Hostname, string Hosts, string ResolvConf) Write(string directory, string hostname, string domainname, ContainerHostConfig hostConfig) =>
        Write(directory, new ContainerNetworkFiles
        {
            Hostname = hostname,
            Domainname = domainname,
            NetworkMode = hostConfig.NetworkMode,
            Dns = hostConfig.Dns ?? [],
            DnsSearch = hostConfig.DnsSearch ?? [],
            DnsOptions = hostConfig.DnsOptions ?? [],
            ExtraHosts = ExtraHostEntries(hostConfig.ExtraHosts, null),
        });

    /// <summary>Writes the three files from <paramref name="files"/>.</summary>
    public (string Hostname, string Hosts, string ResolvConf) Write(string directory, ContainerNetworkFiles files)
    {
        var hostnamePath = Path.Combine(directory, "hostname");
        var hostsPath = Path.Combine(directory, "hosts");
        var resolvPath = Path.Combine(directory, "resolv.conf");
        File.WriteAllText(hostnamePath, files.Hostname + "\n");
        Update(hostsPath, resolvPath, files);
        return (hostnamePath, hostsPath, resolvPath);
    }

    /// <summary>
    /// Rewrites hosts and resolv.conf in place (same inode, so the bind mounts of a running container see the change).
    /// </summary>
    public void Update(string hostsPath, string resolvConfPath, ContainerNetworkFiles files)
    {
        var hostMode = files.NetworkMode == "host";
        File.WriteAllText(hostsPath, hostMode && File.Exists(HostHostsPath) ? File.ReadAllText(HostHostsPath) : BuildHosts(files));
        File.WriteAllText(resolvConfPath, BuildResolvConf(files));
    }

    /// <summary>Docker's default hosts file plus a line for the container's own name.</summary>
    public static string BuildHosts(string hostname, string domainname) =>
        BuildHosts(new ContainerNetworkFiles { Hostname = hostname, Domainname = domainname });

    /// <summary>The hosts file: localhost lines, extra hosts and links, then the container's address(es) with its host name.</summary>
    public static string BuildHosts(ContainerNetworkFiles files)
    {
        var text = new StringBuilder();
        text.Append("127.0.0.1\tlocalhost\n");
        text.Append("::1\tlocalhost ip6-localhost ip6-loopback\n");
        text.Append("fe00::0\tip6-localnet\n");
        text.Append("ff00::0\tip6-mcastprefix\n");
        text.Append("ff02::1\tip6-allnodes\n");
        text.Append("ff02::2\tip6-allrouters\n");
        foreach (var entry in files.ExtraHosts)
        {
            text.Append(entry).Append('\n');
        }
        var names = files.Domainname.Length > 0 ? $"{files.Hostname}.{files.Domainname} {files.Hostname}" : files.Hostname;
        // Without an address of its own (none, or before the network is attached) the name still resolves, to loopback.
        foreach (var address in files.Addresses.Count > 0 ? files.Addresses : ["127.0.0.1"])
        {
            text.Append(address).Append('\t').Append(names).Append('\n');
        }
        return text.ToString();
    }

    /// <summary>The host's resolv.conf; outside the host's network namespace, loopback nameservers are dropped and Google's public resolvers stand in when none remain.</summary>
    public string BuildResolvConf(bool hostNetwork) =>
        BuildResolvConf(new ContainerNetworkFiles { Hostname = "", NetworkMode = hostNetwork ? "host" : "" });

    /// <summary>resolv.conf by Docker's rules (see the type's summary).</summary>
    public string BuildResolvConf(ContainerNetworkFiles files)
    {
        var source = File.Exists(HostResolvConfPath) ? File.ReadAllText(HostResolvConfPath) : "";
        var overridden = files.Dns.Count > 0 || files.DnsSearch.Count > 0 || files.DnsOptions.Count > 0;
        if (files.NetworkMode == "host" && !overridden)
        {
            return source;
        }
        var lines = source.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        if (files.NetworkMode != "host" && OnlyLoopback(lines) && File.Exists(SystemdResolvConfPath))
        {
            lines = File.ReadAllText(SystemdResolvConfPath).Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        }
        var host = ResolvConf.Parse(string.Join('\n', lines));
        var search = files.DnsSearch.Count > 0 ? files.DnsSearch.Where(d => d != ".").ToList() : host.Search;
        var options = files.DnsOptions.Count > 0 ? files.DnsOptions : host.Options;
        var text = new StringBuilder();
        if (files.EmbeddedDnsServer is { } embedded)
        {
            text.Append("nameserver ").Append(embedded).Append('\n');
            AppendList(text, "search", search);
            // As Docker: the embedded server sees every name first, so no search-list expansion before the bare name.
            AppendList(text, "options", options.Any(o => o.StartsWith("ndots:", StringComparison.Ordinal)) ? options : [.. options, "ndots:0"]);
            if (files.Dns.Count > 0)
            {
                text.Append("\n# ExtServers: [").Append(string.Join(' ', files.Dns)).Append("]\n");
            }
            return text.ToString();
        }
        IEnumerable<string> nameservers;
        if (files.Dns.Count > 0)
        {
            nameservers = files.Dns;
        }
        else
        {
            var kept = files.NetworkMode == "host" ? host.Nameservers : host.Nameservers.Where(s => !IsLoopback(s)).ToList();
            nameservers = kept.Count > 0 ? kept : DefaultNameservers;
        }
        foreach (var server in nameservers)
        {
            text.Append("nameserver ").Append(server).Append('\n');
        }
        AppendList(text, "search", search);
        AppendList(text, "options", options);
        return text.ToString();
    }

    /// <summary>Drops loopback nameservers; adds the default ones when none remain.</summary>
    public static string FilterResolvConf(IEnumerable<string> lines)
    {
        var text = new StringBuilder();
        var nameservers = 0;
        foreach (var line in lines)
        {
            var nameserver = Nameserver(line);
            if (nameserver is not null)
            {
                if (IsLoopback(nameserver))
                {
                    continue;
                }
                nameservers++;
            }
            if (line.Length > 0)
            {
                text.Append(line).Append('\n');
            }
        }
        if (nameservers == 0)
        {
            foreach (var server in DefaultNameservers)
            {
                text.Append("nameserver ").Append(server).Append('\n');
            }
        }
        return text.ToString();
    }

    /// <summary>
    /// <c>--add-host</c> values (<c>name:ip</c>, <c>name=ip</c>; IPv6 after the first separator) as hosts entries;
    /// <c>host-gateway</c> becomes <paramref name="hostGateway"/> (left out while that is unknown).
    /// </summary>
    public static IReadOnlyList<HostsEntry> ExtraHostEntries(IReadOnlyList<string>? extraHosts, string? hostGateway)
    {
        var entries = new List<HostsEntry>();
        foreach (var value in extraHosts ?? [])
        {
            var (name, address) = ExtraHostSyntax.Parse(value);
            if (address == ExtraHostSyntax.HostGateway)
            {
                if (hostGateway is null)
                {
                    continue;
                }
                address = hostGateway;
            }
            entries.Add(new HostsEntry(address, [name]));
        }
        return entries;
    }

    private static void AppendList(StringBuilder text, string keyword, IReadOnlyList<string> values)
    {
        if (values.Count > 0)
        {
            text.Append(keyword).Append(' ').Append(string.Join(' ', values)).Append('\n');
        }
    }

    private static bool OnlyLoopback(List<string> lines)
    {
        var servers = lines.Select(Nameserver).OfType<string>().ToList();
        return servers.Count > 0 && servers.All(IsLoopback);
    }

    private static string? Nameserver(string line)
    {
        var fields = line.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        return fields.Length >= 2 && fields[0] == "nameserver" ? fields[1] : null;
    }

    private static bool IsLoopback(string address) => address.StartsWith("127.", StringComparison.Ordinal) || address == "::1";
}
