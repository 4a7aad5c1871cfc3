using System.Globalization;
using System.Text.Json;
using Wharf.Engine.Networks;
using Wharf.Engine.Networks.Ipam;

namespace Wharf.Daemon.Configuration;

/// <summary>The daemon's network settings (<c>--bridge</c>, <c>--bip</c>, <c>--nft-table</c>, <c>default-address-pools</c>) from flags and daemon.json.</summary>
public static class NetworkFlags
{
    /// <summary>Applies one flag value.</summary>
    public static void Apply(DaemonOptions options, string key, string value)
    {
        switch (key)
        {
            case "bridge":
                options.BridgeName = value;
                break;
            case "bip":
                options.BridgeIp = value;
                break;
            case "nft-table":
                options.NftTable = value;
                break;
            case "default-address-pools":
                options.DefaultAddressPools.Add(ParsePoolFlag(value));
                break;
        }
    }

    /// <summary>Applies one daemon.json key.</summary>
    public static void ApplyJson(DaemonOptions options, string key, JsonElement value)
    {
        if (key != "default-address-pools")
        {
            Apply(options, key, value.GetString() ?? "");
            return;
        }
        foreach (var pool in value.EnumerateArray())
        {
            var baseCidr = pool.TryGetProperty("base", out var b) ? b.GetString() ?? "" : "";
            var size = pool.TryGetProperty("size", out var s) && s.ValueKind == JsonValueKind.Number ? s.GetInt32() : 0;
            Validate(baseCidr, size);
            options.DefaultAddressPools.Add((baseCidr, size));
        }
    }

    /// <summary>
    /// The engine's network options for these daemon options, checked: a bad bridge name, <c>--bip</c>, table or pool,
    /// or a <c>--bridge</c> naming an interface that is not a bridge, fails the daemon's start (<see cref="DaemonUsageException"/>).
    /// </summary>
    public static NetworkOptions ToNetworkOptions(DaemonOptions options)
    {
        var network = NetworkOptions.ForExecRoot(
            options.ExecRoot,
            options.BridgeName,
            options.BridgeIp,
            options.NftTable,
            options.DefaultAddressPools.Select(p => AddressPool.Parse(p.Base, p.Size)).ToList());
        try
        {
            network.Validate();
        }
        catch (Wharf.Core.Errors.InvalidArgumentException e)
        {
            throw new DaemonUsageException(e.Message);
        }
        var device = Path.Combine("/sys/class/net", network.BridgeName);
        if (Directory.Exists(device) && !Directory.Exists(Path.Combine(device, "bridge")))
        {
            throw new DaemonUsageException($"cannot use {network.BridgeName} as the default bridge (--bridge): an interface of that name exists and is not a bridge");
        }
        return network;
    }

    private static (string Base, int Size) ParsePoolFlag(string value)
    {
        string? baseCidr = null;
        var size = 0;
        foreach (var part in value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = part.IndexOf('=');
            var (k, v) = eq < 0 ? (part, "") : (part[..eq], part[(eq + 1)..]);
            switch (k)
            {
                case "base":
                    baseCidr = v;
                    break;
                case "size":
                    if (!int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out size))
                    {
                        throw new DaemonUsageException($"invalid argument \"{value}\" for \"--default-address-pool\" flag: invalid size {v}");
                    }
                    break;
                default:
                    throw new DaemonUsageException($"invalid argument \"{value}\" for \"--default-address-pool\" flag: unexpected key '{k}' in '{part}'");
            }
        }
        Validate(baseCidr ?? "", size);
        return (baseCidr!, size);
    }

    private static void Validate(string baseCidr, int size)
    {
        try
        {
            AddressPool.Parse(baseCidr, size);
        }
        catch (FormatException e)
        {
            throw new DaemonUsageException($"invalid default-address-pools entry (base {baseCidr}, size {size}): {e.Message}");
        }
    }
}
