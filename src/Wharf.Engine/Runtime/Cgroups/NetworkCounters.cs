namespace Wharf.Engine.Runtime.Cgroups;

/// <summary>One interface's counters from <c>/proc/&lt;pid&gt;/net/dev</c>.</summary>
public sealed record NetworkCounters
{
    /// <summary>Bytes received.</summary>
    public ulong RxBytes { get; init; }

    /// <summary>Packets received.</summary>
    public ulong RxPackets { get; init; }

    /// <summary>Receive errors.</summary>
    public ulong RxErrors { get; init; }

    /// <summary>Received packets dropped.</summary>
    public ulong RxDropped { get; init; }

    /// <summary>Bytes sent.</summary>
    public ulong TxBytes { get; init; }

    /// <summary>Packets sent.</summary>
    public ulong TxPackets { get; init; }

    /// <summary>Send errors.</summary>
    public ulong TxErrors { get; init; }

    /// <summary>Sent packets dropped.</summary>
    public ulong TxDropped { get; init; }

    /// <summary>Parses <c>/proc/net/dev</c> (two header lines, then <c>iface: 16 counters</c>); <c>lo</c> is left out, as Docker does.</summary>
    public static Dictionary<string, NetworkCounters> ParseNetDev(IEnumerable<string> lines)
    {
        var result = new Dictionary<string, NetworkCounters>(StringComparer.Ordinal);
        foreach (var line in lines)
        {
            var colon = line.IndexOf(':');
            if (colon < 0)
                continue;
            var name = line[..colon].Trim();
            var f = line[(colon + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (name == "lo" || f.Length < 16)
                continue;
            ulong N(int i) => ulong.TryParse(f[i], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var v) ? v : 0;
            result[name] = new NetworkCounters
            {
                RxBytes = N(0),
                RxPackets = N(1),
                RxErrors = N(2),
                RxDropped = N(3),
                TxBytes = N(8),
                TxPackets = N(9),
                TxErrors = N(10),
                TxDropped = N(11),
            };
        }
        return result;
    }
}
