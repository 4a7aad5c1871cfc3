using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Wharf.Cli.Formatting;
using Wharf.Cli.Parsing;
using Wharf.Core.Units;

namespace Wharf.Cli.Commands;

/// <summary><c>wharf system df</c>: disk used by images, containers, local volumes and build cache, in docker's table.</summary>
internal sealed class SystemDfCommand : Command
{
    private const string DefaultFormat = "table {{.Type}}\t{{.TotalCount}}\t{{.Active}}\t{{.Size}}\t{{.Reclaimable}}";

    private static readonly IReadOnlyDictionary<string, object?> Headers = new Dictionary<string, object?>
    {
        ["Type"] = "TYPE",
        ["TotalCount"] = "TOTAL",
        ["Active"] = "ACTIVE",
        ["Size"] = "SIZE",
        ["Reclaimable"] = "RECLAIMABLE",
    };

    /// <inheritdoc/>
    public override string Name => "df";

    /// <inheritdoc/>
    public override string Usage => "[OPTIONS]";

    /// <inheritdoc/>
    public override string Description => "Show docker disk usage";

    /// <inheritdoc/>
    public override ArgCount Args => ArgCount.None;

    /// <inheritdoc/>
    public override void DefineFlags(FlagSet flags) => flags
        .String("format", null, "Format output using a custom template:\n'table':            Print output in table format with column headers (default)\n'table TEMPLATE':   Print output in table format using the given Go template\n'json':             Print in JSON format\n'TEMPLATE':         Print output using the given Go template.")
        .Bool("verbose", 'v', "Show detailed information on space usage");

    /// <inheritdoc/>
    public override async Task<int> ExecuteAsync(CommandInvocation invocation)
    {
        var context = invocation.Context;
        var format = invocation.Flags.GetStringOrNull("format") is { Length: > 0 } f ? f : "table";
        if (format == "table")
        {
            format = DefaultFormat;
        }
        var prepared = format == "json" ? null : ListFormatter.Prepare(format);
        var client = await context.GetClientAsync().ConfigureAwait(false);
        var usage = await client.GetDiskUsageAsync(context.Cancellation).ConfigureAwait(false);
        if (invocation.Flags.GetBool("verbose"))
        {
            invocation.Out.Write(Verbose(usage, DateTimeOffset.UtcNow));
            return 0;
        }
        var rows = Summary(usage);
        if (prepared is null)
        {
            foreach (var row in rows)
            {
                var json = new JsonObject();
                foreach (var (key, value) in row)
                {
                    json[key] = value?.ToString();
                }
                invocation.Out.WriteLine(json.ToJsonString());
            }
            return 0;
        }
        invocation.Out.Write(ListFormatter.Render(prepared, rows, Headers));
        return 0;
    }

    /// <summary>docker's four summary rows (Images, Containers, Local Volumes, Build Cache).</summary>
    public static List<IReadOnlyDictionary<string, object?>> Summary(JsonObject usage)
    {
        var images = Array(usage, "Images");
        var containers = Array(usage, "Containers");
        var volumes = Array(usage, "Volumes");
        var layersSize = Long(usage["LayersSize"]);

        long usedByImages = 0;
        foreach (var image in images.Where(i => Long(i["Containers"]) > 0))
        {
            var size = Long(image["Size"]);
            var shared = Long(image["SharedSize"]);
            if (size != -1 && shared != -1)
            {
                usedByImages += size - shared;
            }
        }
        var containerSize = containers.Sum(c => Long(c["SizeRw"]));
        var containerReclaimable = containers.Where(c => !IsActive(c)).Sum(c => Long(c["SizeRw"]));
        var volumeSize = volumes.Select(v => Long(v["UsageData"]?["Size"])).Where(s => s > 0).Sum();
        var volumeReclaimable = volumes.Where(v => Long(v["UsageData"]?["RefCount"]) <= 0).Select(v => Long(v["UsageData"]?["Size"])).Where(s => s > 0).Sum();
        return
        [
            Row("Images", images.Count, images.Count(i => Long(i["Containers"]) > 0), layersSize, layersSize - usedByImages),
            Row("Containers", containers.Count, containers.Count(IsActive), containerSize, containerReclaimable),
            Row("Local Volumes", volumes.Count, volumes.Count(v => Long(v["UsageData"]?["RefCount"]) > 0), volumeSize, volumeReclaimable),
            Row("Build Cache", 0, 0, 0, 0),
        ];
    }

    private static Dictionary<string, object?> Row(string type, int total, int active, long size, long reclaimable) => new()
    {
        ["Type"] = type,
        ["TotalCount"] = total.ToString(CultureInfo.InvariantCulture),
        ["Active"] = active.ToString(CultureInfo.InvariantCulture),
        ["Size"] = ByteSizes.HumanSize(size),
        ["Reclaimable"] = size > 0 && type != "Build Cache"
            ? $"{ByteSizes.HumanSize(reclaimable)} ({(reclaimable * 100 / size).ToString(CultureInfo.InvariantCulture)}%)"
            : ByteSizes.HumanSize(reclaimable),
    };

    private static string Verbose(JsonObject usage, DateTimeOffset now)
    {
        var sb = new StringBuilder("Images space usage:\n\n");
        var images = new TabWriter();
        images.Write("REPOSITORY\tTAG\tIMAGE ID\tCREATED\tSIZE\tSHARED SIZE\tUNIQUE SIZE\tCONTAINERS\n");
        foreach (var image in Array(usage, "Images"))
        {
            var id = image["Id"]?.GetValue<string>() ?? "";
            var size = Long(image["Size"]);
            var shared = Long(image["SharedSize"]);
            var tags = image["RepoTags"] is JsonArray { Count: > 0 } t ? t.Select(x => x?.GetValue<string>() ?? "").ToList() : ["<none>:<none>"];
            foreach (var tag in tags)
            {
                var colon = tag.LastIndexOf(':');
                images.Write($"{(colon > 0 ? tag[..colon] : tag)}\t{(colon > 0 ? tag[(colon + 1)..] : "<none>")}\t{Truncation.ShortId(id)}\t" +
                    $"{HumanUnits.Ago(Long(image["Created"]), now)}\t{ByteSizes.HumanSize(size)}\t{ByteSizes.HumanSize(shared)}\t" +
                    $"{ByteSizes.HumanSize(size - shared)}\t{Long(image["Containers"]).ToString(CultureInfo.InvariantCulture)}\n");
            }
        }
        sb.Append(images.Flush()).Append("\nContainers space usage:\n\n");
        var containers = new TabWriter();
        containers.Write("CONTAINER ID\tIMAGE\tCOMMAND\tLOCAL VOLUMES\tSIZE\tCREATED\tSTATUS\tNAMES\n");
        foreach (var c in Array(usage, "Containers"))
        {
            var command = "\"" + Truncation.Ellipsis(c["Command"]?.GetValue<string>() ?? "", 20) + "\"";
            var volumes = c["Mounts"] is JsonArray mounts ? mounts.Count(m => m?["Type"]?.GetValue<string>() == "volume") : 0;
            var names = c["Names"] is JsonArray n ? string.Join(',', n.Select(x => (x?.GetValue<string>() ?? "").TrimStart('/'))) : "";
            containers.Write($"{Truncation.ShortId(c["Id"]?.GetValue<string>() ?? "")}\t{c["Image"]?.GetValue<string>()}\t{command}\t" +
                $"{volumes.ToString(CultureInfo.InvariantCulture)}\t{ByteSizes.HumanSize(Long(c["SizeRw"]))}\t{HumanUnits.Ago(Long(c["Created"]), now)}\t" +
                $"{c["Status"]?.GetValue<string>()}\t{names}\n");
        }
        sb.Append(containers.Flush()).Append("\nLocal Volumes space usage:\n\n");
        var volumesTable = new TabWriter();
        volumesTable.Write("VOLUME NAME\tLINKS\tSIZE\n");
        foreach (var v in Array(usage, "Volumes"))
        {
            volumesTable.Write($"{v["Name"]?.GetValue<string>()}\t{Long(v["UsageData"]?["RefCount"]).ToString(CultureInfo.InvariantCulture)}\t" +
                $"{ByteSizes.HumanSize(Math.Max(0, Long(v["UsageData"]?["Size"])))}\n");
        }
        sb.Append(volumesTable.Flush()).Append("\nBuild cache usage: 0B\n\n");
        var cache = new TabWriter();
        cache.Write("CACHE ID\tCACHE TYPE\tSIZE\tCREATED\tLAST USED\tUSAGE\tSHARED\n");
        sb.Append(cache.Flush());
        return sb.ToString();
    }

    private static bool IsActive(JsonObject container)
    {
        var state = container["State"]?.GetValue<string>() ?? "";
        return state.Contains("running", StringComparison.Ordinal) || state.Contains("paused", StringComparison.Ordinal) || state.Contains("restarting", StringComparison.Ordinal);
    }

    private static List<JsonObject> Array(JsonObject usage, string key) => usage[key] is JsonArray a ? a.OfType<JsonObject>().ToList() : [];

    private static long Long(JsonNode? node) => node is JsonValue v && v.TryGetValue<long>(out var l) ? l : node is JsonValue d && d.TryGetValue<double>(out var x) ? (long)x : 0;
}
