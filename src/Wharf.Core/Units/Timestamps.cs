using System.Globalization;
using System.Text.RegularExpressions;
using Wharf.Core.Errors;

namespace Wharf.Core.Units;

/// <summary>
/// Docker's <c>--since</c>/<c>--until</c> values: a Go duration relative to now (<c>10m</c>, <c>1h30m</c>), an RFC 3339
/// time with or without zone and fraction, a date, or unix seconds with an optional fraction.
/// </summary>
public static partial class Timestamps
{
    /// <summary>
    /// Resolves a <c>--since</c>/<c>--until</c> value to a unix timestamp. Times without a zone are read in
    /// <paramref name="now"/>'s offset; durations count back from <paramref name="now"/> (whole seconds, as Docker).
    /// Throws <see cref="InvalidArgumentException"/>.
    /// </summary>
    public static UnixTimestamp Parse(string value, DateTimeOffset now) => ParseTimestamps(GetTimestamp(value, now), 0);

    /// <summary>
    /// The client half (Docker's <c>GetTimestamp</c>): converts the user's value to the <c>seconds[.nanoseconds]</c>
    /// text sent to the API. Unix timestamps are passed through unchanged.
    /// </summary>
    public static string GetTimestamp(string value, DateTimeOffset reference)
    {
        if (value != "0" && GoDuration.TryParseNanoseconds(value, out var nanoseconds, out _))
        {
            // Go counts back in nanoseconds and floors to the second (Time.Unix).
            var at = (Int128)(reference.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) * 100 - nanoseconds;
            var seconds = Int128.DivRem(at, 1_000_000_000) is var (quotient, rest) && rest < 0 ? quotient - 1 : quotient;
            return ((long)seconds).ToString(CultureInfo.InvariantCulture);
        }

        // A zone is present when the value has Z, z or +, or a third '-' (a negative offset after the date).
        var inLocation = value.AsSpan().IndexOfAny("zZ+") < 0 && value.Count(c => c == '-') != 3;
        TimeShape shape;
        if (value.Contains('.'))
        {
            shape = TimeShape.Seconds | TimeShape.Fraction;
        }
        else if (value.Contains('T'))
        {
            var colons = value.Count(c => c == ':');
            if (!inLocation && value.AsSpan().IndexOfAny("zZ") < 0 && colons > 0)
            {
                colons--;
            }
            shape = colons switch
            {
                0 => TimeShape.Hour,
                1 => TimeShape.Minute,
                _ => TimeShape.Seconds,
            };
        }
        else
        {
            shape = TimeShape.DateOnly;
        }

        if (TryParseTime(value, shape, inLocation ? reference.Offset : null, out var time, out var error))
        {
            return time.ToString();
        }
        if (value.Contains('-'))
        {
            throw new InvalidArgumentException(error);
        }
        if (!TryParseUnix(value, out _))
        {
            throw new InvalidArgumentException($"failed to parse value as time or duration: \"{value}\"");
        }
        return value;
    }

    /// <summary>
    /// The daemon half (Docker's <c>ParseTimestamps</c>): reads <c>seconds[.fraction]</c> (fraction scaled to nanoseconds);
    /// an empty value gives <paramref name="defaultSeconds"/>. Throws <see cref="InvalidArgumentException"/>.
    /// </summary>
    public static UnixTimestamp ParseTimestamps(string? value, long defaultSeconds)
    {
        if (string.IsNullOrEmpty(value))
        {
            return new UnixTimestamp(defaultSeconds, 0);
        }
        if (!TryParseUnix(value, out var timestamp))
        {
            throw new InvalidArgumentException($"strconv.ParseInt: parsing \"{value}\": invalid syntax");
        }
        return timestamp;
    }

    private static bool TryParseUnix(string value, out UnixTimestamp timestamp)
    {
        timestamp = default;
        var dot = value.IndexOf('.', StringComparison.Ordinal);
        var secondsText = dot >= 0 ? value[..dot] : value;
        if (!long.TryParse(secondsText, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var seconds))
        {
            return false;
        }
        if (dot < 0)
        {
            timestamp = new UnixTimestamp(seconds, 0);
            return true;
        }
        var fraction = value[(dot + 1)..];
        if (!long.TryParse(fraction, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
        {
            return false;
        }
        // The fraction is read as a number and scaled to nanoseconds by its length, as Docker does.
        var nanoseconds = (long)(number * Math.Pow(10, 9 - fraction.Length));
        timestamp = new UnixTimestamp(seconds, (int)Math.Clamp(nanoseconds, int.MinValue, int.MaxValue));
        return true;
    }

    [Flags]
    private enum TimeShape
    {
        DateOnly = 0,
        Hour = 1,
        Minute = 2 | Hour,
        Seconds = 4 | Minute,
        Fraction = 8 | Seconds,
    }

    private static bool TryParseTime(string value, TimeShape shape, TimeSpan? localOffset, out UnixTimestamp time, out string error)
    {
        time = default;
        var layout = "2006-01-02"
            + (shape.HasFlag(TimeShape.Hour) ? "T15" : "")
            + (shape.HasFlag(TimeShape.Minute) ? ":04" : "")
            + (shape.HasFlag(TimeShape.Seconds) ? ":05" : "")
            + (shape.HasFlag(TimeShape.Fraction) ? ".999999999" : "")
            + (localOffset is null ? "Z07:00" : "");
        error = $"parsing time \"{value}\" as \"{layout}\": cannot parse \"{value}\" as \"{layout}\"";

        var match = TimePattern().Match(value);
        if (!match.Success)
        {
            return false;
        }
        var hasHour = match.Groups["h"].Success;
        var hasMinute = match.Groups["mi"].Success;
        var hasSecond = match.Groups["s"].Success;
        var hasFraction = match.Groups["f"].Success;
        var hasZone = match.Groups["z"].Success;
        if (hasHour != shape.HasFlag(TimeShape.Hour) || hasMinute != shape.HasFlag(TimeShape.Minute)
            || hasSecond != shape.HasFlag(TimeShape.Seconds) || (hasFraction && !shape.HasFlag(TimeShape.Fraction))
            || hasZone != (localOffset is null))
        {
            return false;
        }

        var year = Number(match, "y");
        var month = Number(match, "mo");
        var day = Number(match, "d");
        var hour = hasHour ? Number(match, "h") : 0;
        var minute = hasMinute ? Number(match, "mi") : 0;
        var second = hasSecond ? Number(match, "s") : 0;
        string? range = null;
        if (month is < 1 or > 12)
        {
            range = "month";
        }
        else if (day < 1 || day > DateTime.DaysInMonth(Math.Max(year, 1), month))
        {
            range = "day";
        }
        else if (hour > 23)
        {
            range = "hour";
        }
        else if (minute > 59)
        {
            range = "minute";
        }
        else if (second > 59)
        {
            range = "second";
        }
        if (year < 1)
        {
            return false;
        }
        if (range is not null)
        {
            error = $"parsing time \"{value}\": {range} out of range";
            return false;
        }

        TimeSpan offset;
        if (localOffset is { } local)
        {
            offset = local;
        }
        else
        {
            var zone = match.Groups["z"].Value;
            if (zone == "Z")
            {
                offset = TimeSpan.Zero;
            }
            else
            {
                var zoneHours = int.Parse(zone.AsSpan(1, 2), CultureInfo.InvariantCulture);
                var zoneMinutes = int.Parse(zone.AsSpan(4, 2), CultureInfo.InvariantCulture);
                if (zoneHours > 14 || zoneMinutes > 59)
                {
                    error = $"parsing time \"{value}\": time zone offset out of range";
                    return false;
                }
                offset = new TimeSpan(zoneHours, zoneMinutes, 0);
                if (zone[0] == '-')
                {
                    offset = -offset;
                }
            }
        }

        var nanoseconds = 0;
        if (hasFraction)
        {
            var digits = match.Groups["f"].Value;
            digits = digits.Length > 9 ? digits[..9] : digits.PadRight(9, '0');
            nanoseconds = int.Parse(digits, CultureInfo.InvariantCulture);
        }
        var at = new DateTimeOffset(year, month, day, hour, minute, second, offset);
        time = new UnixTimestamp(at.ToUnixTimeSeconds(), nanoseconds);
        error = "";
        return true;
    }

    private static int Number(Match match, string group) => int.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^(?<y>[0-9]{4})-(?<mo>[0-9]{2})-(?<d>[0-9]{2})(?:T(?<h>[0-9]{1,2})(?::(?<mi>[0-9]{2})(?::(?<s>[0-9]{2})(?:\.(?<f>[0-9]+))?)?)?)?(?<z>Z|[+-][0-9]{2}:[0-9]{2})?\z", RegexOptions.CultureInvariant)]
    private static partial Regex TimePattern();
}
