using System.Globalization;
using Wharf.Core.Json;

namespace Wharf.Api.Json;

/// <summary>Docker's wire timestamps: Go's RFC 3339 with nanoseconds (trailing zeros trimmed), and <c>0001-01-01T00:00:00Z</c> for "never" instead of null.</summary>
public static class DockerTime
{
    /// <summary>Go's zero time as Docker writes it.</summary>
    public const string Zero = "0001-01-01T00:00:00Z";

    /// <summary>Formats like Go's <c>time.RFC3339Nano</c> in UTC; null → <see cref="Zero"/>.</summary>
    public static string Format(DateTimeOffset? time)
    {
        if (time is not { } t || t.UtcDateTime == DateTime.MinValue)
        {
            return Zero;
        }
        return GoTime.FormatRfc3339Nano(t.ToUniversalTime());
    }

    /// <summary>Formats with all 9 fraction digits (the <c>timestamps=1</c> log prefix layout <c>2006-01-02T15:04:05.000000000Z07:00</c>).</summary>
    public static string FormatFixedNano(DateTimeOffset time)
    {
        var utc = time.UtcDateTime;
        var ticks = utc.Ticks % TimeSpan.TicksPerSecond;
        return utc.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture) + "."
            + (ticks * 100).ToString("D9", CultureInfo.InvariantCulture) + "Z";
    }

    /// <summary>Parses an RFC 3339 timestamp; <see cref="Zero"/>, empty or malformed → null.</summary>
    public static DateTimeOffset? Parse(string? text)
    {
        if (string.IsNullOrEmpty(text) || text == Zero)
        {
            return null;
        }
        return GoTime.TryParseRfc3339(text, out var t) ? t : null;
    }

    /// <summary>Parses Docker's <c>since</c>/<c>until</c> query value: unix seconds with an optional fraction (<c>1700000000.5</c>) or RFC 3339; null when empty or <c>0</c>.</summary>
    public static DateTimeOffset? ParseUnixOrRfc3339(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || text == "0")
        {
            return null;
        }
        if (decimal.TryParse(text, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var seconds))
        {
            var whole = decimal.Truncate(seconds);
            var ticks = (long)((seconds - whole) * TimeSpan.TicksPerSecond);
            return DateTimeOffset.FromUnixTimeSeconds((long)whole).AddTicks(ticks);
        }
        return Parse(text);
    }
}
