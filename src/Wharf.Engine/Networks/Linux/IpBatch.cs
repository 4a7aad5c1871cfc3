using System.Globalization;
using System.Text;

namespace Wharf.Engine.Networks.Linux;

/// <summary>The <c>ip -batch</c> scripts of each operation group (pure text, unit-tested).</summary>
public static class IpBatch
{
    /// <summary>Creates (when <paramref name="create"/>) a bridge, sets its addresses and brings it up.</summary>
    public static string Bridge(string name, IReadOnlyList<string> addresses, int mtu, bool create)
    {
        CheckName(name);
        var sb = new StringBuilder();
        if (create)
        {
            sb.Append(CultureInfo.InvariantCulture, $"link add name {name} mtu {mtu} type bridge\n");
        }
        foreach (var address in addresses)
        {
            sb.Append(CultureInfo.InvariantCulture, $"addr replace {address} dev {name}\n");
        }
        sb.Append(CultureInfo.InvariantCulture, $"link set dev {name} up\n");
        return sb.ToString();
    }

    /// <summary>Host side of a connect: the veth pair with its peer created directly inside the namespace, plugged into the bridge.</summary>
    public static string HostSide(VethRequest r)
    {
        CheckName(r.HostInterface);
        CheckName(r.InterfaceName);
        return string.Create(CultureInfo.InvariantCulture,
            $"link add name {r.HostInterface} mtu {r.Mtu} type veth peer name {r.InterfaceName} mtu {r.Mtu} address {r.MacAddress} netns {r.NamespacePath}\n" +
            $"link set dev {r.HostInterface} master {r.Bridge}\n" +
            $"link set dev {r.HostInterface} up\n");
    }

    /// <summary>Namespace side of a connect (run inside the namespace): loopback, address, link up, default route.</summary>
    public static string NamespaceSide(VethRequest r)
    {
        var sb = new StringBuilder();
        sb.Append("link set dev lo up\n");
        sb.Append(CultureInfo.InvariantCulture, $"addr add {r.Address} dev {r.InterfaceName}\n");
        sb.Append(CultureInfo.InvariantCulture, $"link set dev {r.InterfaceName} up\n");
        if (!string.IsNullOrEmpty(r.Gateway))
        {
            sb.Append(CultureInfo.InvariantCulture, $"route replace default via {r.Gateway} dev {r.InterfaceName}\n");
        }
        return sb.ToString();
    }

    /// <summary>Rejects names the kernel would refuse (over 15 bytes) and any character beyond letters, digits, <c>-</c>, <c>_</c>, <c>.</c>, so a name never breaks a batch line or an nft string.</summary>
    public static void CheckName(string name)
    {
        if (name.Length is 0 or > 15 || name is "." or ".." || !name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
        {
            throw new Core.Errors.InvalidArgumentException($"invalid interface name \"{name}\": 1 to 15 letters, digits, '-', '_' or '.'");
        }
    }
}
