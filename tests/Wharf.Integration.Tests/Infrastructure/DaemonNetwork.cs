using System.Globalization;
using System.Security.Cryptography;

namespace Wharf.Integration.Tests.Infrastructure;

/// <summary>
/// A private daemon's network settings: its own default bridge (<c>wt…</c>), bridge address (a /24 of 10.200–254),
/// address pool for user-defined networks (a /16 of 10.128–199) and nft table, so parallel private daemons and the
/// installed one never share a bridge, subnet or rule.
/// </summary>
public sealed record DaemonNetwork(string Bridge, string BridgeIp, string Pool, string NftTable)
{
    /// <summary>The daemon flags.</summary>
    public string[] Flags =>
        ["--bridge", Bridge, "--bip", BridgeIp, "--nft-table", NftTable, "--default-address-pool", $"base={Pool},size=24"];

    /// <summary>The default bridge's subnet (<c>10.x.y.0/24</c>).</summary>
    public string BridgeSubnet => BridgeIp[..BridgeIp.LastIndexOf('.')] + ".0/24";

    /// <summary>The default bridge's gateway address.</summary>
    public string Gateway => BridgeIp[..BridgeIp.IndexOf('/')];

    /// <summary>Random values that overlap no route of the host.</summary>
    public static DaemonNetwork Pick()
    {
        var routes = File.Exists("/proc/net/route") ? File.ReadAllText("/proc/net/route") : "";
        var tag = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(3));
        for (var attempt = 0; ; attempt++)
        {
            var b = RandomNumberGenerator.GetInt32(200, 255);
            var c = RandomNumberGenerator.GetInt32(0, 256);
            var pool = RandomNumberGenerator.GetInt32(128, 200);
            // /proc/net/route holds destinations as little-endian hex: 10.b.c.0 → 00 c b 0A.
            var bridgeHex = string.Create(CultureInfo.InvariantCulture, $"00{c:X2}{b:X2}0A");
            if (attempt < 20 && (routes.Contains(bridgeHex, StringComparison.Ordinal)
                || routes.Contains(string.Create(CultureInfo.InvariantCulture, $"{pool:X2}0A"), StringComparison.Ordinal)))
            {
                continue;
            }
            return new DaemonNetwork("wt" + tag, $"10.{b}.{c}.1/24", $"10.{pool}.0.0/16", "wharft_" + tag);
        }
    }

    /// <summary>Deletes what the daemon may have left: its bridges (default and any in its pool), its nft table and namespace files.</summary>
    public async Task CleanAsync(string namespaceDirectory)
    {
        var prefix = Pool[..(Pool.IndexOf('.', 3) + 1)];
        var addresses = await ProcessRunner.RunAsync("ip", ["-4", "-o", "addr", "show", "type", "bridge"]);
        var bridges = addresses.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(f => f.Length > 3 && f[3].StartsWith(prefix, StringComparison.Ordinal))
            .Select(f => f[1])
            .Append(Bridge)
            .Distinct();
        foreach (var bridge in bridges)
        {
            await ProcessRunner.RunAsync("ip", ["link", "delete", "dev", bridge]);
        }
        await ProcessRunner.RunAsync("nft", ["delete", "table", "inet", NftTable]);
        if (Directory.Exists(namespaceDirectory))
        {
            foreach (var file in Directory.EnumerateFiles(namespaceDirectory))
            {
                await ProcessRunner.RunAsync("umount", ["-l", file]);
            }
        }
    }
}
