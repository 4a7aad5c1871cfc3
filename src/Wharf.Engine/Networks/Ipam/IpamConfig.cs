using System.Text.Json.Serialization;

namespace Wharf.Engine.Networks.Ipam;

/// <summary>One IPAM pool of a network as Docker shows it (<c>IPAM.Config[]</c>): fields are kept as configured.</summary>
public sealed record IpamConfig(string Subnet, string? Gateway = null, string? IPRange = null)
{
    /// <summary>The parsed subnet.</summary>
    [JsonIgnore]
    public Ipv4Subnet ParsedSubnet => Ipv4Subnet.Parse(Subnet);

    /// <summary>The gateway actually used: the configured one, else the subnet's first host address.</summary>
    [JsonIgnore]
    public uint EffectiveGateway => string.IsNullOrEmpty(Gateway) ? ParsedSubnet.FirstHost : Ipv4Address.Parse(Gateway);

    /// <summary>The range dynamic addresses come from: <see cref="IPRange"/> when set, else the subnet.</summary>
    [JsonIgnore]
    public Ipv4Subnet AllocationRange => string.IsNullOrEmpty(IPRange) ? ParsedSubnet : Ipv4Subnet.Parse(IPRange);
}
