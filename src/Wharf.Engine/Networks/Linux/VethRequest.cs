namespace Wharf.Engine.Networks.Linux;

/// <summary>What <see cref="INetworkHost.ConnectAsync"/> builds: host veth on a bridge, its peer configured inside a namespace.</summary>
public sealed record VethRequest
{
    /// <summary>Bridge the host side joins.</summary>
    public required string Bridge { get; init; }

    /// <summary>Host-side interface name (at most 15 characters).</summary>
    public required string HostInterface { get; init; }

    /// <summary>Path of the namespace file (<c>/proc/PID/ns/net</c> or a bind-mounted file).</summary>
    public required string NamespacePath { get; init; }

    /// <summary>Interface name inside the namespace (<c>eth0</c>, <c>eth1</c> …).</summary>
    public string InterfaceName { get; init; } = "eth0";

    /// <summary>Address with prefix, e.g. <c>172.18.0.2/16</c>.</summary>
    public required string Address { get; init; }

    /// <summary>MAC of the namespace-side interface.</summary>
    public required string MacAddress { get; init; }

    /// <summary>Default route via this gateway; null adds no default route (a second network, or internal).</summary>
    public string? Gateway { get; init; }

    /// <summary>MTU of both ends.</summary>
    public int Mtu { get; init; } = 1500;
}
