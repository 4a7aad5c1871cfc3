using System.Globalization;

namespace Wharf.Engine.Networks.Ipam;

/// <summary>An IPv4 prefix (<c>10.1.0.0/16</c>): the network address and the prefix length.</summary>
public readonly record struct Ipv4Subnet
{
    /// <summary>Creates the prefix; <paramref name="address"/> is masked to the network address.</summary>
    public Ipv4Subnet(uint address, int prefixLength)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(prefixLength);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(prefixLength, 32);
        PrefixLength = prefixLength;
        Network = address & MaskOf(prefixLength);
    }

    /// <summary>The network (first) address.</summary>
    public uint Network { get; }

    /// <summary>Number of leading network bits.</summary>
    public int PrefixLength { get; }

    /// <summary>The netmask as a host-order value.</summary>
    public uint Mask => MaskOf(PrefixLength);

    /// <summary>The last address of the prefix (the broadcast address for prefixes shorter than /31).</summary>
    public uint Broadcast => Network | ~Mask;

    /// <summary>Number of addresses in the prefix.</summary>
    public ulong Size => 1UL << (32 - PrefixLength);

    /// <summary>The first usable host address: Docker's default gateway.</summary>
    public uint FirstHost => PrefixLength >= 31 ? Network : Network + 1;

    /// <summary>The last usable host address.</summary>
    public uint LastHost => PrefixLength >= 31 ? Broadcast : Broadcast - 1;

    /// <summary>Whether <paramref name="address"/> lies in the prefix.</summary>
    public bool Contains(uint address) => (address & Mask) == Network;

    /// <summary>Whether <paramref name="other"/> lies entirely inside this prefix.</summary>
    public bool Contains(Ipv4Subnet other) => other.PrefixLength >= PrefixLength && Contains(other.Network);

    /// <summary>Whether the two prefixes share any address (one then contains the other).</summary>
    public bool Overlaps(Ipv4Subnet other) => Contains(other.Network) || other.Contains(Network);

    /// <summary>CIDR text, e.g. <c>172.17.0.0/16</c>.</summary>
    public override string ToString() => Ipv4Address.Format(Network) + "/" + PrefixLength.ToString(CultureInfo.InvariantCulture);

    /// <summary>The netmask for a prefix length.</summary>
    public static uint MaskOf(int prefixLength) => prefixLength == 0 ? 0u : uint.MaxValue << (32 - prefixLength);

    /// <summary>
    /// Parses CIDR text. <paramref name="address"/> is the address as written (it may have host bits set, which
    /// callers reject with Docker's "it should be" message), the result is the masked prefix.
    /// </summary>
    public static bool TryParse(string? text, out Ipv4Subnet subnet, out uint address)
    {
        subnet = default;
        address = 0;
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }
        var slash = text.IndexOf('/');
        if (slash < 0 || !Ipv4Address.TryParse(text[..slash], out address))
        {
            return false;
        }
        var bits = text[(slash + 1)..];
        if (bits.Length is 0 or > 2 || !bits.All(char.IsAsciiDigit) || (bits.Length > 1 && bits[0] == '0'))
        {
            return false;
        }
        var prefix = int.Parse(bits, CultureInfo.InvariantCulture);
        if (prefix > 32)
        {
            return false;
        }
        subnet = new Ipv4Subnet(address, prefix);
        return true;
    }

    /// <summary>Parses CIDR text, masking host bits; throws <see cref="FormatException"/> when malformed.</summary>
    public static Ipv4Subnet Parse(string text) =>
        TryParse(text, out var subnet, out _) ? subnet : throw new FormatException($"invalid CIDR address: {text}");
}
