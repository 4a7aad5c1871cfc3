using Wharf.Engine.Networks.Ipam;

namespace Wharf.Engine.Networks;

/// <summary>What <c>POST /networks/create</c> asks for.</summary>
public sealed record NetworkCreateOptions
{
    /// <summary>Unique name.</summary>
    public required string Name { get; init; }

    /// <summary>Driver; null or empty means <c>bridge</c>.</summary>
    public string? Driver { get; init; }

    /// <summary>Driver options, stored exactly as given.</summary>
    public IReadOnlyDictionary<string, string>? Options { get; init; }

    /// <summary>Requested pools; empty picks one from the default address pools.</summary>
    public IReadOnlyList<IpamConfig>? Ipam { get; init; }

    /// <summary>IPAM driver; only <c>default</c>.</summary>
    public string? IpamDriver { get; init; }

    /// <summary>IPAM options, stored as given.</summary>
    public IReadOnlyDictionary<string, string>? IpamOptions { get; init; }

    /// <summary><c>--internal</c>.</summary>
    public bool Internal { get; init; }

    /// <summary><c>--attachable</c>.</summary>
    public bool Attachable { get; init; }

    /// <summary><c>--ipv6</c> (refused: IPv6 is not supported).</summary>
    public bool EnableIPv6 { get; init; }

    /// <summary>Labels.</summary>
    public IReadOnlyDictionary<string, string>? Labels { get; init; }
}
