using System.Globalization;
using System.Text.RegularExpressions;

namespace Wharf.Engine.Containers.Archive;

/// <summary>Go durations as Docker's <c>until=24h</c> filters take them: a sequence of number+unit (h, m, s, ms, us, ns).</summary>
public static partial class GoDuration
{
    /// <summary>Parses <paramref name="value"/>; false when it is not a Go duration.</summary>
    public static bool TryParse(string value, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        var matches = Part().Matches(value);
        if (matches.Count == 0 || string.Concat(matches.Select(m => m.Value)) != value)
        {
            return false;
        }
        foreach (Match part in matches)
        {
            var number = double.Parse(part.Groups[1].Value, CultureInfo.InvariantCulture);
            duration += part.Groups[2].Value switch
            {
                "h" => TimeSpan.FromHours(number),
                "m" => TimeSpan.FromMinutes(number),
                "s" => TimeSpan.FromSeconds(number),
                "ms" => TimeSpan.FromMilliseconds(number),
                "us" or "µs" => TimeSpan.FromMicroseconds(number),
                _ => TimeSpan.FromTicks((long)(number / 100)),
            };
        }
        return true;
    }

    [GeneratedRegex(@"(\d+(?:\.\d+)?)(ns|us|µs|ms|h|m|s)")]
    private static partial Regex Part();
}
