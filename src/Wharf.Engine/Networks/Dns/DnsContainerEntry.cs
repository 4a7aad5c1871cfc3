using System.Net;

namespace Wharf.Engine.Networks.Dns;

/// <summary>A container's DNS names and addresses on one network.</summary>
public sealed record DnsContainerEntry(string ContainerId, IReadOnlyList<string> Names, IPAddress? IPv4, IPAddress? IPv6)
{
    /// <summary>Whether <paramref name="address"/> is one of this container's addresses.</summary>
    public bool Has(IPAddress address) => address.Equals(IPv4) || address.Equals(IPv6)
        || (address.IsIPv4MappedToIPv6 && address.MapToIPv4().Equals(IPv4));
}
