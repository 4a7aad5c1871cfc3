using Wharf.Core.Errors;

namespace Wharf.Engine.Networks.Ipam;

/// <summary>
/// Validates the IPAM part of a network create request with Docker's messages, and when no subnet is given picks the
/// first subnet of the address pools that overlaps neither another network nor a host route.
/// </summary>
public static class IpamPlanner
{
    /// <summary>Docker's message for a subnet that overlaps another network's.</summary>
    public const string OverlapMessage = "Pool overlaps with other one on this address space";

    /// <summary>Docker's message when every default pool is taken.</summary>
    public const string NoPoolMessage = "could not find an available, non-overlapping IPv4 address pool among the defaults to assign to the network";

    /// <summary>
    /// Returns the pools the network gets. <paramref name="requested"/> empty (or one all-empty entry) means "pick
    /// one"; <paramref name="hostRoutes"/> is only consulted then, as Docker does.
    /// </summary>
    public static IReadOnlyList<IpamConfig> Plan(
        IReadOnlyList<IpamConfig> requested,
        IReadOnlyCollection<Ipv4Subnet> otherNetworks,
        Func<IReadOnlyList<Ipv4Subnet>> hostRoutes,
        IReadOnlyList<AddressPool> pools)
    {
        var given = requested.Where(c => !(string.IsNullOrEmpty(c.Subnet) && string.IsNullOrEmpty(c.Gateway) && string.IsNullOrEmpty(c.IPRange))).ToList();
        if (given.Count == 0)
        {
            var subnet = PickSubnet(otherNetworks, hostRoutes(), pools)
                ?? throw new UnavailableException(NoPoolMessage);
            return [new IpamConfig(subnet.ToString(), Ipv4Address.Format(subnet.FirstHost))];
        }
        var accepted = new List<Ipv4Subnet>();
        var result = new List<IpamConfig>();
        foreach (var config in given)
        {
            var subnet = ValidateSubnet(config.Subnet);
            if (accepted.Any(s => s.Overlaps(subnet)) || otherNetworks.Any(s => s.Overlaps(subnet)))
            {
                throw new ForbiddenException(OverlapMessage);
            }
            var range = ValidateRange(config.IPRange, subnet);
            var gateway = ValidateGateway(config.Gateway, subnet);
            accepted.Add(subnet);
            result.Add(new IpamConfig(subnet.ToString(), gateway, range));
        }
        return result;
    }

    /// <summary>The first pool subnet overlapping none of <paramref name="taken"/> nor <paramref name="routes"/>, or null.</summary>
    public static Ipv4Subnet? PickSubnet(IEnumerable<Ipv4Subnet> taken, IEnumerable<Ipv4Subnet> routes, IReadOnlyList<AddressPool> pools)
    {
        var blocked = taken.Concat(routes).ToList();
        foreach (var pool in pools)
        {
            foreach (var candidate in pool.Subnets())
            {
                if (!blocked.Any(b => b.Overlaps(candidate)))
                {
                    return candidate;
                }
            }
        }
        return null;
    }

    /// <summary>Parses a configured subnet; IPv4 only, host bits must be clear.</summary>
    public static Ipv4Subnet ValidateSubnet(string? text)
    {
        if (text is not null && text.Contains(':', StringComparison.Ordinal))
        {
            throw new InvalidArgumentException($"Invalid subnet {text} : IPv6 is not supported");
        }
        if (!Ipv4Subnet.TryParse(text, out var subnet, out var address))
        {
            throw new InvalidArgumentException($"Invalid subnet {text} : invalid CIDR address: {text}");
        }
        if (address != subnet.Network)
        {
            throw new InvalidArgumentException($"Invalid subnet {text} : it should be {subnet}");
        }
        if (subnet.PrefixLength > 30)
        {
            throw new InvalidArgumentException($"Invalid subnet {text} : the subnet is too small (at most /30)");
        }
        return subnet;
    }

    private static string? ValidateRange(string? text, Ipv4Subnet subnet)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }
        if (!Ipv4Subnet.TryParse(text, out var range, out var address))
        {
            throw new InvalidArgumentException($"Invalid range {text} : invalid CIDR address: {text}");
        }
        if (address != range.Network)
        {
            throw new InvalidArgumentException($"Invalid range {text} : it should be {range}");
        }
        if (!subnet.Contains(range))
        {
            throw new InvalidArgumentException($"no matching subnet for range {text}");
        }
        return range.ToString();
    }

    private static string? ValidateGateway(string? text, Ipv4Subnet subnet)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }
        // Docker accepts a gateway written with a prefix length and keeps only the address.
        var bare = text.Split('/')[0];
        if (!Ipv4Address.TryParse(bare, out var gateway))
        {
            throw new InvalidArgumentException($"invalid gateway address {text}");
        }
        if (!subnet.Contains(gateway))
        {
            throw new InvalidArgumentException($"no matching subnet for gateway {bare}");
        }
        if (gateway == subnet.Network || gateway == subnet.Broadcast)
        {
            throw new InvalidArgumentException($"invalid gateway address {bare}: it is the network or broadcast address of {subnet}");
        }
        return Ipv4Address.Format(gateway);
    }
}
