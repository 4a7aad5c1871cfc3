using System.Text.Json.Nodes;
using Wharf.Cli.Templates;

namespace Wharf.Cli.Formatting;

/// <summary>The fields <c>ps --format</c> offers for one container summary, formatted as docker's ContainerContext does.</summary>
internal static class ContainerRows
{
    /// <summary>The default <c>ps</c> table.</summary>
    public const string DefaultFormat = "table {{.ID}}\t{{.Image}}\t{{.Command}}\t{{.RunningFor}}\t{{.Status}}\t{{.Ports}}\t{{.Names}}";

    /// <summary>Column titles by field.</summary>
    public static IReadOnlyDictionary<string, object?> Headers { get; } = new Dictionary<string, object?>
    {
        ["ID"] = "CONTAINER ID",
        ["Image"] = "IMAGE",
        ["Command"] = "COMMAND",
        ["CreatedAt"] = "CREATED AT",
        ["RunningFor"] = "CREATED",
        ["Ports"] = "PORTS",
        ["State"] = "STATE",
        ["Status"] = "STATUS",
        ["Size"] = "SIZE",
        ["Names"] = "NAMES",
        ["Labels"] = "LABELS",
        ["Label"] = LabelHeader.Method,
        ["Mounts"] = "MOUNTS",
        ["Networks"] = "NETWORKS",
        ["LocalVolumes"] = "LOCAL VOLUMES",
        ["Platform"] = "PLATFORM",
    };

    /// <summary>Builds the row for one <c>GET /containers/json</c> entry.</summary>
    public static Dictionary<string, object?> Build(JsonObject c, bool truncate, DateTimeOffset now)
    {
        var id = Str(c["Id"]);
        var image = Str(c["Image"]);
        if (truncate)
        {
            if (image.StartsWith("sha256:", StringComparison.Ordinal))
            {
                image = Truncation.ShortId(image);
            }
            else if (image.IndexOf('@') is var at and > 0)
            {
                image = image[..at];
            }
        }
        var command = Str(c["Command"]);
        if (truncate)
        {
            command = Truncation.Ellipsis(command, 20);
        }
        var created = c["Created"] is JsonValue cv && cv.TryGetValue<long>(out var createdSeconds) ? createdSeconds : 0;
        var labels = c["Labels"] as JsonObject;
        var row = new Dictionary<string, object?>
        {
            ["ID"] = truncate ? Truncation.ShortId(id) : id,
            ["Image"] = image,
            ["Command"] = TemplateValues.Quote(command),
            ["CreatedAt"] = HumanUnits.GoTime(created),
            ["RunningFor"] = HumanUnits.Ago(created, now),
            ["Ports"] = Ports(c["Ports"] as JsonArray),
            ["State"] = Str(c["State"]),
            ["Status"] = Str(c["Status"]),
            ["Size"] = Size(c),
            ["Names"] = Names(c["Names"] as JsonArray, truncate),
            ["Labels"] = labels is null ? "" : string.Join(",", labels.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Key + "=" + Str(p.Value))),
            ["Mounts"] = Mounts(c["Mounts"] as JsonArray, truncate),
            ["Networks"] = c["NetworkSettings"]?["Networks"] is JsonObject networks ? string.Join(",", networks.Select(p => p.Key).Order(StringComparer.Ordinal)) : "",
            ["LocalVolumes"] = (c["Mounts"] as JsonArray)?.Count(m => Str(m?["Driver"]) == "local").ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "0",
            ["Platform"] = "",
        };
        row["Label"] = new TemplateMethod(args =>
            args.Count == 1 && args[0] is string key && labels?[key] is { } value ? Str(value) : "");
        return row;
    }

    private static string Str(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : node?.ToJsonString() ?? "";

    private static string Names(JsonArray? names, bool truncate)
    {
        var list = names?.Select(n => Str(n).TrimStart('/')).ToList() ?? [];
        if (truncate)
        {
            var single = list.FirstOrDefault(n => !n.Contains('/'));
            if (single is not null)
            {
                list = [single];
            }
        }
        return string.Join(",", list);
    }

    private static string Size(JsonObject c)
    {
        var rw = c["SizeRw"] is JsonValue r && r.TryGetValue<long>(out var rwValue) ? rwValue : 0;
        var root = c["SizeRootFs"] is JsonValue f && f.TryGetValue<long>(out var rootValue) ? rootValue : 0;
        if (c["SizeRw"] is null && c["SizeRootFs"] is null)
        {
            return "0B";
        }
        var text = HumanUnits.Size(rw);
        return root > 0 ? $"{text} (virtual {HumanUnits.Size(root)})" : text;
    }

    private static string Mounts(JsonArray? mounts, bool truncate)
    {
        if (mounts is null)
        {
            return "";
        }
        var names = mounts.Select(m =>
        {
            var name = Str(m?["Name"]);
            if (name.Length == 0)
            {
                name = Str(m?["Source"]);
            }
            return truncate ? Truncation.Ellipsis(name, 15) : name;
        });
        return string.Join(",", names);
    }

    /// <summary>docker's DisplayablePorts (without range grouping): <c>0.0.0.0:8080->80/tcp, 443/tcp</c>.</summary>
    public static string Ports(JsonArray? ports)
    {
        if (ports is null)
        {
            return "";
        }
        var items = new List<(string Key, string Text)>();
        foreach (var p in ports.OfType<JsonObject>())
        {
            var priv = p["PrivatePort"]?.ToJsonString() ?? "0";
            var type = Str(p["Type"]);
            var pub = p["PublicPort"] is JsonValue pv && pv.TryGetValue<long>(out var publicPort) ? publicPort : 0;
            var ip = Str(p["IP"]);
            string text;
            if (pub != 0)
            {
                var host = ip.Contains(':') ? "[" + ip + "]" : ip;
                text = $"{host}:{pub}->{priv}/{type}";
            }
            else
            {
                text = $"{priv}/{type}";
            }
            if (!items.Any(i => i.Text == text))
            {
                items.Add((text, text));
            }
        }
        return string.Join(", ", items.Select(i => i.Text));
    }
}
