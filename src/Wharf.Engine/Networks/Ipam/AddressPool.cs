namespace Wharf.Engine.Networks.Ipam;

/// <summary>One <c>default-address-pools</c> entry: subnets of prefix length <paramref name="Size"/> carved from <paramref name="Base"/>.</summary>
public sealed record AddressPool(Ipv4Subnet Base, int Size)
{
    /// <summary>Docker's built-in pools: 172.17–172.31 as /16s, then 192.168.0.0/16 as /20s.</summary>
    public static IReadOnlyList<AddressPool> Defaults { get; } =
    [
        .. Enumerable.Range(17, 15).Select(b => new AddressPool(Ipv4Subnet.Parse($"172.{b}.0.0/16"), 16)),
        new AddressPool(Ipv4Subnet.Parse("192.168.0.0/16"), 20),
    ];

    /// <summary>Every candidate subnet of the pool, in address order.</summary>
    public IEnumerable<Ipv4Subnet> Subnets()
    {
        if (Size < Base.PrefixLength || Size > 32)
        {
            yield break;
        }
        var step = 1UL << (32 - Size);
        for (ulong address = Base.Network; address <= Base.Broadcast; address += step)
        {
            yield return new Ipv4Subnet((uint)address, Size);
        }
    }

    /// <summary>Parses <c>base</c> CIDR and <c>size</c> as in daemon.json; throws <see cref="FormatException"/> when invalid.</summary>
    public static AddressPool Parse(string baseCidr, int size)
    {
        var subnet = Ipv4Subnet.Parse(baseCidr);
        if (size < subnet.PrefixLength || size > 32)
        {
            throw new FormatException($"invalid pools size: {size} (base {baseCidr})");
        }
        return new AddressPool(subnet, size);
    }
}
