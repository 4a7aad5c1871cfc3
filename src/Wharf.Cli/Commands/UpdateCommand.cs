using System.Globalization;
using System.Text.Json.Nodes;
using Wharf.Api.Client;
using Wharf.Cli.Parsing;
using Wharf.Core.Units;

namespace Wharf.Cli.Commands;

/// <summary><c>wharf update</c>: changes the limits and restart policy of containers (running ones at once).</summary>
internal sealed class UpdateCommand : Command
{
    private static readonly string[] s_updateFlags =
    [
        "blkio-weight", "cpu-period", "cpu-quota", "cpu-rt-period", "cpu-rt-runtime", "cpu-shares", "cpus", "cpuset-cpus", "cpuset-mems",
        "kernel-memory", "memory", "memory-reservation", "memory-swap", "pids-limit", "restart",
    ];

    /// <inheritdoc/>
    public override string Name => "update";

    /// <inheritdoc/>
    public override string Usage => "[OPTIONS] CONTAINER [CONTAINER...]";

    /// <inheritdoc/>
    public override string Description => "Update configuration of one or more containers";

    /// <inheritdoc/>
    public override ArgCount Args => ArgCount.AtLeast(1);

    /// <inheritdoc/>
    public override void DefineFlags(FlagSet flags) => flags
        .Int("blkio-weight", null, "Block IO (relative weight), between 10 and 1000, or 0 to disable (default 0)")
        .Int("cpu-period", null, "Limit CPU CFS (Completely Fair Scheduler) period")
        .Int("cpu-quota", null, "Limit CPU CFS (Completely Fair Scheduler) quota")
        .Int("cpu-rt-period", null, "Limit the CPU real-time period in microseconds")
        .Int("cpu-rt-runtime", null, "Limit the CPU real-time runtime in microseconds")
        .Int("cpu-shares", 'c', "CPU shares (relative weight)")
        .String("cpus", null, "Number of CPUs", valueType: "decimal")
        .String("cpuset-cpus", null, "CPUs in which to allow execution (0-3, 0,1)")
        .String("cpuset-mems", null, "MEMs in which to allow execution (0-3, 0,1)")
        .String("kernel-memory", null, "Kernel memory limit (deprecated)", valueType: "bytes")
        .String("memory", 'm', "Memory limit", valueType: "bytes")
        .String("memory-reservation", null, "Memory soft limit", valueType: "bytes")
        .String("memory-swap", null, "Swap limit equal to memory plus swap: -1 to enable unlimited swap", valueType: "bytes")
        .Int("pids-limit", null, "Tune container pids limit (set -1 for unlimited)")
        .String("restart", null, "Restart policy to apply when a container exits");

    /// <inheritdoc/>
    public override async Task<int> ExecuteAsync(CommandInvocation invocation)
    {
        var flags = invocation.Flags;
        if (!s_updateFlags.Any(flags.IsSet))
            throw new StatusException(1, "You must provide one or more flags when using this command.");
        var body = BuildBody(flags);
        var context = invocation.Context;
        var client = await context.GetClientAsync().ConfigureAwait(false);
        var warnings = new List<string>();
        var errors = new List<string>();
        foreach (var name in invocation.Args)
        {
            try
            {
                warnings.AddRange(await client.UpdateContainerAsync(name, body, context.Cancellation).ConfigureAwait(false));
                invocation.Out.WriteLine(name);
            }
            catch (DaemonErrorException e)
            {
                errors.Add("Error response from daemon: " + e.Message);
            }
        }
        if (warnings.Count > 0)
            invocation.Out.WriteLine(string.Join('\n', warnings));
        if (errors.Count > 0)
            throw new StatusException(1, string.Join('\n', errors));
        return 0;
    }

    /// <summary>The update body for the given flags (unset flags stay zero, which the daemon reads as "unchanged").</summary>
    public static JsonObject BuildBody(ParsedFlags flags)
    {
        var body = new JsonObject
        {
            ["BlkioWeight"] = flags.GetInt("blkio-weight"),
            ["CpuPeriod"] = flags.GetInt("cpu-period"),
            ["CpuQuota"] = flags.GetInt("cpu-quota"),
            ["CpuRealtimePeriod"] = flags.GetInt("cpu-rt-period"),
            ["CpuRealtimeRuntime"] = flags.GetInt("cpu-rt-runtime"),
            ["CpuShares"] = flags.GetInt("cpu-shares"),
            ["CpusetCpus"] = flags.GetString("cpuset-cpus"),
            ["CpusetMems"] = flags.GetString("cpuset-mems"),
            ["Memory"] = Bytes(flags, "memory"),
            ["MemoryReservation"] = Bytes(flags, "memory-reservation"),
            ["KernelMemory"] = Bytes(flags, "kernel-memory"),
        };
        if (flags.GetStringOrNull("memory-swap") is { Length: > 0 } swap)
            body["MemorySwap"] = swap == "-1" ? -1 : Bytes(flags, "memory-swap");
        if (flags.GetStringOrNull("cpus") is { Length: > 0 } cpus)
        {
            if (!double.TryParse(cpus, NumberStyles.Float, CultureInfo.InvariantCulture, out var c) || c < 0)
                throw new FormatException($"invalid argument \"{cpus}\" for \"--cpus\" flag: failed to parse {cpus} as a rational number");
            body["NanoCpus"] = (long)Math.Round(c * 1e9);
        }
        if (flags.IsSet("pids-limit"))
            body["PidsLimit"] = flags.GetInt("pids-limit");
        if (flags.IsSet("restart"))
            body["RestartPolicy"] = ContainerOptions.ParseRestart(flags.GetString("restart"));
        return body;
    }

    private static long Bytes(ParsedFlags flags, string name)
    {
        if (flags.GetStringOrNull(name) is not { Length: > 0 } value)
            return 0;
        try
        {
            return ByteSizes.RAMInBytes(value);
        }
        catch (Exception e) when (e is FormatException or Wharf.Core.Errors.WharfException)
        {
            throw new FormatException($"invalid argument \"{value}\" for \"--{name}\" flag: invalid size: '{value}'");
        }
    }
}
