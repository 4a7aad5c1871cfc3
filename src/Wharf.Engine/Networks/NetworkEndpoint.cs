namespace Wharf.Engine.Networks;

/// <summary>A container's attachment to a network.</summary>
public sealed record NetworkEndpoint
{
    /// <summary>64-hex endpoint ID.</summary>
    public required string Id { get; init; }

    /// <summary>The network.</summary>
    public required string NetworkId { get; init; }

    /// <summary>The container.</summary>
    public required string ContainerId { get; init; }

    /// <summary>IPv4 address (empty on host/none networks).</summary>
    public string IPAddress { get; init; } = "";

    /// <summary>Prefix length of <see cref="IPAddress"/>.</summary>
    public int PrefixLength { get; init; }

    /// <summary>Gateway (empty on host/none networks).</summary>
    public string Gateway { get; init; } = "";

    /// <summary>MAC address of the container's interface.</summary>
    public string MacAddress { get; init; } = "";

    /// <summary>Host side veth name (empty when none was created).</summary>
    public string HostInterface { get; init; } = "";

    /// <summary>Interface name inside the container (<c>eth0</c> …; empty when none was created).</summary>
    public string InterfaceName { get; init; } = "";

    /// <summary>Network aliases for DNS.</summary>
    public IReadOnlyList<string> Aliases { get; init; } = [];

    /// <summary>The address with prefix, as Docker's inspect shows it (<c>172.18.0.2/16</c>).</summary>
    public string IPv4Cidr => IPAddress.Length == 0 ? "" : $"{IPAddress}/{PrefixLength}";
}
