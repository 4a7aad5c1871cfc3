using Wharf.Core.Errors;

namespace Wharf.Engine.Networks.Ipam;

/// <summary>Chooses an endpoint address in a pool: a requested one after checks, else the lowest free one of the range.</summary>
public static class AddressAllocator
{
    /// <summary>Docker's message for an address that is taken (403).</summary>
    public const string InUseMessage = "Address already in use";

    /// <summary>
    /// Picks an address of <paramref name="config"/> not in <paramref name="used"/>. The gateway, network and broadcast
    /// addresses are never handed out. A requested address may lie outside <c>IPRange</c> but must be in the subnet.
    /// </summary>
    public static uint Allocate(IpamConfig config, IReadOnlySet<uint> used, string? requested = null)
    {
        var subnet = config.ParsedSubnet;
        var gateway = config.EffectiveGateway;
        if (!string.IsNullOrEmpty(requested))
        {
            if (!Ipv4Address.TryParse(requested, out var address))
            {
                throw new InvalidArgumentException($"invalid IPv4 address: {requested}");
            }
            if (!subnet.Contains(address))
            {
                throw new InvalidArgumentException($"no configured subnet or ip-range contain the IP address {requested}");
            }
            if (used.Contains(address) || address == gateway || address == subnet.Network || address == subnet.Broadcast)
            {
                throw new ForbiddenException(InUseMessage);
            }
            return address;
        }
        var range = config.AllocationRange;
        for (ulong candidate = Math.Max(range.Network, subnet.FirstHost); candidate <= Math.Min(range.Broadcast, subnet.LastHost); candidate++)
        {
            var address = (uint)candidate;
            if (address != gateway && address != subnet.Network && !used.Contains(address))
            {
                return address;
            }
        }
        throw new UnavailableException($"no available IPv4 addresses on this network's address pools ({config.Subnet})");
    }

    /// <summary>Docker's MAC for an address: <c>02:42</c> followed by the four address bytes.</summary>
    public static string MacFor(uint address) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"02:42:{address >> 24:x2}:{(address >> 16) & 0xFF:x2}:{(address >> 8) & 0xFF:x2}:{address & 0xFF:x2}");
}
