namespace Wharf.Daemon.Configuration;

/// <summary>Parses dockerd-style flags: <c>--flag value</c>, <c>--flag=value</c>, <c>-H value</c>, <c>-Hvalue</c>, booleans with optional <c>=true|false</c>.</summary>
public static class CommandLine
{
    /// <summary>The usage text.</summary>
    public const string Usage = """
        Usage:	wharfd [OPTIONS]

        A self-sufficient runtime for containers (Docker Engine API compatible).

        Options:
              --cgroup-parent string     Set parent cgroup for all containers (default "wharf")
              --config-file string       Daemon configuration file (default "/etc/wharf/daemon.json")
          -D, --debug                    Enable debug mode
              --data-root string         Root directory of persistent Wharf state (default "/var/lib/wharf")
              --default-runtime string   Default OCI runtime for containers (default "runc")
              --exec-root string         Root directory for execution state files (default "/run/wharf")
          -h, --help                     Print usage
          -H, --host list                Daemon socket(s) to connect to (default unix:///run/wharf/wharf.sock)
          -l, --log-level string         Set the logging level ("debug"|"info"|"warn"|"error"|"fatal") (default "info")
          -p, --pidfile string           Path to use for daemon PID file (default "/run/wharf/wharfd.pid")
          -s, --storage-driver string    Storage driver to use ("overlay2"|"overlay"|"vfs") (default "overlay")
          -b, --bridge string            Attach containers to a network bridge (default "wharf0")
              --bip string               Specify network bridge IP (e.g. 172.17.0.1/16)
              --default-address-pool pool  Default address pools for node specific local networks (base=CIDR,size=N)
              --nft-table string         nftables inet table holding the daemon's rules (default "wharf")
              --host-gateway-ip ip       IP address that the special 'host-gateway' string in --add-host resolves to
          -v, --version                  Print version information and quit
        """;

    private static readonly Dictionary<string, string> ValueFlags = new(StringComparer.Ordinal)
    {
        ["-H"] = "hosts",
        ["--host"] = "hosts",
        ["--data-root"] = "data-root",
        ["--exec-root"] = "exec-root",
        ["-p"] = "pidfile",
        ["--pidfile"] = "pidfile",
        ["--config-file"] = "config-file",
        ["-s"] = "storage-driver",
        ["--storage-driver"] = "storage-driver",
        ["-l"] = "log-level",
        ["--log-level"] = "log-level",
        ["--cgroup-parent"] = "cgroup-parent",
        ["--default-runtime"] = "default-runtime",
        ["-b"] = "bridge",
        ["--bridge"] = "bridge",
        ["--bip"] = "bip",
        ["--nft-table"] = "nft-table",
        ["--default-address-pool"] = "default-address-pools",
        ["--host-gateway-ip"] = "host-gateway-ip",
    };

    private static readonly Dictionary<string, string> BoolFlags = new(StringComparer.Ordinal)
    {
        ["-D"] = "debug",
        ["--debug"] = "debug",
        ["-h"] = "help",
        ["--help"] = "help",
        ["-v"] = "version",
        ["--version"] = "version",
    };

    private static readonly string[] LogLevels = ["debug", "info", "warn", "error", "fatal", "panic", "trace"];

    /// <summary>Parses <paramref name="args"/>. Throws <see cref="DaemonUsageException"/> for unknown flags, missing values or extra arguments.</summary>
    public static CommandLineResult Parse(IReadOnlyList<string> args)
    {
        var options = new DaemonOptions();
        var set = new Dictionary<string, string>(StringComparer.Ordinal);
        bool help = false, version = false;
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith('-') || arg == "-")
            {
                throw new DaemonUsageException($"\"wharfd\" accepts no arguments.\nSee 'wharfd --help'.", showUsage: false);
            }
            string name = arg;
            string? inline = null;
            var eq = arg.IndexOf('=');
            if (arg.StartsWith("--", StringComparison.Ordinal) && eq > 0)
            {
                name = arg[..eq];
                inline = arg[(eq + 1)..];
            }
            else if (!arg.StartsWith("--", StringComparison.Ordinal) && arg.Length > 2)
            {
                // Short flag with the value glued on: -Hunix:///x or -H=unix:///x.
                name = arg[..2];
                inline = arg[2..].StartsWith('=') ? arg[3..] : arg[2..];
            }
            if (BoolFlags.TryGetValue(name, out var boolKey))
            {
                var value = inline is null || ParseBool(inline, name);
                switch (boolKey)
                {
                    case "debug":
                        options.Debug = value;
                        set["debug"] = value ? "true" : "false";
                        break;
                    case "help":
                        help = value;
                        break;
                    case "version":
                        version = value;
                        break;
                }
                continue;
            }
            if (!ValueFlags.TryGetValue(name, out var key))
            {
                var shown = name.StartsWith("--", StringComparison.Ordinal) ? name[2..] : name[1..];
                throw new DaemonUsageException(name.StartsWith("--", StringComparison.Ordinal)
                    ? $"unknown flag: --{shown}"
                    : $"unknown shorthand flag: '{shown[..1]}' in {arg}", showUsage: true);
            }
            if (inline is null)
            {
                if (i + 1 >= args.Count)
                {
                    throw new DaemonUsageException($"flag needs an argument: {name}", showUsage: true);
                }
                inline = args[++i];
            }
            Apply(options, key, inline);
            set[key] = key == "hosts" ? string.Join(", ", options.Hosts) : inline;
        }
        return new CommandLineResult(options, set, help, version);
    }

    /// <summary>Validates a log level name.</summary>
    public static string ValidateLogLevel(string level)
    {
        if (!LogLevels.Contains(level, StringComparer.OrdinalIgnoreCase))
        {
            throw new DaemonUsageException($"unable to parse logging level: {level}");
        }
        return level.ToLowerInvariant();
    }

    private static void Apply(DaemonOptions options, string key, string value)
    {
        switch (key)
        {
            case "hosts":
                options.Hosts.Add(HostAddress.Parse(value).ToString());
                break;
            case "data-root":
                options.DataRoot = RequireAbsolute(value, "--data-root");
                break;
            case "exec-root":
                options.ExecRoot = RequireAbsolute(value, "--exec-root");
                break;
            case "pidfile":
                options.PidFile = Path.GetFullPath(value);
                break;
            case "config-file":
                options.ConfigFile = Path.GetFullPath(value);
                break;
            case "storage-driver":
                options.StorageDriver = value;
                break;
            case "log-level":
                options.LogLevel = ValidateLogLevel(value);
                break;
            case "cgroup-parent":
                options.CgroupParent = value;
                break;
            case "default-runtime":
                options.DefaultRuntime = value;
                break;
            case "bridge" or "bip" or "nft-table" or "default-address-pools":
                NetworkFlags.Apply(options, key, value);
                break;
            case "host-gateway-ip":
                options.HostGatewayIp = Wharf.Engine.Containers.ExtraHostSyntax.IsIPAddress(value)
                    ? value
                    : throw new DaemonUsageException($"invalid argument \"{value}\" for \"--host-gateway-ip\" flag: invalid IP address: {value}", showUsage: true);
                break;
        }
    }

    private static string RequireAbsolute(string value, string flag) =>
        value.Length == 0 ? throw new DaemonUsageException($"{flag} must not be empty") : Path.GetFullPath(value);

    private static bool ParseBool(string value, string flag) => value.ToLowerInvariant() switch
    {
        "1" or "t" or "true" => true,
        "0" or "f" or "false" => false,
        _ => throw new DaemonUsageException($"invalid argument \"{value}\" for \"{flag}\" flag: strconv.ParseBool: parsing \"{value}\": invalid syntax", showUsage: true),
    };
}
