using Wharf.Api.Json;
using Wharf.Core.Oci;
using Wharf.Engine.Containers;
using Wharf.Engine.Containers.Health;
using Wire = Wharf.Api.Models;

namespace Wharf.Daemon.Mapping;

public static partial class ContainerMapper
{
    /// <summary>A create body's <c>Healthcheck</c> as the engine stores it (zero durations = not given).</summary>
    public static HealthcheckConfig? ToEngineHealthcheck(Wire.HealthConfig? h) => h is null ? null : new HealthcheckConfig
    {
        Test = h.Test?.ToList(),
        Interval = h.Interval == 0 ? null : h.Interval,
        Timeout = h.Timeout == 0 ? null : h.Timeout,
        StartPeriod = h.StartPeriod == 0 ? null : h.StartPeriod,
        StartInterval = h.StartInterval == 0 ? null : h.StartInterval,
        Retries = h.Retries == 0 ? null : h.Retries,
    };

    /// <summary>The engine's health check on the wire (inspect <c>Config.Healthcheck</c>).</summary>
    public static Wire.HealthConfig? ToWireHealthcheck(HealthcheckConfig? h) => h is null ? null : new Wire.HealthConfig
    {
        Test = h.Test?.ToList(),
        Interval = h.Interval ?? 0,
        Timeout = h.Timeout ?? 0,
        StartPeriod = h.StartPeriod ?? 0,
        StartInterval = h.StartInterval ?? 0,
        Retries = h.Retries ?? 0,
    };

    /// <summary>Inspect's <c>State.Health</c>; null when the container has no health check.</summary>
    public static Wire.HealthState? ToWireHealth(HealthSnapshot? health) => health is null ? null : new Wire.HealthState
    {
        Status = health.Status,
        FailingStreak = health.FailingStreak,
        Log = health.Log.Select(r => new Wire.HealthcheckResult
        {
            Start = DockerTime.Format(r.Start),
            End = DockerTime.Format(r.End),
            ExitCode = r.ExitCode,
            Output = r.Output,
        }).ToList(),
    };

    /// <summary>The health part of a running container's status text: <c> (healthy)</c>, <c> (health: starting)</c>, or nothing.</summary>
    public static string HealthSuffix(ContainerState state) => state.Health?.Status switch
    {
        null => "",
        HealthStatus.Starting => " (health: starting)",
        var status => $" ({status})",
    };
}
