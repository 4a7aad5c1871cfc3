using System.Globalization;

namespace Wharf.Core.Json;

/// <summary>Go's RFC 3339 time text, which Docker writes everywhere: <c>2023-05-19T20:19:28.1843854Z</c>.</summary>
public static class GoTime
{
    /// <summary>Formats as Go's <c>time.RFC3339Nano</c>: trailing fraction zeros dropped, <c>Z</c> for a zero offset.</summary>
    public static string FormatRfc3339Nano(DateTimeOffset value)
    {
        var text = value.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);
        if (text.EndsWith('.'))
        {
            text = text[..^1];
        }
        return text + FormatOffset(value.Offset);
    }

    /// <summary>Formats as Go's <c>time.RFC3339</c> (whole seconds).</summary>
    public static string FormatRfc3339(DateTimeOffset value) =>
        value.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture) + FormatOffset(value.Offset);

    /// <summary>Parses RFC 3339 text with any number of fraction digits (beyond 100 ns is truncated).</summary>
    public static bool TryParseRfc3339(string? text, out DateTimeOffset value)
    {
        value = default;
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }
        var dot = text.IndexOf('.', StringComparison.Ordinal);
        if (dot > 0)
        {
            // .NET takes at most 7 fraction digits; Go writes up to 9.
            var end = dot + 1;
            while (end < text.Length && char.IsAsciiDigit(text[end]))
            {
                end++;
            }
            if (end - dot - 1 > 7)
            {
                text = string.Concat(text.AsSpan(0, dot + 8), text.AsSpan(end));
            }
        }
        return DateTimeOffset.TryParseExact(text, Formats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out value);
    }

    private static readonly string[] Formats =
    [
        "yyyy-MM-dd'T'HH:mm:ssK",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK",
        "yyyy-MM-dd't'HH:mm:ssK",
        "yyyy-MM-dd't'HH:mm:ss.FFFFFFFK",
    ];

    private static string FormatOffset(TimeSpan offset)
    {
        if (offset == TimeSpan.Zero)
        {
            return "Z";
        }
        var sign = offset < TimeSpan.Zero ? '-' : '+';
        var abs = offset.Duration();
        return $"{sign}{abs.Hours:00}:{abs.Minutes:00}";
    }
}
