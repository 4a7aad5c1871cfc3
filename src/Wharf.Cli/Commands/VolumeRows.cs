using System.Text.Json.Nodes;
using Wharf.Cli.Formatting;
using Wharf.Cli.Templates;

namespace Wharf.Cli.Commands;

/// <summary>The rows and columns of <c>volume ls</c>.</summary>
internal static class VolumeRows
{
    /// <summary>docker's default <c>volume ls</c> table.</summary>
    public const string DefaultFormat = "table {{.Driver}}\t{{.Name}}";

    /// <summary>Column titles by field.</summary>
    public static IReadOnlyDictionary<string, object?> Headers { get; } = new Dictionary<string, object?>
    {
        ["Name"] = "VOLUME NAME",
        ["Driver"] = "DRIVER",
        ["Scope"] = "SCOPE",
        ["Mountpoint"] = "MOUNTPOINT",
        ["Labels"] = "LABELS",
        ["Label"] = LabelHeader.Method,
        ["Links"] = "LINKS",
        ["Size"] = "SIZE",
        ["Availability"] = "AVAILABILITY",
        ["Group"] = "GROUP",
        ["Status"] = "STATUS",
    };

    /// <summary>One row for a <c>GET /volumes</c> entry.</summary>
    public static Dictionary<string, object?> Build(JsonObject volume)
    {
        var labels = volume["Labels"] as JsonObject;
        var usage = volume["UsageData"] as JsonObject;
        var row = new Dictionary<string, object?>
        {
            ["Name"] = VolumeCliSupport.Str(volume["Name"]),
            ["Driver"] = VolumeCliSupport.Str(volume["Driver"]),
            ["Scope"] = VolumeCliSupport.Str(volume["Scope"]),
            ["Mountpoint"] = VolumeCliSupport.Str(volume["Mountpoint"]),
            ["Labels"] = VolumeCliSupport.JoinLabels(labels),
            ["Links"] = usage?["RefCount"] is JsonValue refs ? refs.ToJsonString() : "N/A",
            ["Size"] = usage?["Size"] is JsonValue size && size.TryGetValue<long>(out var bytes) && bytes >= 0 ? Wharf.Core.Units.ByteSizes.HumanSize(bytes) : "N/A",
            ["Availability"] = "N/A",
            ["Group"] = "N/A",
            ["Status"] = "N/A",
        };
        row["Label"] = new TemplateMethod(args =>
            args.Count == 1 && args[0] is string key && labels?[key] is { } value ? VolumeCliSupport.Str(value) : "");
        return row;
    }
}
