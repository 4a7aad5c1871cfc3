using Wharf.Engine.Networks.Ipam;

namespace Wharf.Engine.Networks;

/// <summary>A stored network.</summary>
public sealed record NetworkRecord
{
    /// <summary>64-hex ID.</summary>
    public required string Id { get; init; }

    /// <summary>Unique name.</summary>
    public required string Name { get; init; }

    /// <summary><c>bridge</c>, <c>host</c> or <c>null</c>.</summary>
    public required string Driver { get; init; }

    /// <summary>Creation time.</summary>
    public required DateTimeOffset Created { get; init; }

    /// <summary>Always <c>local</c>.</summary>
    public string Scope { get; init; } = "local";

    /// <summary>No egress, no published ports.</summary>
    public bool Internal { get; init; }

    /// <summary>Accepted and shown; meaningful only for swarm.</summary>
    public bool Attachable { get; init; }

    /// <summary>Always false: IPv6 is not supported.</summary>
    public bool EnableIPv6 { get; init; }

    /// <summary>Driver options exactly as given.</summary>
    public IReadOnlyDictionary<string, string> Options { get; init; } = new Dictionary<string, string>();

    /// <summary>User labels.</summary>
    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();

    /// <summary>IPAM pools (empty for host and none).</summary>
    public IReadOnlyList<IpamConfig> Ipam { get; init; } = [];

    /// <summary>IPAM driver options as given.</summary>
    public IReadOnlyDictionary<string, string> IpamOptions { get; init; } = new Dictionary<string, string>();

    /// <summary>Linux bridge name (bridge driver only).</summary>
    public string? BridgeName { get; init; }

    /// <summary>One of <c>bridge</c>, <c>host</c>, <c>none</c>.</summary>
    public bool Predefined { get; init; }
}
