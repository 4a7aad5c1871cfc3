using System.Globalization;
using System.Text.Json.Nodes;
using Wharf.Cli.Formatting;
using Wharf.Cli.Templates;

namespace Wharf.Cli.Commands;

/// <summary>The rows and columns of <c>network ls</c>.</summary>
internal static class NetworkRows
{
    /// <summary>docker's default <c>network ls</c> table.</summary>
    public const string DefaultFormat = "table {{.ID}}\t{{.Name}}\t{{.Driver}}\t{{.Scope}}";

    /// <summary>Column titles by field.</summary>
    public static IReadOnlyDictionary<string, object?> Headers { get; } = new Dictionary<string, object?>
    {
        ["ID"] = "NETWORK ID",
        ["Name"] = "NAME",
        ["Driver"] = "DRIVER",
        ["Scope"] = "SCOPE",
        ["IPv4"] = "IPV4",
        ["IPv6"] = "IPV6",
        ["Internal"] = "INTERNAL",
        ["Labels"] = "LABELS",
        ["Label"] = LabelHeader.Method,
        ["CreatedAt"] = "CREATED AT",
    };

    /// <summary>One row for a <c>GET /networks</c> entry.</summary>
    public static Dictionary<string, object?> Build(JsonObject network, bool truncate)
    {
        var id = VolumeCliSupport.Str(network["Id"]);
        var labels = network["Labels"] as JsonObject;
        var row = new Dictionary<string, object?>
        {
            ["ID"] = truncate ? Truncation.ShortId(id) : id,
            ["Name"] = VolumeCliSupport.Str(network["Name"]),
            ["Driver"] = VolumeCliSupport.Str(network["Driver"]),
            ["Scope"] = VolumeCliSupport.Str(network["Scope"]),
            ["IPv4"] = Bool(network["EnableIPv4"], true),
            ["IPv6"] = Bool(network["EnableIPv6"], false),
            ["Internal"] = Bool(network["Internal"], false),
            ["Labels"] = VolumeCliSupport.JoinLabels(labels),
            ["CreatedAt"] = CreatedAt(VolumeCliSupport.Str(network["Created"])),
        };
        row["Label"] = new TemplateMethod(args =>
            args.Count == 1 && args[0] is string key && labels?[key] is { } value ? VolumeCliSupport.Str(value) : "");
        return row;
    }

    private static string Bool(JsonNode? node, bool fallback) =>
        (node is JsonValue v && v.TryGetValue<bool>(out var b) ? b : fallback) ? "true" : "false";

    // docker prints Go's time.Time String(): 2006-01-02 15:04:05.999999999 -0700 MST.
    private static string CreatedAt(string created) =>
        DateTimeOffset.TryParse(created, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
            ? at.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture) + " +0000 UTC"
            : created;
}
