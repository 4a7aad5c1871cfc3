using System.Text.Json.Nodes;
using Wharf.Cli.Parsing;
using Wharf.Core.Units;

namespace Wharf.Cli.Commands;

internal static partial class ContainerOptions
{
    /// <summary>Declares the health-check flags (<c>--restart</c> is declared in <see cref="Define"/>).</summary>
    public static void DefineLifecycle(FlagSet flags) => flags
        .String("health-cmd", null, "Command to run to check health")
        .String("health-interval", null, "Time between running the check (ms|s|m|h) (default 0s)", valueType: "duration")
        .Int("health-retries", null, "Consecutive failures needed to report unhealthy")
        .String("health-start-interval", null, "Time between running the check during the start period (ms|s|m|h) (default 0s)", valueType: "duration")
        .String("health-start-period", null, "Start period for the container to initialize before starting health-retries countdown (ms|s|m|h) (default 0s)", valueType: "duration")
        .String("health-timeout", null, "Maximum time to allow one check to run (ms|s|m|h) (default 0s)", valueType: "duration")
        .Bool("no-healthcheck", null, "Disable any container-specified HEALTHCHECK");

    /// <summary>
    /// Maps the health flags to <c>Healthcheck</c> as the docker CLI does (<c>--no-healthcheck</c> → <c>["NONE"]</c>, conflicting
    /// with any <c>--health-*</c>; negative values refused) and refuses <c>--rm</c> with a restart policy.
    /// </summary>
    public static void ApplyLifecycle(ParsedFlags flags, JsonObject body, JsonObject hostConfig)
    {
        var restart = hostConfig["RestartPolicy"]?["Name"]?.GetValue<string>() ?? "no";
        if (flags.GetBool("rm") && restart is not ("" or "no"))
        {
            throw new FormatException("conflicting options: cannot specify both --restart and --rm");
        }
        var command = flags.GetStringOrNull("health-cmd") ?? "";
        var interval = Duration(flags, "health-interval");
        var timeout = Duration(flags, "health-timeout");
        var startPeriod = Duration(flags, "health-start-period");
        var startInterval = Duration(flags, "health-start-interval");
        var retries = flags.IsSet("health-retries") ? flags.GetInt("health-retries") : 0;
        var haveHealth = command.Length > 0 || interval != 0 || timeout != 0 || startPeriod != 0 || startInterval != 0 || retries != 0;
        if (flags.GetBool("no-healthcheck"))
        {
            if (haveHealth)
            {
                throw new FormatException("--no-healthcheck conflicts with --health-* options");
            }
            body["Healthcheck"] = new JsonObject { ["Test"] = new JsonArray("NONE") };
            return;
        }
        if (!haveHealth)
        {
            return;
        }
        foreach (var (flag, value) in new[] { ("interval", interval), ("timeout", timeout), ("retries", retries), ("start-period", startPeriod), ("start-interval", startInterval) })
        {
            if (value < 0)
            {
                throw new FormatException($"--health-{flag} cannot be negative");
            }
        }
        var health = new JsonObject();
        if (command.Length > 0)
        {
            health["Test"] = new JsonArray("CMD-SHELL", command);
        }
        health["Interval"] = interval;
        health["Timeout"] = timeout;
        health["StartPeriod"] = startPeriod;
        health["StartInterval"] = startInterval;
        health["Retries"] = retries;
        body["Healthcheck"] = health;
    }

    /// <summary>A duration flag in nanoseconds (0 when not given), with pflag's error text.</summary>
    private static long Duration(ParsedFlags flags, string name)
    {
        if (flags.GetStringOrNull(name) is not { Length: > 0 } text)
        {
            return 0;
        }
        if (!GoDuration.TryParseNanoseconds(text, out var nanoseconds, out var error))
        {
            throw new FormatException(VolumeMountOption.FlagError(name, text, error));
        }
        return nanoseconds;
    }
}
