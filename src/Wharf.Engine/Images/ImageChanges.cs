using System.Globalization;
using System.Text.Json;
using Wharf.Core.Errors;
using Wharf.Core.Oci;
using Wharf.Engine.Filesystem;

namespace Wharf.Engine.Images;

/// <summary>
/// Applies <c>docker import --change</c> / <c>docker commit --change</c> lines (Dockerfile instructions) to an image's
/// config: CMD, ENTRYPOINT, ENV, EXPOSE, HEALTHCHECK, LABEL, ONBUILD, STOPSIGNAL, USER, VOLUME, WORKDIR. Any other
/// instruction or a malformed line throws <see cref="InvalidArgumentException"/> with Docker's wording.
/// </summary>
public static class ImageChanges
{
    private static readonly HashSet<string> ValidCommands = new(StringComparer.Ordinal)
    {
        "cmd", "entrypoint", "healthcheck", "env", "expose", "label", "onbuild", "stopsignal", "user", "volume", "workdir",
    };

    /// <summary>Applies <paramref name="changes"/> in order to <paramref name="config"/> (modified in place and returned).</summary>
    public static ImageRuntimeConfig Apply(ImageRuntimeConfig config, IEnumerable<string> changes)
    {
        var lines = changes.SelectMany(c => c.Split('\n')).ToList();
        var instructions = new List<(int Line, string Name, string Original, string Arguments)>();
        for (var i = 0; i < lines.Count; i++)
        {
            var text = lines[i].Trim();
            if (text.Length == 0 || text.StartsWith('#'))
            {
                continue;
            }
            var split = text.IndexOfAny([' ', '\t']);
            var name = (split < 0 ? text : text[..split]).ToLowerInvariant();
            var arguments = split < 0 ? "" : text[split..].Trim();
            instructions.Add((i + 1, name, text, arguments));
        }
        // Docker validates every line before applying any of them.
        foreach (var instruction in instructions)
        {
            if (!ValidCommands.Contains(instruction.Name))
            {
                throw new InvalidArgumentException($"{instruction.Name} is not a valid change command");
            }
        }
        var state = new State(config);
        foreach (var (line, name, _, arguments) in instructions)
        {
            try
            {
                Dispatch(state, name, arguments);
            }
            catch (FormatException e)
            {
                throw new InvalidArgumentException($"dockerfile parse error on line {line}: {e.Message}");
            }
        }
        return config;
    }

    private static void Dispatch(State state, string name, string arguments)
    {
        var config = state.Config;
        var upper = name.ToUpperInvariant();
        switch (name)
        {
            case "cmd":
                config.Cmd = CommandLine(config, arguments);
                state.CmdSet = true;
                break;
            case "entrypoint":
                config.Entrypoint = arguments.Length == 0 ? null : CommandLine(config, arguments);
                if (!state.CmdSet)
                {
                    config.Cmd = null; // As in a Dockerfile: ENTRYPOINT resets a CMD inherited from before.
                }
                break;
            case "env":
                foreach (var (key, value) in NameValues(upper, arguments, state.Environment()))
                {
                    config.Env ??= [];
                    var index = config.Env.FindIndex(e => e.StartsWith(key + "=", StringComparison.Ordinal) || e == key);
                    if (index >= 0)
                    {
                        config.Env[index] = key + "=" + value;
                    }
                    else
                    {
                        config.Env.Add(key + "=" + value);
                    }
                }
                break;
            case "label":
                foreach (var (key, value) in NameValues(upper, arguments, state.Environment()))
                {
                    config.Labels ??= [];
                    config.Labels[key] = value;
                }
                break;
            case "expose":
                var ports = Words(upper, arguments, state, atLeastOne: true);
                foreach (var port in ports.SelectMany(ExpandPort))
                {
                    config.ExposedPorts ??= [];
                    config.ExposedPorts[port] = new EmptyObject();
                }
                break;
            case "volume":
                var volumes = TryJsonArray(arguments) ?? Words(upper, arguments, state, atLeastOne: true);
                if (volumes.Count == 0)
                {
                    throw new FormatException("VOLUME requires at least one argument");
                }
                foreach (var volume in volumes)
                {
                    if (string.IsNullOrWhiteSpace(volume))
                    {
                        throw new FormatException("VOLUME specified can not be an empty string");
                    }
                    config.Volumes ??= [];
                    config.Volumes[volume.Trim()] = new EmptyObject();
                }
                break;
            case "workdir":
                var directory = Single(upper, arguments, state);
                if (!directory.StartsWith('/'))
                {
                    directory = (config.WorkingDir is { Length: > 0 } current ? current : "/") + "/" + directory;
                }
                config.WorkingDir = UnixPath.Clean(directory);
                break;
            case "user":
                config.User = Single(upper, arguments, state);
                break;
            case "stopsignal":
                var signal = Single(upper, arguments, state);
                if (!IsSignal(signal))
                {
                    throw new FormatException($"Invalid signal: {signal}");
                }
                config.StopSignal = signal;
                break;
            case "onbuild":
                if (arguments.Length == 0)
                {
                    throw new FormatException("ONBUILD requires at least one argument");
                }
                var trigger = arguments.Split([' ', '\t'], 2)[0].ToUpperInvariant();
                switch (trigger)
                {
                    case "ONBUILD":
                        throw new FormatException("Chaining ONBUILD via `ONBUILD ONBUILD` isn't allowed");
                    case "FROM" or "MAINTAINER":
                        throw new FormatException($"{trigger} isn't allowed as an ONBUILD trigger");
                }
                config.OnBuild ??= [];
                config.OnBuild.Add(arguments);
                break;
            case "healthcheck":
                config.Healthcheck = Healthcheck(arguments);
                break;
        }
    }

    private static List<string> CommandLine(ImageRuntimeConfig config, string arguments)
    {
        if (TryJsonArray(arguments) is { } exec)
        {
            return exec;
        }
        var shell = config.Shell is { Count: > 0 } s ? s : ["/bin/sh", "-c"];
        return [.. shell, arguments];
    }

    private static List<string>? TryJsonArray(string arguments)
    {
        if (!arguments.StartsWith('['))
        {
            return null;
        }
        try
        {
            using var document = JsonDocument.Parse(arguments);
            if (document.RootElement.ValueKind != JsonValueKind.Array)
            {
                return null;
            }
            var result = new List<string>();
            foreach (var element in document.RootElement.EnumerateArray())
            {
                if (element.ValueKind != JsonValueKind.String)
                {
                    return null;
                }
                result.Add(element.GetString()!);
            }
            return result;
        }
        catch (JsonException)
        {
            return null; // Not JSON: the shell form, as Docker treats it.
        }
    }

    private static List<(string Key, string Value)> NameValues(string instruction, string arguments, IReadOnlyDictionary<string, string> environment)
    {
        var words = ShellWords.Split(arguments);
        if (words.Count == 0)
        {
            throw new FormatException($"{instruction} requires at least one argument");
        }
        var result = new List<(string, string)>();
        if (!words[0].Contains('='))
        {
            // Legacy form: NAME value with spaces.
            if (words.Count < 2)
            {
                throw new FormatException($"{instruction} must have two arguments");
            }
            var rest = arguments[(arguments.IndexOf(words[0], StringComparison.Ordinal) + words[0].Length)..].Trim();
            result.Add((ShellWords.Process(words[0], environment), ShellWords.Process(rest, environment)));
            return result;
        }
        foreach (var word in words)
        {
            var equals = word.IndexOf('=');
            if (equals < 0)
            {
                throw new FormatException($"Syntax error - can't find = in \"{word}\". Must be of the form: name=value");
            }
            var key = ShellWords.Process(word[..equals], environment);
            if (key.Length == 0)
            {
                throw new FormatException($"{instruction} names can not be blank");
            }
            result.Add((key, ShellWords.Process(word[(equals + 1)..], environment)));
        }
        return result;
    }

    private static List<string> Words(string instruction, string arguments, State state, bool atLeastOne)
    {
        var words = ShellWords.Split(arguments).Select(w => ShellWords.Process(w, state.Environment())).ToList();
        if (atLeastOne && words.Count == 0)
        {
            throw new FormatException($"{instruction} requires at least one argument");
        }
        return words;
    }

    private static string Single(string instruction, string arguments, State state)
    {
        if (arguments.Length == 0)
        {
            throw new FormatException($"{instruction} requires exactly one argument");
        }
        return ShellWords.Process(arguments, state.Environment());
    }

    private static IEnumerable<string> ExpandPort(string spec)
    {
        var slash = spec.IndexOf('/');
        var protocol = slash < 0 ? "tcp" : spec[(slash + 1)..].ToLowerInvariant();
        var ports = slash < 0 ? spec : spec[..slash];
        if (protocol is not ("tcp" or "udp" or "sctp"))
        {
            throw new FormatException($"invalid proto: {protocol}");
        }
        if (ports.Contains(':'))
        {
            ports = ports[(ports.LastIndexOf(':') + 1)..]; // ip:hostPort:containerPort — only the container port is exposed.
        }
        var dash = ports.IndexOf('-');
        var (startText, endText) = dash < 0 ? (ports, ports) : (ports[..dash], ports[(dash + 1)..]);
        if (!ushort.TryParse(startText, NumberStyles.None, CultureInfo.InvariantCulture, out var start) || start == 0)
        {
            throw new FormatException($"Invalid containerPort: {ports}");
        }
        if (!ushort.TryParse(endText, NumberStyles.None, CultureInfo.InvariantCulture, out var end) || end < start)
        {
            throw new FormatException($"Invalid range specified for container port: {ports}");
        }
        for (int port = start; port <= end; port++)
        {
            yield return $"{port}/{protocol}";
        }
    }

    private static HealthcheckConfig Healthcheck(string arguments)
    {
        var words = ShellWords.Split(arguments);
        if (words.Count == 0)
        {
            throw new FormatException("HEALTHCHECK requires at least one argument");
        }
        if (words[0].Equals("NONE", StringComparison.OrdinalIgnoreCase))
        {
            if (words.Count > 1)
            {
                throw new FormatException("HEALTHCHECK NONE takes no arguments");
            }
            return new HealthcheckConfig { Test = ["NONE"] };
        }
        var check = new HealthcheckConfig();
        var index = 0;
        var remaining = arguments;
        while (index < words.Count && words[index].StartsWith("--", StringComparison.Ordinal))
        {
            var flag = words[index];
            var equals = flag.IndexOf('=');
            if (equals < 0)
            {
                throw new FormatException($"flag {flag} needs a value");
            }
            var (key, value) = (flag[2..equals], ShellWords.Process(flag[(equals + 1)..], new Dictionary<string, string>()));
            switch (key)
            {
                case "interval": check.Interval = Duration(key, value); break;
                case "timeout": check.Timeout = Duration(key, value); break;
                case "start-period": check.StartPeriod = Duration(key, value); break;
                case "start-interval": check.StartInterval = Duration(key, value); break;
                case "retries":
                    if (!int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var retries) || retries < 0)
                    {
                        throw new FormatException("--retries cannot be negative");
                    }
                    check.Retries = retries;
                    break;
                default: throw new FormatException($"Unknown flag: {key}");
            }
            remaining = remaining[(remaining.IndexOf(flag, StringComparison.Ordinal) + flag.Length)..].TrimStart();
            index++;
        }
        if (index >= words.Count || !words[index].Equals("CMD", StringComparison.OrdinalIgnoreCase))
        {
            throw new FormatException("Unknown type \"" + (index < words.Count ? words[index] : "") + "\" in HEALTHCHECK (try CMD)");
        }
        var command = remaining[3..].Trim();
        check.Test = TryJsonArray(command) is { } exec ? ["CMD", .. exec] : ["CMD-SHELL", command];
        return check;
    }

    /// <summary>Parses a Go duration (<c>1m30s</c>, <c>500ms</c>) into nanoseconds.</summary>
    private static long Duration(string flag, string text)
    {
        double total = 0;
        var i = 0;
        if (text is "0")
        {
            return 0;
        }
        while (i < text.Length)
        {
            var start = i;
            while (i < text.Length && (char.IsAsciiDigit(text[i]) || text[i] == '.'))
            {
                i++;
            }
            var unitStart = i;
            while (i < text.Length && !char.IsAsciiDigit(text[i]) && text[i] != '.')
            {
                i++;
            }
            if (start == unitStart || !double.TryParse(text[start..unitStart], NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
            {
                throw new FormatException($"time: invalid duration \"{text}\"");
            }
            total += number * text[unitStart..i] switch
            {
                "ns" => 1,
                "us" or "µs" => 1e3,
                "ms" => 1e6,
                "s" => 1e9,
                "m" => 60e9,
                "h" => 3600e9,
                _ => throw new FormatException($"time: missing unit in duration \"{text}\""),
            };
        }
        if (total is > 0 and < 1e6)
        {
            throw new FormatException($"Interval \"{flag}\" cannot be less than 1ms");
        }
        return (long)total;
    }

    private static bool IsSignal(string signal)
    {
        if (int.TryParse(signal, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            return number is > 0 and <= 64;
        }
        var name = signal.StartsWith("SIG", StringComparison.OrdinalIgnoreCase) ? signal[3..] : signal;
        return name.ToUpperInvariant() is "ABRT" or "ALRM" or "BUS" or "CHLD" or "CLD" or "CONT" or "FPE" or "HUP" or "ILL" or "INT"
            or "IO" or "IOT" or "KILL" or "PIPE" or "POLL" or "PROF" or "PWR" or "QUIT" or "SEGV" or "STKFLT" or "STOP" or "SYS"
            or "TERM" or "TRAP" or "TSTP" or "TTIN" or "TTOU" or "URG" or "USR1" or "USR2" or "VTALRM" or "WINCH" or "XCPU" or "XFSZ"
            || (name.StartsWith("RTMIN", StringComparison.OrdinalIgnoreCase) || name.StartsWith("RTMAX", StringComparison.OrdinalIgnoreCase));
    }

    private sealed class State(ImageRuntimeConfig config)
    {
        public ImageRuntimeConfig Config { get; } = config;
        public bool CmdSet { get; set; }

        public IReadOnlyDictionary<string, string> Environment()
        {
            var result = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var entry in Config.Env ?? [])
            {
                var equals = entry.IndexOf('=');
                if (equals > 0)
                {
                    result[entry[..equals]] = entry[(equals + 1)..];
                }
            }
            return result;
        }
    }
}
