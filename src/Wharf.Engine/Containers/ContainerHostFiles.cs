using System.Text;

namespace Wharf.Engine.Containers;

/// <summary>Writes the <c>hostname</c>, <c>hosts</c> and <c>resolv.conf</c> files that are bind-mounted into a container, as Docker does.</summary>
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
    public (string Hostname, string Hosts, string ResolvConf) Write(string directory, string hostname, string domainname, string networkMode)
    {
        var hostnamePath = Path.Combine(directory, "hostname");
        var hostsPath = Path.Combine(directory, "hosts");
        var resolvPath = Path.Combine(directory, "resolv.conf");
        File.WriteAllText(hostnamePath, hostname + "\n");
        var hostMode = networkMode == "host";
        File.WriteAllText(hostsPath, hostMode && File.Exists(HostHostsPath) ? File.ReadAllText(HostHostsPath) : BuildHosts(hostname, domainname));
        File.WriteAllText(resolvPath, BuildResolvConf(hostMode));
        return (hostnamePath, hostsPath, resolvPath);
    }

    /// <summary>Docker's default hosts file plus a line for the container's own name.</summary>
    public static string BuildHosts(string hostname, string domainname)
    {
        var text = new StringBuilder();
        text.Append("127.0.0.1\tlocalhost\n");
        text.Append("::1\tlocalhost ip6-localhost ip6-loopback\n");
        text.Append("fe00::0\tip6-localnet\n");
        text.Append("ff00::0\tip6-mcastprefix\n");
        text.Append("ff02::1\tip6-allnodes\n");
        text.Append("ff02::2\tip6-allrouters\n");
        var names = domainname.Length > 0 ? $"{hostname}.{domainname} {hostname}" : hostname;
        text.Append("127.0.0.1\t").Append(names).Append('\n');
        return text.ToString();
    }

    /// <summary>The host's resolv.conf; outside the host's network namespace, loopback nameservers are dropped and Google's public resolvers stand in when none remain.</summary>
    public string BuildResolvConf(bool hostNetwork)
    {
        var source = File.Exists(HostResolvConfPath) ? File.ReadAllText(HostResolvConfPath) : "";
        if (hostNetwork)
        {
            return source;
        }
        var lines = source.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        if (OnlyLoopback(lines) && File.Exists(SystemdResolvConfPath))
        {
            lines = File.ReadAllText(SystemdResolvConfPath).Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        }
        return FilterResolvConf(lines);
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
