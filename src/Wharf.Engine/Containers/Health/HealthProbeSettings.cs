using Wharf.Core.Oci;

namespace Wharf.Engine.Containers.Health;

/// <summary>
/// A container's health check with Docker's defaults applied (interval 30 s, timeout 30 s, start period 0, start interval
/// 5 s, retries 3) and the probe command resolved: <c>CMD</c> runs its arguments, <c>CMD-SHELL</c> runs
/// <c>/bin/sh -c</c>; <c>NONE</c>, an empty test or an unknown kind means no probing.
/// </summary>
/// <param name="Command">The argv of the probe exec.</param>
/// <param name="Interval">Between probes.</param>
/// <param name="Timeout">How long one probe may run.</param>
/// <param name="StartPeriod">Failures in this time after the start do not count while still starting.</param>
/// <param name="StartInterval">Between probes during the start period while still starting.</param>
/// <param name="Retries">Consecutive failures that make the container unhealthy.</param>
public sealed record HealthProbeSettings(IReadOnlyList<string> Command, TimeSpan Interval, TimeSpan Timeout, TimeSpan StartPeriod, TimeSpan StartInterval, int Retries)
{
    /// <summary>Docker's default interval and timeout.</summary>
    public static readonly TimeSpan DefaultInterval = TimeSpan.FromSeconds(30);

    /// <summary>Docker's default probe timeout.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    /// <summary>Docker's default start interval.</summary>
    public static readonly TimeSpan DefaultStartInterval = TimeSpan.FromSeconds(5);

    /// <summary>Docker's default retries.</summary>
    public const int DefaultRetries = 3;

    /// <summary>The settings of <paramref name="config"/>, or null when it does not probe.</summary>
    public static HealthProbeSettings? From(HealthcheckConfig? config)
    {
        if (config?.Test is not { Count: > 0 } test)
        {
            return null;
        }
        IReadOnlyList<string>? command = test[0] switch
        {
            "CMD" when test.Count > 1 => test.Skip(1).ToList(),
            "CMD-SHELL" when test.Count > 1 => ["/bin/sh", "-c", .. test.Skip(1)],
            _ => null,
        };
        if (command is null)
        {
            return null;
        }
        return new HealthProbeSettings(
            command,
            OrDefault(config.Interval, DefaultInterval),
            OrDefault(config.Timeout, DefaultTimeout),
            OrDefault(config.StartPeriod, TimeSpan.Zero),
            OrDefault(config.StartInterval, DefaultStartInterval),
            config.Retries is > 0 and var retries ? retries : DefaultRetries);
    }

    /// <summary>The interval before the next probe: the start interval while still starting within the start period.</summary>
    public TimeSpan NextInterval(DateTimeOffset startedAt, DateTimeOffset now, string status) =>
        now - startedAt < StartPeriod && status == HealthStatus.Starting ? StartInterval : Interval;

    private static TimeSpan OrDefault(long? nanoseconds, TimeSpan fallback) =>
        nanoseconds is > 0 and var ns ? TimeSpan.FromTicks(ns / 100) : fallback;
}
