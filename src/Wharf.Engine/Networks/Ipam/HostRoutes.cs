using System.Globalization;

namespace Wharf.Engine.Networks.Ipam;

/// <summary>The host's IPv4 routes (from <c>/proc/net/route</c>), which an automatically picked subnet must not overlap.</summary>
public static class HostRoutes
{
    /// <summary>Reads the routes of the current network namespace; missing file gives none.</summary>
    public static IReadOnlyList<Ipv4Subnet> Read(string path = "/proc/net/route") =>
        File.Exists(path) ? Parse(File.ReadAllText(path)) : [];

    /// <summary>
    /// Parses the table. Destination and mask are little-endian hex; the default route (mask 0) is skipped, as it
    /// would overlap everything.
    /// </summary>
    public static IReadOnlyList<Ipv4Subnet> Parse(string table)
    {
        var routes = new List<Ipv4Subnet>();
        foreach (var line in table.Split('\n').Skip(1))
        {
            var fields = line.Split((char[])['\t', ' '], StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length < 8
                || !uint.TryParse(fields[1], NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var destination)
                || !uint.TryParse(fields[7], NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var mask))
            {
                continue;
            }
            mask = System.Buffers.Binary.BinaryPrimitives.ReverseEndianness(mask);
            if (mask == 0)
            {
                continue;
            }
            destination = System.Buffers.Binary.BinaryPrimitives.ReverseEndianness(destination);
            routes.Add(new Ipv4Subnet(destination, 32 - System.Numerics.BitOperations.TrailingZeroCount(mask)));
        }
        return routes;
    }
}
