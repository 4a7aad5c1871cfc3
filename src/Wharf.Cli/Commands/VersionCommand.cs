using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json.Nodes;
using Wharf.Api.Client;
using Wharf.Cli.Parsing;

namespace Wharf.Cli.Commands;

/// <summary><c>wharf version</c>: Client and Server sections like docker's.</summary>
internal sealed class VersionCommand : Command
{
    /// <inheritdoc/>
    public override string Name => "version";

    /// <inheritdoc/>
    public override string Usage => "[OPTIONS]";

    /// <inheritdoc/>
    public override string Description => "Show the Wharf version information";

    /// <inheritdoc/>
    public override ArgCount Args => ArgCount.None;

    /// <inheritdoc/>
    public override void DefineFlags(FlagSet flags) => flags.String("format", 'f', "Format output using a custom template");

    /// <summary>The architecture as Go names it.</summary>
    public static string GoArch => RuntimeInformation.OSArchitecture switch
    {
        Architecture.X64 => "amd64",
        Architecture.Arm64 => "arm64",
        Architecture.Arm => "arm",
        Architecture.X86 => "386",
        var other => other.ToString().ToLowerInvariant(),
    };

    /// <inheritdoc/>
    public override async Task<int> ExecuteAsync(CommandInvocation invocation)
    {
        var context = invocation.Context;
        var clientInfo = new JsonObject
        {
            ["Version"] = CliApp.Version,
            ["ApiVersion"] = ClientApiVersion.Max,
            ["DefaultAPIVersion"] = ClientApiVersion.Max,
            ["GoVersion"] = ".NET " + Environment.Version,
            ["GitCommit"] = "",
            ["BuildTime"] = "",
            ["Os"] = "linux",
            ["Arch"] = GoArch,
            ["Context"] = "default",
        };
        JsonObject? server = null;
        Exception? serverError = null;
        try
        {
            var client = await context.GetClientAsync().ConfigureAwait(false);
            clientInfo["ApiVersion"] = client.ApiVersion;
            server = await client.GetVersionAsync(context.Cancellation).ConfigureAwait(false);
        }
        catch (Exception e) when (e is DaemonUnreachableException or DaemonErrorException)
        {
            serverError = e;
        }
        if (FormatTemplate.Parse(invocation.Flags.GetStringOrNull("format")) is { } template)
        {
            var data = new JsonObject { ["Client"] = clientInfo, ["Server"] = server?.DeepClone() };
            invocation.Out.WriteLine(template.Execute(data));
        }
        else
        {
            invocation.Out.Write(Render(clientInfo, server));
        }
        if (serverError is not null)
        {
            await invocation.Out.FlushAsync().ConfigureAwait(false);
            throw serverError;
        }
        return 0;
    }

    /// <summary>Docker's text layout for the two sections.</summary>
    public static string Render(JsonObject client, JsonObject? server)
    {
        var sb = new StringBuilder();
        sb.Append("Client:\n");
        Line(sb, 1, "Version:", Str(client["Version"]), 19);
        Line(sb, 1, "API version:", Str(client["ApiVersion"]), 19);
        Line(sb, 1, "Go version:", Str(client["GoVersion"]), 19);
        Line(sb, 1, "Git commit:", Str(client["GitCommit"]), 19);
        Line(sb, 1, "Built:", Str(client["BuildTime"]), 19);
        Line(sb, 1, "OS/Arch:", $"{Str(client["Os"])}/{Str(client["Arch"])}", 19);
        Line(sb, 1, "Context:", Str(client["Context"]), 19);
        if (server is null)
        {
            return sb.ToString();
        }
        sb.Append('\n').Append("Server: ").Append(Str(server["Platform"]?["Name"]) is { Length: > 0 } platform ? platform : "Wharf Engine").Append('\n');
        var components = server["Components"] as JsonArray;
        if (components is null || components.Count == 0)
        {
            components = new JsonArray((JsonNode)new JsonObject { ["Name"] = "Engine", ["Version"] = Str(server["Version"]) });
        }
        foreach (var component in components.OfType<JsonObject>())
        {
            var name = Str(component["Name"]);
            sb.Append(' ').Append(name).Append(":\n");
            Line(sb, 2, "Version:", Str(component["Version"]), 18);
            if (name == "Engine")
            {
                Line(sb, 2, "API version:", $"{Str(server["ApiVersion"])} (minimum version {Str(server["MinAPIVersion"])})", 18);
                Line(sb, 2, "Go version:", Str(server["GoVersion"]), 18);
                Line(sb, 2, "Git commit:", Str(server["GitCommit"]), 18);
                Line(sb, 2, "Built:", Str(server["BuildTime"]), 18);
                Line(sb, 2, "OS/Arch:", $"{Str(server["Os"])}/{Str(server["Arch"])}", 18);
                Line(sb, 2, "Experimental:", server["Experimental"] is JsonValue ex && ex.TryGetValue<bool>(out var e) && e ? "true" : "false", 18);
            }
            else if (component["Details"] is JsonObject details)
            {
                foreach (var (key, value) in details)
                {
                    Line(sb, 2, key + ":", Str(value), 18);
                }
            }
        }
        return sb.ToString();
    }

    private static void Line(StringBuilder sb, int indent, string label, string value, int width) =>
        sb.Append(' ', indent).Append(label.PadRight(width)).Append(value).Append('\n');

    private static string Str(JsonNode? node) => node is JsonValue v ? v.ToString() : "";
}
