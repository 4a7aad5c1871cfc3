using System.Globalization;
using System.Text.Json.Nodes;
using Wharf.Cli.Parsing;

namespace Wharf.Cli.Commands;

/// <summary>The flags <c>run</c> and <c>create</c> share, and the create request body they map to (as the docker CLI maps them).</summary>
internal static partial class ContainerOptions
{
    /// <summary>Declares the shared flags.</summary>
    public static void Define(FlagSet flags)
    {
        flags.List("add-host", null, "Add a custom host-to-IP mapping (host:ip)")
            .List("attach", 'a', "Attach to STDIN, STDOUT or STDERR")
            .List("cap-add", null, "Add Linux capabilities")
            .List("cap-drop", null, "Drop Linux capabilities")
            .String("cidfile", null, "Write the container ID to the file")
            .String("cpus", null, "Number of CPUs", valueType: "decimal")
            .String("detach-keys", null, "Override the key sequence for detaching a container")
            .List("dns", null, "Set custom DNS servers")
            .String("entrypoint", null, "Overwrite the default ENTRYPOINT of the image")
            .List("env", 'e', "Set environment variables")
            .List("env-file", null, "Read in a file of environment variables")
            .List("expose", null, "Expose a port or a range of ports")
            .String("hostname", 'h', "Container host name")
            .Bool("init", null, "Run an init inside the container that forwards signals and reaps processes")
            .Bool("interactive", 'i', "Keep STDIN open even if not attached")
            .List("label", 'l', "Set meta data on a container")
            .List("label-file", null, "Read in a line delimited file of labels")
            .String("memory", 'm', "Memory limit", valueType: "bytes")
            .List("mount", null, "Attach a filesystem mount to the container", valueType: "mount")
            .String("name", null, "Assign a name to the container")
            .String("network", null, "Connect a container to a network", valueType: "network")
            .String("platform", null, "Set platform if server is multi-platform capable")
            .Bool("privileged", null, "Give extended privileges to this container")
            .List("publish", 'p', "Publish a container's port(s) to the host")
            .Bool("publish-all", 'P', "Publish all exposed ports to random ports")
            .String("pull", null, "Pull image before running (\"always\", \"missing\", \"never\")", "missing")
            .Bool("quiet", 'q', "Suppress the pull output")
            .Bool("read-only", null, "Mount the container's root filesystem as read only")
            .String("restart", null, "Restart policy to apply when a container exits", "no")
            .Bool("rm", null, "Automatically remove the container and its associated anonymous volumes when it exits")
            .String("stop-signal", null, "Signal to stop the container")
            .Int("stop-timeout", null, "Timeout (in seconds) to stop a container")
            .Bool("tty", 't', "Allocate a pseudo-TTY")
            .String("user", 'u', "Username or UID (format: <name|uid>[:<group|gid>])")
            .List("volume", 'v', "Bind mount a volume")
            .String("workdir", 'w', "Working directory inside the container");
        DefineVolumes(flags);
        DefineDns(flags);
        DefineLifecycle(flags);
        DefineResources(flags);
    }

    /// <summary>Builds the <c>POST /containers/create</c> body; throws <see cref="FormatException"/> with docker's wording for bad values.</summary>
    public static JsonObject BuildBody(ParsedFlags flags, string image, IReadOnlyList<string> command, bool detach, Func<string, string?> environment, (int Height, int Width)? consoleSize)
    {
        var interactive = flags.GetBool("interactive");
        var tty = flags.GetBool("tty");
        var attach = flags.GetList("attach").Select(a => a.ToLowerInvariant()).ToList();
        foreach (var a in attach)
        {
            if (a is not ("stdin" or "stdout" or "stderr"))
            {
                throw new FormatException($"valid streams are STDIN, STDOUT and STDERR");
            }
        }
        bool attachStdin, attachStdout, attachStderr;
        if (detach)
        {
            if (attach.Count > 0)
            {
                throw new FormatException("conflicting options: cannot specify both --attach and --detach");
            }
            attachStdin = attachStdout = attachStderr = false;
        }
        else if (attach.Count > 0)
        {
            attachStdin = attach.Contains("stdin");
            attachStdout = attach.Contains("stdout");
            attachStderr = attach.Contains("stderr");
        }
        else
        {
            attachStdin = interactive;
            attachStdout = attachStderr = true;
        }

        var env = new List<string>();
        foreach (var file in flags.GetList("env-file"))
        {
            env.AddRange(KeyValueFile.ReadFile(file, environment, "env file"));
        }
        env.AddRange(flags.GetList("env").Select(e => KeyValueFile.ExpandEnv(e, environment)));

        var labels = new JsonObject();
        var labelLines = new List<string>();
        foreach (var file in flags.GetList("label-file"))
        {
            labelLines.AddRange(KeyValueFile.ReadFile(file, null, "label file"));
        }
        labelLines.AddRange(flags.GetList("label"));
        foreach (var line in labelLines)
        {
            var eq = line.IndexOf('=');
            labels[eq < 0 ? line : line[..eq]] = eq < 0 ? "" : line[(eq + 1)..];
        }

        var exposed = new JsonObject();
        var bindings = new JsonObject();
        foreach (var port in flags.GetList("expose"))
        {
            exposed[NormalizePort(port)] = new JsonObject();
        }
        foreach (var publish in flags.GetList("publish"))
        {
            var (key, hostIp, hostPort) = ParsePublish(publish);
            exposed[key] = new JsonObject();
            if (bindings[key] is not JsonArray list)
            {
                bindings[key] = list = [];
            }
            list.Add((JsonNode)new JsonObject { ["HostIp"] = hostIp, ["HostPort"] = hostPort });
        }

        JsonNode? entrypoint = null;
        if (flags.IsSet("entrypoint"))
        {
            entrypoint = new JsonArray(JsonValue.Create(flags.GetString("entrypoint")));
        }
        var network = flags.GetStringOrNull("network") is { Length: > 0 } n ? n : "default";

        var hostConfig = new JsonObject
        {
            ["Binds"] = Strings(flags.GetList("volume")),
            ["NetworkMode"] = network,
            ["PortBindings"] = bindings,
            ["RestartPolicy"] = ParseRestart(flags.GetString("restart")),
            ["AutoRemove"] = flags.GetBool("rm"),
            ["CapAdd"] = Strings(flags.GetList("cap-add")),
            ["CapDrop"] = Strings(flags.GetList("cap-drop")),
            ["Dns"] = Strings(flags.GetList("dns")),
            ["ExtraHosts"] = Strings(flags.GetList("add-host")),
            ["Privileged"] = flags.GetBool("privileged"),
            ["PublishAllPorts"] = flags.GetBool("publish-all"),
            ["ReadonlyRootfs"] = flags.GetBool("read-only"),
        };
        if (flags.IsSet("init"))
        {
            hostConfig["Init"] = flags.GetBool("init");
        }
        if (flags.GetStringOrNull("memory") is { Length: > 0 } memory)
        {
            hostConfig["Memory"] = Wharf.Core.Units.ByteSizes.RAMInBytes(memory);
        }
        if (flags.GetStringOrNull("cpus") is { Length: > 0 } cpus)
        {
            if (!double.TryParse(cpus, NumberStyles.Float, CultureInfo.InvariantCulture, out var c) || c < 0)
            {
                throw new FormatException($"invalid argument \"{cpus}\" for \"--cpus\" flag: failed to parse {cpus} as a rational number");
            }
            hostConfig["NanoCpus"] = (long)(c * 1e9);
        }
        if (tty && consoleSize is { } size)
        {
            hostConfig["ConsoleSize"] = new JsonArray(size.Height, size.Width);
        }
        var endpoints = new JsonObject();
        endpoints[network] = new JsonObject();

        var body = new JsonObject
        {
            ["Hostname"] = flags.GetString("hostname"),
            ["Domainname"] = "",
            ["User"] = flags.GetString("user"),
            ["AttachStdin"] = attachStdin,
            ["AttachStdout"] = attachStdout,
            ["AttachStderr"] = attachStderr,
            ["ExposedPorts"] = exposed,
            ["Tty"] = tty,
            ["OpenStdin"] = interactive,
            ["StdinOnce"] = interactive && attachStdin,
            ["Env"] = Strings(env),
            ["Cmd"] = command.Count == 0 ? null : Strings(command),
            ["Image"] = image,
            ["Volumes"] = new JsonObject(),
            ["WorkingDir"] = flags.GetString("workdir"),
            ["Entrypoint"] = entrypoint,
            ["OnBuild"] = null,
            ["Labels"] = labels,
            ["HostConfig"] = hostConfig,
            ["NetworkingConfig"] = new JsonObject { ["EndpointsConfig"] = endpoints },
        };
        ApplyVolumes(flags, body, hostConfig);
        ApplyDns(flags, body, hostConfig);
        ApplyLifecycle(flags, body, hostConfig);
        ApplyResources(flags, body, hostConfig);
        if (flags.GetStringOrNull("stop-signal") is { Length: > 0 } stopSignal)
        {
            body["StopSignal"] = stopSignal;
        }
        if (flags.IsSet("stop-timeout"))
        {
            body["StopTimeout"] = flags.GetInt("stop-timeout");
        }
        return body;
    }

    private static JsonArray Strings(IEnumerable<string> values) => new(values.Select(v => (JsonNode?)JsonValue.Create(v)).ToArray());

    /// <summary>Parses <c>--restart</c>: <c>no</c>, <c>always</c>, <c>unless-stopped</c>, <c>on-failure[:N]</c>.</summary>
    public static JsonObject ParseRestart(string value)
    {
        var colon = value.IndexOf(':');
        var name = colon < 0 ? value : value[..colon];
        var retries = 0;
        if (colon >= 0)
        {
            if (name != "on-failure")
            {
                throw new FormatException($"invalid restart policy format: maximum retry count can only be used with 'on-failure'");
            }
            if (!int.TryParse(value[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out retries))
            {
                throw new FormatException($"invalid restart policy format: maximum retry count must be an integer");
            }
        }
        if (name is not ("" or "no" or "always" or "unless-stopped" or "on-failure"))
        {
            throw new FormatException($"invalid restart policy format: unknown policy '{name}'; use one of 'no', 'always', 'on-failure', or 'unless-stopped'");
        }
        return new JsonObject { ["Name"] = name.Length == 0 ? "no" : name, ["MaximumRetryCount"] = retries };
    }

    private static string NormalizePort(string port) => port.Contains('/') ? port : port + "/tcp";

    /// <summary>Parses <c>-p [ip:][hostPort:]containerPort[/proto]</c> into the port key, host IP and host port.</summary>
    public static (string Key, string HostIp, string HostPort) ParsePublish(string value)
    {
        var proto = "tcp";
        var text = value;
        var slash = text.LastIndexOf('/');
        if (slash >= 0)
        {
            proto = text[(slash + 1)..];
            text = text[..slash];
        }
        string hostIp = "", hostPort = "", containerPort;
        if (text.StartsWith('['))
        {
            var close = text.IndexOf(']');
            hostIp = text[1..close];
            text = text[(close + 2)..];
        }
        var parts = text.Split(':');
        switch (parts.Length)
        {
            case 1:
                containerPort = parts[0];
                break;
            case 2:
                hostPort = parts[0];
                containerPort = parts[1];
                break;
            case 3:
                hostIp = parts[0];
                hostPort = parts[1];
                containerPort = parts[2];
                break;
            default:
                throw new FormatException($"invalid proto: {value}");
        }
        if (containerPort.Length == 0 || !containerPort.All(c => char.IsAsciiDigit(c) || c == '-'))
        {
            throw new FormatException($"invalid containerPort: {containerPort}");
        }
        return ($"{containerPort}/{proto}", hostIp, hostPort);
    }
}
