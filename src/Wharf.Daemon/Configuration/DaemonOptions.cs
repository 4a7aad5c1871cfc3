using Wharf.Engine;

namespace Wharf.Daemon.Configuration;

/// <summary>The daemon's settings after flags and the config file were merged (dockerd's names).</summary>
public sealed class DaemonOptions
{
    /// <summary>Default API socket.</summary>
    public const string DefaultHost = "unix:///run/wharf/wharf.sock";

    /// <summary>Default daemon.json location.</summary>
    public const string DefaultConfigFile = "/etc/wharf/daemon.json";

    /// <summary>Listen addresses (<c>unix://PATH</c>, <c>tcp://ADDR:PORT</c>); empty = <see cref="DefaultHost"/>.</summary>
    public List<string> Hosts { get; set; } = [];

    /// <summary>Persistent state root.</summary>
    public string DataRoot { get; set; } = "/var/lib/wharf";

    /// <summary>Runtime state root.</summary>
    public string ExecRoot { get; set; } = "/run/wharf";

    /// <summary>PID file; null = <c>&lt;exec-root&gt;/wharfd.pid</c>.</summary>
    public string? PidFile { get; set; }

    /// <summary>Storage driver (<c>overlay</c>/<c>overlay2</c> or <c>vfs</c>).</summary>
    public string StorageDriver { get; set; } = "overlay";

    /// <summary><c>debug</c>, <c>info</c>, <c>warn</c>, <c>error</c>, <c>fatal</c>.</summary>
    public string LogLevel { get; set; } = "info";

    /// <summary>Debug mode.</summary>
    public bool Debug { get; set; }

    /// <summary>OCI runtimes by name (daemon.json <c>runtimes</c>: name → path).</summary>
    public Dictionary<string, string> Runtimes { get; set; } = new() { ["runc"] = "runc" };

    /// <summary>Default OCI runtime.</summary>
    public string DefaultRuntime { get; set; } = "runc";

    /// <summary>Cgroup parent for containers.</summary>
    public string CgroupParent { get; set; } = "wharf";

    /// <summary><c>--bridge</c> / <c>bridge</c>: Linux bridge of the default <c>bridge</c> network; null = <c>wharf0</c> (derived from the exec root for private daemons).</summary>
    public string? BridgeName { get; set; }

    /// <summary><c>--bip</c> / <c>bip</c>: the default bridge's address with prefix (<c>172.17.0.1/16</c>); null = picked from the address pools.</summary>
    public string? BridgeIp { get; set; }

    /// <summary><c>--nft-table</c> / <c>nft-table</c> (Wharf's own): nftables <c>inet</c> table of the engine's rules; null = <c>wharf</c> (derived from the exec root for private daemons).</summary>
    public string? NftTable { get; set; }

    /// <summary><c>--host-gateway-ip</c> / <c>host-gateway-ip</c>: the address <c>--add-host name:host-gateway</c> maps to; null = the default bridge's gateway.</summary>
    public string? HostGatewayIp { get; set; }

    /// <summary><c>default-address-pools</c>: (base CIDR, size) pairs user-defined networks and the default bridge pick subnets from.</summary>
    public List<(string Base, int Size)> DefaultAddressPools { get; set; } = [];

    /// <summary>The config file that was read, if any.</summary>
    public string? ConfigFile { get; set; }

    /// <summary>Effective listen addresses.</summary>
    public IReadOnlyList<string> EffectiveHosts => Hosts.Count == 0 ? [DefaultHost] : Hosts;

    /// <summary>Effective PID file path.</summary>
    public string EffectivePidFile => PidFile ?? Path.Combine(ExecRoot, "wharfd.pid");

    /// <summary>The engine's view of these settings.</summary>
    public EngineOptions ToEngineOptions() => new()
    {
        DataRoot = DataRoot,
        ExecRoot = ExecRoot,
        StorageDriver = StorageDriver,
        DefaultRuntime = DefaultRuntime,
        Runtimes = new Dictionary<string, string>(Runtimes),
        CgroupParent = CgroupParent,
    };
}
