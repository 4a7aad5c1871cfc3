using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Wharf.Cli.Parsing;

namespace Wharf.Cli.Commands;

/// <summary><c>wharf info</c> / <c>system info</c>: the daemon's <c>/info</c> in docker's text layout.</summary>
internal sealed class InfoCommand : Command
{
    /// <inheritdoc/>
    public override string Name => "info";

    /// <inheritdoc/>
    public override string Usage => "[OPTIONS]";

    /// <inheritdoc/>
    public override string Description => "Display system-wide information";

    /// <inheritdoc/>
    public override ArgCount Args => ArgCount.None;

    /// <inheritdoc/>
    public override void DefineFlags(FlagSet flags) => flags.String("format", 'f', "Format output using a custom template");

    /// <inheritdoc/>
    public override async Task<int> ExecuteAsync(CommandInvocation invocation)
    {
        var context = invocation.Context;
        var client = await context.GetClientAsync().ConfigureAwait(false);
        var info = await client.GetInfoAsync(context.Cancellation).ConfigureAwait(false);
        if (FormatTemplate.Parse(invocation.Flags.GetStringOrNull("format")) is { } template)
        {
            invocation.Out.WriteLine(template.Execute(info));
            return 0;
        }
        invocation.Out.Write(Render(info));
        return 0;
    }

    /// <summary>docker's <c>info</c> text for the fields Wharf reports.</summary>
    public static string Render(JsonObject info)
    {
        var sb = new StringBuilder();
        sb.Append("Client:\n Version:    ").Append(CliApp.Version).Append("\n Context:    default\n Debug Mode: false\n\nServer:\n");
        sb.Append(" Containers: ").Append(Str(info["Containers"])).Append('\n');
        sb.Append("  Running: ").Append(Str(info["ContainersRunning"])).Append('\n');
        sb.Append("  Paused: ").Append(Str(info["ContainersPaused"])).Append('\n');
        sb.Append("  Stopped: ").Append(Str(info["ContainersStopped"])).Append('\n');
        sb.Append(" Images: ").Append(Str(info["Images"])).Append('\n');
        Field(sb, "Server Version", info["ServerVersion"]);
        Field(sb, "Storage Driver", info["Driver"]);
        if (info["DriverStatus"] is JsonArray driverStatus)
        {
            foreach (var pair in driverStatus.OfType<JsonArray>().Where(p => p.Count == 2))
            {
                sb.Append("  ").Append(Str(pair[0])).Append(": ").Append(Str(pair[1])).Append('\n');
            }
        }
        Field(sb, "Logging Driver", info["LoggingDriver"]);
        Field(sb, "Cgroup Driver", info["CgroupDriver"]);
        Field(sb, "Cgroup Version", info["CgroupVersion"]);
        if (info["Runtimes"] is JsonObject runtimes)
        {
            sb.Append(" Runtimes: ").Append(string.Join(" ", runtimes.Select(r => r.Key))).Append('\n');
        }
        Field(sb, "Default Runtime", info["DefaultRuntime"]);
        Field(sb, "Init Binary", info["InitBinary"]);
        Field(sb, "Kernel Version", info["KernelVersion"]);
        Field(sb, "Operating System", info["OperatingSystem"]);
        Field(sb, "OSType", info["OSType"]);
        Field(sb, "Architecture", info["Architecture"]);
        Field(sb, "CPUs", info["NCPU"]);
        if (info["MemTotal"] is JsonValue mem && mem.TryGetValue<long>(out var bytes))
        {
            sb.Append(" Total Memory: ").Append(Wharf.Core.Units.ByteSizes.BytesSize(bytes)).Append('\n');
        }
        Field(sb, "Name", info["Name"]);
        Field(sb, "ID", info["ID"]);
        Field(sb, "Docker Root Dir", info["DockerRootDir"]);
        sb.Append(" Debug Mode: ").Append(Str(info["Debug"]) is { Length: > 0 } d ? d : "false").Append('\n');
        sb.Append(" Experimental: ").Append(Str(info["ExperimentalBuild"]) is { Length: > 0 } x ? x : "false").Append('\n');
        if (info["RegistryConfig"]?["InsecureRegistryCIDRs"] is JsonArray insecure && insecure.Count > 0)
        {
            sb.Append(" Insecure Registries:\n");
            foreach (var cidr in insecure)
            {
                sb.Append("  ").Append(Str(cidr)).Append('\n');
            }
        }
        sb.Append(" Live Restore Enabled: ").Append(Str(info["LiveRestoreEnabled"]) is { Length: > 0 } lr ? lr : "false").Append('\n');
        if (info["Warnings"] is JsonArray warnings && warnings.Count > 0)
        {
            sb.Append('\n');
            foreach (var w in warnings)
            {
                sb.Append(Str(w)).Append('\n');
            }
        }
        return sb.ToString();
    }

    private static void Field(StringBuilder sb, string label, JsonNode? value)
    {
        var text = Str(value);
        if (text.Length > 0)
        {
            sb.Append(' ').Append(label).Append(": ").Append(text).Append('\n');
        }
    }

    private static string Str(JsonNode? node) => node switch
    {
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        JsonValue v => v.ToJsonString(),
        null => "",
        _ => node.ToJsonString(),
    };
}
