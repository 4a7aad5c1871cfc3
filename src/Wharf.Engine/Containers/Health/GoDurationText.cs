using System.Globalization;

namespace Wharf.Engine.Containers.Health;

/// <summary>Go's <c>time.Duration.String()</c> (<c>1s</c>, <c>500ms</c>, <c>1m30s</c>, <c>1.5s</c>), as Docker's messages print durations.</summary>
public static class GoDurationText
{
    /// <summary>Formats <paramref name="duration"/> like Go.</summary>
    public static string Format(TimeSpan duration)
    {
        var ns = duration.Ticks * 100;
        if (ns == 0)
        {
            return "0s";
        }
        var sign = ns < 0 ? "-" : "";
        var u = (ulong)Math.Abs(ns);
        if (u < 1_000_000_000)
        {
            return u switch
            {
                < 1_000 => sign + u.ToString(CultureInfo.InvariantCulture) + "ns",
                < 1_000_000 => sign + WithFraction(u, 1_000) + "µs",
                _ => sign + WithFraction(u, 1_000_000) + "ms",
            };
        }
        var seconds = WithFraction(u % 60_000_000_000, 1_000_000_000);
        var totalMinutes = u / 60_000_000_000;
        if (totalMinutes == 0)
        {
            return sign + seconds + "s";
        }
        var minutes = totalMinutes % 60;
        var hours = totalMinutes / 60;
        return hours == 0
            ? $"{sign}{minutes}m{seconds}s"
            : $"{sign}{hours}h{minutes}m{seconds}s";
    }

    private static string WithFraction(ulong value, ulong unit)
    {
        var whole = (value / unit).ToString(CultureInfo.InvariantCulture);
        var rest = value % unit;
        if (rest == 0)
        {
            return whole;
        }
        var digits = rest.ToString(CultureInfo.InvariantCulture).PadLeft((int)Math.Log10(unit), '0').TrimEnd('0');
        return whole + "." + digits;
    }
}
