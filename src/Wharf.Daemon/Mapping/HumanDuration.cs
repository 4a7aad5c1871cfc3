using System.Globalization;

namespace Wharf.Daemon.Mapping;

/// <summary>Docker's human-readable durations (<c>units.HumanDuration</c>) for <c>ps</c> status texts.</summary>
public static class HumanDuration
{
    /// <summary>E.g. <c>3 seconds</c>, <c>About a minute</c>, <c>2 hours</c>.</summary>
    public static string Format(TimeSpan d)
    {
        var seconds = (int)d.TotalSeconds;
        if (seconds < 1)
        {
            return "Less than a second";
        }
        if (seconds == 1)
        {
            return "1 second";
        }
        if (seconds < 60)
        {
            return Invariant($"{seconds} seconds");
        }
        var minutes = (int)d.TotalMinutes;
        if (minutes == 1)
        {
            return "About a minute";
        }
        if (minutes < 60)
        {
            return Invariant($"{minutes} minutes");
        }
        var hours = (int)(d.TotalHours + 0.5);
        if (hours == 1)
        {
            return "About an hour";
        }
        if (hours < 48)
        {
            return Invariant($"{hours} hours");
        }
        if (hours < 24 * 7 * 2)
        {
            return Invariant($"{hours / 24} days");
        }
        if (hours < 24 * 30 * 2)
        {
            return Invariant($"{hours / 24 / 7} weeks");
        }
        if (hours < 24 * 365 * 2)
        {
            return Invariant($"{hours / 24 / 30} months");
        }
        return Invariant($"{(int)d.TotalHours / 24 / 365} years");
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
