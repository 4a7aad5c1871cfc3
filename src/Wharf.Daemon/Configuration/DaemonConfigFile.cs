using System.Text.Json;

namespace Wharf.Daemon.Configuration;

/// <summary>
/// Reads daemon.json (the keys of dockerd's file that apply to Wharf) into <see cref="DaemonOptions"/>. As dockerd, a key
/// given both as a flag and in the file is an error, and so is a key that matches no option.
/// </summary>
public static class DaemonConfigFile
{
    private static readonly string[] KnownKeys =
        ["hosts", "data-root", "exec-root", "pidfile", "storage-driver", "log-level", "debug", "runtimes", "default-runtime", "cgroup-parent", "bridge", "bip", "nft-table", "default-address-pools", "host-gateway-ip"];

    /// <summary>Merges the file named by the flags (or the default file when present) into <paramref name="commandLine"/>'s options.</summary>
    public static DaemonOptions Merge(CommandLineResult commandLine)
    {
        var options = commandLine.Options;
        var path = options.ConfigFile ?? DaemonOptions.DefaultConfigFile;
        if (!File.Exists(path))
        {
            if (options.ConfigFile is not null)
            {
                throw new DaemonUsageException($"unable to configure the Wharf daemon with file {path}: open {path}: no such file or directory");
            }
            return options;
        }
        options.ConfigFile = path;
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DaemonUsageException($"unable to configure the Wharf daemon with file {path}: {e.Message}");
        }
        if (string.IsNullOrWhiteSpace(text))
        {
            return options;
        }
        try
        {
            using var doc = JsonDocument.Parse(text, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            if (doc.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new DaemonUsageException($"unable to configure the Wharf daemon with file {path}: the configuration must be a JSON object");
            }
            var unknown = doc.RootElement.EnumerateObject().Select(p => p.Name).Where(n => !KnownKeys.Contains(n)).ToList();
            if (unknown.Count > 0)
            {
                throw new DaemonUsageException($"unable to configure the Wharf daemon with file {path}: the following directives don't match any configuration option: {string.Join(", ", unknown)}");
            }
            var conflicts = new List<string>();
            foreach (var property in doc.RootElement.EnumerateObject())
            {
                if (commandLine.SetKeys.TryGetValue(property.Name, out var fromFlag))
                {
                    conflicts.Add($"{property.Name}: (from flag: {fromFlag}, from file: {Describe(property.Value)})");
                }
            }
            if (conflicts.Count > 0)
            {
                throw new DaemonUsageException($"unable to configure the Wharf daemon with file {path}: the following directives are specified both as a flag and in the configuration file: {string.Join(", ", conflicts)}");
            }
            foreach (var property in doc.RootElement.EnumerateObject())
            {
                Apply(options, property);
            }
        }
        catch (JsonException e)
        {
            throw new DaemonUsageException($"unable to configure the Wharf daemon with file {path}: {e.Message}");
        }
        catch (InvalidOperationException e)
        {
            throw new DaemonUsageException($"unable to configure the Wharf daemon with file {path}: {e.Message}");
        }
        return options;
    }

    private static void Apply(DaemonOptions options, JsonProperty property)
    {
        var v = property.Value;
        switch (property.Name)
        {
            case "hosts":
                foreach (var host in v.EnumerateArray())
                {
                    options.Hosts.Add(HostAddress.Parse(host.GetString() ?? "").ToString());
                }
                break;
            case "data-root":
                options.DataRoot = Path.GetFullPath(v.GetString()!);
                break;
            case "exec-root":
                options.ExecRoot = Path.GetFullPath(v.GetString()!);
                break;
            case "pidfile":
                options.PidFile = Path.GetFullPath(v.GetString()!);
                break;
            case "storage-driver":
                options.StorageDriver = v.GetString()!;
                break;
            case "log-level":
                options.LogLevel = CommandLine.ValidateLogLevel(v.GetString()!);
                break;
            case "debug":
                options.Debug = v.GetBoolean();
                break;
            case "default-runtime":
                options.DefaultRuntime = v.GetString()!;
                break;
            case "cgroup-parent":
                options.CgroupParent = v.GetString()!;
                break;
            case "bridge" or "bip" or "nft-table" or "default-address-pools":
                NetworkFlags.ApplyJson(options, property.Name, v);
                break;
            case "host-gateway-ip":
                options.HostGatewayIp = v.GetString() is { } gatewayIp && Wharf.Engine.Containers.ExtraHostSyntax.IsIPAddress(gatewayIp)
                    ? gatewayIp
                    : throw new DaemonUsageException($"invalid host-gateway-ip: {v}");
                break;
            case "runtimes":
                foreach (var runtime in v.EnumerateObject())
                {
                    var runtimePath = runtime.Value.ValueKind == JsonValueKind.Object && runtime.Value.TryGetProperty("path", out var p)
                        ? p.GetString()
                        : null;
                    if (string.IsNullOrEmpty(runtimePath))
                    {
                        throw new DaemonUsageException($"runtime {runtime.Name}: a path is required");
                    }
                    options.Runtimes[runtime.Name] = runtimePath;
                }
                break;
        }
    }

    private static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString()!,
        JsonValueKind.Array => string.Join(", ", value.EnumerateArray().Select(Describe)),
        _ => value.GetRawText(),
    };
}
