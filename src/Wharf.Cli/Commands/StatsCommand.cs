using System.Globalization;
using System.Text.Json.Nodes;
using Wharf.Api.Client;
using Wharf.Cli.Formatting;
using Wharf.Cli.Parsing;
using Wharf.Core.Units;

namespace Wharf.Cli.Commands;

/// <summary><c>wharf stats</c>: a live table of containers' resource usage (CPU % from the delta of two samples, as docker computes it).</summary>
internal sealed class StatsCommand : Command
{
    /// <summary>docker's default stats table.</summary>
    public const string DefaultFormat = "table {{.ID}}\t{{.Name}}\t{{.CPUPerc}}\t{{.MemUsage}}\t{{.MemPerc}}\t{{.NetIO}}\t{{.BlockIO}}\t{{.PIDs}}";

    /// <summary>Column titles of the fields.</summary>
    public static IReadOnlyDictionary<string, object?> Headers { get; } = new Dictionary<string, object?>
    {
        ["Container"] = "CONTAINER",
        ["ID"] = "CONTAINER ID",
        ["Name"] = "NAME",
        ["CPUPerc"] = "CPU %",
        ["MemUsage"] = "MEM USAGE / LIMIT",
        ["MemPerc"] = "MEM %",
        ["NetIO"] = "NET I/O",
        ["BlockIO"] = "BLOCK I/O",
        ["PIDs"] = "PIDS",
    };

    /// <inheritdoc/>
    public override string Name => "stats";

    /// <inheritdoc/>
    public override string Usage => "[OPTIONS] [CONTAINER...]";

    /// <inheritdoc/>
    public override string Description => "Display a live stream of container(s) resource usage statistics";

    /// <inheritdoc/>
    public override void DefineFlags(FlagSet flags) => flags
        .Bool("all", 'a', "Show all containers (default shows just running)")
        .String("format", null, "Format output using a custom template")
        .Bool("no-stream", null, "Disable streaming stats and only pull the first result")
        .Bool("no-trunc", null, "Do not truncate output");

    /// <inheritdoc/>
    public override async Task<int> ExecuteAsync(CommandInvocation invocation)
    {
        var flags = invocation.Flags;
        var context = invocation.Context;
        var format = flags.GetStringOrNull("format") is { Length: > 0 } f && f != "table" ? f : DefaultFormat;
        var prepared = ListFormatter.Prepare(format);
        var noStream = flags.GetBool("no-stream");
        var truncate = !flags.GetBool("no-trunc");
        var client = await context.GetClientAsync().ConfigureAwait(false);
        var explicitTargets = invocation.Args.Count > 0;
        var entries = new List<StatsEntry>();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(context.Cancellation);
        var errors = new List<string>();

        async Task AddTargetsAsync()
        {
            IEnumerable<string> names;
            if (explicitTargets)
            {
                names = invocation.Args;
            }
            else
            {
                var list = await client.ListContainersAsync(flags.GetBool("all"), cancellationToken: stop.Token).ConfigureAwait(false);
                var listed = list.OfType<JsonObject>().Select(c => c["Id"]?.GetValue<string>() ?? "").Where(id => id.Length > 0).ToList();
                // As docker's stats follows die/destroy events: a container that stopped (or is gone) leaves the table.
                foreach (var gone in entries.Where(e => !listed.Contains(e.Container)).ToList())
                {
                    gone.Stop.Cancel();
                    entries.Remove(gone);
                }
                names = listed;
            }
            foreach (var name in names)
            {
                if (entries.Any(e => e.Container == name))
                    continue;
                var entry = new StatsEntry(name, CancellationTokenSource.CreateLinkedTokenSource(stop.Token));
                entries.Add(entry);
                entry.Reader = ReadAsync(client, entry, !noStream, entry.Stop.Token);
            }
        }

        await AddTargetsAsync().ConfigureAwait(false);
        if (noStream)
        {
            await Task.WhenAll(entries.Select(e => e.Reader!)).ConfigureAwait(false);
            errors.AddRange(entries.Where(e => e.Error != null).Select(e => e.Error!));
            if (errors.Count > 0 && explicitTargets)
                throw new StatusException(1, string.Join('\n', errors));
            invocation.Out.Write(ListFormatter.Render(prepared, entries.Where(e => e.Error == null).Select(e => e.Row(truncate)), Headers));
            return 0;
        }
        try
        {
            while (!stop.IsCancellationRequested)
            {
                await Task.Delay(TimeSpan.FromSeconds(1), stop.Token).ConfigureAwait(false);
                if (explicitTargets && entries.All(e => e.Error != null))
                    throw new StatusException(1, string.Join('\n', entries.Select(e => e.Error)));
                if (!explicitTargets)
                {
                    entries.RemoveAll(e => e.Error != null);
                    await AddTargetsAsync().ConfigureAwait(false);
                }
                invocation.Out.Write("\u001b[2J\u001b[H");
                invocation.Out.Write(ListFormatter.Render(prepared, entries.Where(e => e.Error == null).Select(e => e.Row(truncate)), Headers));
                await invocation.Out.FlushAsync(stop.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
        }
        finally
        {
            await stop.CancelAsync().ConfigureAwait(false);
        }
        return 0;
    }

    private static async Task ReadAsync(WharfClient client, StatsEntry entry, bool stream, CancellationToken ct)
    {
        try
        {
            await using var body = await client.ContainerStatsAsync(entry.Container, stream, cancellationToken: ct).ConfigureAwait(false);
            using var reader = new StreamReader(body);
            while (await reader.ReadLineAsync(ct).ConfigureAwait(false) is { } line)
            {
                if (line.Length == 0)
                    continue;
                if (JsonNode.Parse(line) is JsonObject frame)
                    entry.Update(frame);
                if (!stream)
                    break;
            }
        }
        catch (DaemonErrorException e)
        {
            entry.Error = "Error response from daemon: " + e.Message;
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or System.Net.Http.HttpRequestException)
        {
            entry.Error ??= ct.IsCancellationRequested ? null : e.Message;
        }
    }

    /// <summary>One container's latest figures.</summary>
    internal sealed class StatsEntry(string container, CancellationTokenSource stop)
    {
        private readonly Lock _gate = new();
        private string _id = "";
        private string _name = "";
        private double _cpu;
        private double _memory;
        private double _memoryLimit;
        private double _memoryPercent;
        private double _rx;
        private double _tx;
        private double _blockRead;
        private double _blockWrite;
        private ulong _pids;

        /// <summary>The container as the user named it.</summary>
        public string Container { get; } = container;

        /// <summary>Why its stats could not be read.</summary>
        public string? Error { get; set; }

        /// <summary>The task reading its stats.</summary>
        public Task? Reader { get; set; }

        /// <summary>Ends its stats stream (the container left the table).</summary>
        public CancellationTokenSource Stop { get; } = stop;

        /// <summary>Takes the figures of a stats frame.</summary>
        public void Update(JsonObject frame)
        {
            lock (_gate)
            {
                _id = Str(frame["id"]);
                _name = Str(frame["name"]);
                _cpu = CpuPercent(frame);
                (_memory, _memoryLimit, _memoryPercent) = Memory(frame);
                (_rx, _tx) = Network(frame);
                (_blockRead, _blockWrite) = BlockIo(frame);
                _pids = U(frame["pids_stats"]?["current"]);
            }
        }

        /// <summary>The template fields.</summary>
        public IReadOnlyDictionary<string, object?> Row(bool truncate)
        {
            lock (_gate)
            {
                return new Dictionary<string, object?>
                {
                    ["Container"] = Container,
                    ["ID"] = truncate && _id.Length > 12 ? _id[..12] : _id,
                    ["Name"] = _name.Length > 1 ? _name[1..] : "--",
                    ["CPUPerc"] = string.Format(CultureInfo.InvariantCulture, "{0:F2}%", _cpu),
                    ["MemUsage"] = ByteSizes.BytesSize(_memory) + " / " + ByteSizes.BytesSize(_memoryLimit),
                    ["MemPerc"] = string.Format(CultureInfo.InvariantCulture, "{0:F2}%", _memoryPercent),
                    ["NetIO"] = ByteSizes.HumanSizeWithPrecision(_rx, 3) + " / " + ByteSizes.HumanSizeWithPrecision(_tx, 3),
                    ["BlockIO"] = ByteSizes.HumanSizeWithPrecision(_blockRead, 3) + " / " + ByteSizes.HumanSizeWithPrecision(_blockWrite, 3),
                    ["PIDs"] = _pids.ToString(CultureInfo.InvariantCulture),
                };
            }
        }
    }

    /// <summary>docker's CPU %: container CPU delta over host CPU delta, times the online CPUs.</summary>
    public static double CpuPercent(JsonObject frame)
    {
        var cpu = frame["cpu_stats"];
        var pre = frame["precpu_stats"];
        var cpuDelta = (double)U(cpu?["cpu_usage"]?["total_usage"]) - U(pre?["cpu_usage"]?["total_usage"]);
        var systemDelta = (double)U(cpu?["system_cpu_usage"]) - U(pre?["system_cpu_usage"]);
        double online = U(cpu?["online_cpus"]);
        if (online == 0)
            online = (cpu?["cpu_usage"]?["percpu_usage"] as JsonArray)?.Count ?? 0;
        return systemDelta > 0 && cpuDelta > 0 ? cpuDelta / systemDelta * online * 100.0 : 0;
    }

    /// <summary>docker's memory figure: usage minus inactive file cache (v1 <c>total_inactive_file</c>, v2 <c>inactive_file</c>).</summary>
    public static (double Usage, double Limit, double Percent) Memory(JsonObject frame)
    {
        var mem = frame["memory_stats"];
        double usage = U(mem?["usage"]);
        var stats = mem?["stats"] as JsonObject;
        if (stats?["total_inactive_file"] is { } v1 && U(v1) < usage)
            usage -= U(v1);
        else if (stats?["inactive_file"] is { } v2 && U(v2) < usage)
            usage -= U(v2);
        double limit = U(mem?["limit"]);
        return (usage, limit, limit != 0 ? usage / limit * 100.0 : 0);
    }

    private static (double Rx, double Tx) Network(JsonObject frame)
    {
        double rx = 0, tx = 0;
        foreach (var (_, n) in frame["networks"] as JsonObject ?? [])
        {
            rx += U(n?["rx_bytes"]);
            tx += U(n?["tx_bytes"]);
        }
        return (rx, tx);
    }

    private static (double Read, double Write) BlockIo(JsonObject frame)
    {
        double read = 0, write = 0;
        foreach (var e in frame["blkio_stats"]?["io_service_bytes_recursive"] as JsonArray ?? [])
        {
            var op = Str(e?["op"]);
            if (op.Equals("read", StringComparison.OrdinalIgnoreCase))
                read += U(e?["value"]);
            else if (op.Equals("write", StringComparison.OrdinalIgnoreCase))
                write += U(e?["value"]);
        }
        return (read, write);
    }

    private static ulong U(JsonNode? node) => node is JsonValue v && v.TryGetValue<ulong>(out var n) ? n : 0;

    private static string Str(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : "";
}
