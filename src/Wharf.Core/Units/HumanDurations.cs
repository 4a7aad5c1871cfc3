using System.Globalization;

namespace Wharf.Core.Units;

/// <summary>Durations in words as go-units prints them: <c>Up 5 minutes</c>, <c>Exited (0) About an hour ago</c>.</summary>
public static class HumanDurations
{
    /// <summary>A human approximation: <c>Less than a second</c>, <c>3 seconds</c>, <c>About a minute</c>, … <c>2 years</c>.</summary>
    public static string HumanDuration(TimeSpan duration)
    {
        var seconds = (long)duration.TotalSeconds;
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
            return Plural(seconds, "seconds");
        }
        var minutes = (long)duration.TotalMinutes;
        if (minutes == 1)
        {
            return "About a minute";
        }
        if (minutes < 60)
        {
            return Plural(minutes, "minutes");
        }
        var hours = (long)(duration.TotalHours + 0.5);
        if (hours == 1)
        {
            return "About an hour";
        }
        if (hours < 48)
        {
            return Plural(hours, "hours");
        }
        if (hours < 24 * 7 * 2)
        {
            return Plural(hours / 24, "days");
        }
        if (hours < 24 * 30 * 2)
        {
            return Plural(hours / 24 / 7, "weeks");
        }
        if (hours < 24 * 365 * 2)
        {
            return Plural(hours / 24 / 30, "months");
        }
        return Plural((long)duration.TotalHours / 24 / 365, "years");
    }

    private static string Plural(long count, string unit) => count.ToString(CultureInfo.InvariantCulture) + " " + unit;
}
