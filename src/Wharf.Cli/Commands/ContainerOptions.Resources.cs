using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Wharf.Cli.Parsing;
using Wharf.Core.Units;

namespace Wharf.Cli.Commands;

internal static partial class ContainerOptions
{
    /// <summary>Declares the resource and isolation flags that <see cref="Define"/> does not (<c>--memory</c>, <c>--cpus</c>, <c>--cap-*</c>, <c>--privileged</c>, <c>--read-only</c>, <c>--init</c> and the stop flags are declared there).</summary>
    public static void DefineResources(FlagSet flags) => flags
        .Int("blkio-weight", null, "Block IO (relative weight), between 10 and 1000, or 0 to disable (default 0)")
        .String("cgroup-parent", null, "Optional parent cgroup for the container")
        .Int("cpu-period", null, "Limit CPU CFS (Completely Fair Scheduler) period")
        .Int("cpu-quota", null, "Limit CPU CFS (Completely Fair Scheduler) quota")
        .Int("cpu-shares", 'c', "CPU shares (relative weight)")
        .String("cpuset-cpus", null, "CPUs in which to allow execution (0-3, 0,1)")
        .String("cpuset-mems", null, "MEMs in which to allow execution (0-3, 0,1)")
        .List("device", null, "Add a host device to the container")
        .List("device-cgroup-rule", null, "Add a rule to the cgroup allowed devices list")
        .List("group-add", null, "Add additional groups to join")
        .String("ipc", null, "IPC mode to use")
        .String("memory-reservation", null, "Memory soft limit", valueType: "bytes")
        .String("memory-swap", null, "Swap limit equal to memory plus swap: '-1' to enable unlimited swap", valueType: "bytes")
        .Int("memory-swappiness", null, "Tune container memory swappiness (0 to 100)", -1)
        .Bool("oom-kill-disable", null, "Disable OOM Killer")
        .Int("oom-score-adj", null, "Tune host's OOM preferences (-1000 to 1000)")
        .String("pid", null, "PID namespace to use")
        .Int("pids-limit", null, "Tune container pids limit (set -1 for unlimited)")
        .List("security-opt", null, "Security Options")
        .String("shm-size", null, "Size of /dev/shm", valueType: "bytes")
        .List("sysctl", null, "Sysctl options", valueType: "map")
        .List("ulimit", null, "Ulimit options", valueType: "ulimit")
        .String("uts", null, "UTS namespace to use");

    /// <summary>Adds the resource and isolation fields to the create body, parsed as the docker CLI parses them.</summary>
    public static void ApplyResources(ParsedFlags flags, JsonObject body, JsonObject hostConfig)
    {
        if (flags.GetStringOrNull("memory-swap") is { Length: > 0 } swap)
            hostConfig["MemorySwap"] = swap == "-1" ? -1 : ParseBytes(swap, "memory-swap");
        if (flags.GetStringOrNull("memory-reservation") is { Length: > 0 } reservation)
            hostConfig["MemoryReservation"] = ParseBytes(reservation, "memory-reservation");
        if (flags.IsSet("memory-swappiness"))
            hostConfig["MemorySwappiness"] = flags.GetInt("memory-swappiness");
        hostConfig["OomKillDisable"] = flags.GetBool("oom-kill-disable");
        SetIfNonZero(hostConfig, "CpuShares", flags, "cpu-shares");
        SetIfNonZero(hostConfig, "CpuPeriod", flags, "cpu-period");
        SetIfNonZero(hostConfig, "CpuQuota", flags, "cpu-quota");
        SetIfNonZero(hostConfig, "BlkioWeight", flags, "blkio-weight");
        SetIfNonZero(hostConfig, "OomScoreAdj", flags, "oom-score-adj");
        if (flags.IsSet("pids-limit") && flags.GetInt("pids-limit") != 0)
            hostConfig["PidsLimit"] = flags.GetInt("pids-limit");
        hostConfig["CpusetCpus"] = flags.GetString("cpuset-cpus");
        hostConfig["CpusetMems"] = flags.GetString("cpuset-mems");
        if (flags.GetStringOrNull("shm-size") is { Length: > 0 } shm)
            hostConfig["ShmSize"] = ParseBytes(shm, "shm-size");
        hostConfig["CgroupParent"] = flags.GetString("cgroup-parent");
        hostConfig["IpcMode"] = flags.GetString("ipc");
        hostConfig["PidMode"] = flags.GetString("pid");
        hostConfig["UTSMode"] = flags.GetString("uts");
        hostConfig["GroupAdd"] = new JsonArray(flags.GetList("group-add").Select(g => (JsonNode?)JsonValue.Create(g)).ToArray());
        hostConfig["DeviceCgroupRules"] = new JsonArray(flags.GetList("device-cgroup-rule").Select(g => (JsonNode?)JsonValue.Create(g)).ToArray());
        var ulimits = new JsonArray();
        foreach (var value in flags.GetList("ulimit"))
        {
            var u = Ulimit.Parse(value);
            ulimits.Add((JsonNode)new JsonObject { ["Name"] = u.Name, ["Hard"] = u.Hard, ["Soft"] = u.Soft });
        }
        hostConfig["Ulimits"] = ulimits;
        var devices = new JsonArray();
        foreach (var value in flags.GetList("device"))
            devices.Add((JsonNode)ParseDevice(value));
        hostConfig["Devices"] = devices;
        var sysctls = new JsonObject();
        foreach (var value in flags.GetList("sysctl"))
        {
            var eq = value.IndexOf('=');
            if (eq <= 0)
                throw new FormatException($"invalid argument \"{value}\" for \"--sysctl\" flag: sysctl '{value}' is not allowed");
            sysctls[value[..eq]] = value[(eq + 1)..];
        }
        hostConfig["Sysctls"] = sysctls;
        hostConfig["SecurityOpt"] = new JsonArray(ParseSecurityOpts(flags.GetList("security-opt")).Select(o => (JsonNode?)JsonValue.Create(o)).ToArray());
    }

    /// <summary>Docker's <c>--device host[:container][:rwm]</c>.</summary>
    public static JsonObject ParseDevice(string value)
    {
        var parts = value.Split(':');
        string src = parts[0], dst = parts[0], mode = "rwm";
        switch (parts.Length)
        {
            case 1:
                break;
            case 2 when IsDeviceMode(parts[1]):
                mode = parts[1];
                break;
            case 2:
                dst = parts[1];
                break;
            case 3:
                if (!IsDeviceMode(parts[2]))
                    throw new FormatException($"invalid device mode: {parts[2]}");
                dst = parts[1];
                mode = parts[2];
                break;
            default:
                throw new FormatException($"invalid device specification: {value}");
        }
        if (src.Length == 0 || dst.Length == 0)
            throw new FormatException($"invalid device specification: {value}");
        return new JsonObject { ["PathOnHost"] = src, ["PathInContainer"] = dst, ["CgroupPermissions"] = mode };
    }

    /// <summary>Like the docker CLI, replaces <c>seccomp=&lt;file&gt;</c> by <c>seccomp=&lt;compacted JSON of the file&gt;</c>.</summary>
    public static List<string> ParseSecurityOpts(IEnumerable<string> options)
    {
        var result = new List<string>();
        foreach (var opt in options)
        {
            var sep = opt.IndexOf('=') is >= 0 and var eq ? eq : opt.IndexOf(':');
            if (sep > 0 && opt[..sep] == "seccomp" && opt[(sep + 1)..] != "unconfined")
            {
                var file = opt[(sep + 1)..];
                string text;
                try
                {
                    text = File.ReadAllText(file);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    throw new FormatException($"opening seccomp profile ({file}) failed: open {file}: no such file or directory");
                }
                try
                {
                    using var doc = JsonDocument.Parse(text);
                    using var buffer = new MemoryStream();
                    using (var writer = new Utf8JsonWriter(buffer))
                        doc.WriteTo(writer);
                    result.Add("seccomp=" + Encoding.UTF8.GetString(buffer.ToArray()));
                }
                catch (JsonException e)
                {
                    throw new FormatException($"compacting json for seccomp profile ({file}) failed: {e.Message}");
                }
                continue;
            }
            result.Add(opt);
        }
        return result;
    }

    private static bool IsDeviceMode(string mode) => mode.Length is > 0 and <= 3 && mode.All(c => c is 'r' or 'w' or 'm');

    private static void SetIfNonZero(JsonObject hostConfig, string key, ParsedFlags flags, string flag)
    {
        if (flags.IsSet(flag) && flags.GetInt(flag) != 0)
            hostConfig[key] = flags.GetInt(flag);
    }

    private static long ParseBytes(string value, string flag)
    {
        try
        {
            return ByteSizes.RAMInBytes(value);
        }
        catch (Exception e) when (e is FormatException or Wharf.Core.Errors.WharfException)
        {
            throw new FormatException($"invalid argument \"{value}\" for \"--{flag}\" flag: invalid size: '{value}'");
        }
    }
}
