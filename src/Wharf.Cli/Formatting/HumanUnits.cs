using System.Globalization;
using Wharf.Core.Units;

namespace Wharf.Cli.Formatting;

/// <summary>docker/go-units' human-readable durations and sizes as <c>ps</c>/<c>images</c> show them (on top of <see cref="Wharf.Core.Units"/>).</summary>
internal static class HumanUnits
{
    /// <summary><c>units.HumanDuration</c>: "Less than a second", "3 seconds", "About a minute", "2 hours", "3 weeks"…</summary>
    public static string Duration(TimeSpan d) => HumanDurations.HumanDuration(d);

    /// <summary><c>units.HumanSizeWithPrecision(size, 3)</c>: decimal units, Go's <c>%.3g</c>, e.g. <c>1.23MB</c>.</summary>
    public static string Size(double size) => ByteSizes.HumanSizeWithPrecision(size, 3);

    /// <summary>"5 seconds ago" for a unix timestamp, relative to <paramref name="now"/>.</summary>
    public static string Ago(long unixSeconds, DateTimeOffset now) =>
        Duration(now - DateTimeOffset.FromUnixTimeSeconds(unixSeconds)) + " ago";

    /// <summary>Go's <c>time.Time.String()</c> in UTC: <c>2024-05-01 10:00:00 +0000 UTC</c>.</summary>
    public static string GoTime(long unixSeconds) =>
        DateTimeOffset.FromUnixTimeSeconds(unixSeconds).UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + " +0000 UTC";
}
