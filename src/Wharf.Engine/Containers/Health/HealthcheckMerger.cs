using Wharf.Core.Errors;
using Wharf.Core.Oci;

namespace Wharf.Engine.Containers.Health;

/// <summary>Docker's rules for a container's health check: the image's fills what the user left out, and values are validated with Docker's messages.</summary>
public static class HealthcheckMerger
{
    /// <summary>The shortest interval, timeout, start period or start interval Docker accepts (1 ms).</summary>
    public static readonly TimeSpan MinimumDuration = TimeSpan.FromMilliseconds(1);

    /// <summary>
    /// No user health check takes the image's; otherwise each field the user left empty (test, interval, timeout, start
    /// period, start interval, retries) comes from the image. <c>["NONE"]</c> from either side stays and disables probing.
    /// </summary>
    public static HealthcheckConfig? Merge(HealthcheckConfig? user, HealthcheckConfig? image)
    {
        if (user is null)
        {
            return image is null ? null : Copy(image);
        }
        var merged = Copy(user);
        if (image is null)
        {
            return merged;
        }
        if (merged.Test is not { Count: > 0 })
        {
            merged.Test = image.Test?.ToList();
        }
        merged.Interval = Positive(merged.Interval) ?? image.Interval;
        merged.Timeout = Positive(merged.Timeout) ?? image.Timeout;
        merged.StartPeriod = Positive(merged.StartPeriod) ?? image.StartPeriod;
        merged.StartInterval = Positive(merged.StartInterval) ?? image.StartInterval;
        merged.Retries = merged.Retries is > 0 ? merged.Retries : image.Retries;
        return merged;
    }

    /// <summary>Throws <see cref="InvalidArgumentException"/> (400) as Docker's daemon does for durations under 1 ms and negative retries.</summary>
    public static void Validate(HealthcheckConfig? config)
    {
        if (config is null)
        {
            return;
        }
        Check(config.Interval, "Interval");
        Check(config.Timeout, "Timeout");
        if (config.Retries < 0)
        {
            throw new InvalidArgumentException("Retries in Healthcheck cannot be negative");
        }
        Check(config.StartPeriod, "StartPeriod");
        Check(config.StartInterval, "StartInterval");
    }

    private static void Check(long? nanoseconds, string field)
    {
        if (nanoseconds is { } ns && ns != 0 && ns < MinimumDuration.Ticks * 100)
        {
            throw new InvalidArgumentException($"{field} in Healthcheck cannot be less than 1ms");
        }
    }

    private static long? Positive(long? value) => value is > 0 ? value : null;

    private static HealthcheckConfig Copy(HealthcheckConfig c) => new()
    {
        Test = c.Test?.ToList(),
        Interval = c.Interval,
        Timeout = c.Timeout,
        StartPeriod = c.StartPeriod,
        StartInterval = c.StartInterval,
        Retries = c.Retries,
    };
}
