using System.Globalization;

namespace Wharf.Core.Units;

/// <summary>A point in time as Docker's API passes it for <c>since</c>/<c>until</c>: unix seconds plus nanoseconds.</summary>
/// <param name="Seconds">Seconds since the unix epoch.</param>
/// <param name="Nanoseconds">Nanoseconds within the second, 0–999999999.</param>
public readonly record struct UnixTimestamp(long Seconds, int Nanoseconds) : IComparable<UnixTimestamp>
{
    /// <summary>The time as a <see cref="DateTimeOffset"/> in UTC (nanoseconds truncated to 100 ns ticks).</summary>
    public DateTimeOffset ToDateTimeOffset() => DateTimeOffset.FromUnixTimeSeconds(Seconds).AddTicks(Nanoseconds / 100);

    /// <summary>The timestamp of a <see cref="DateTimeOffset"/>.</summary>
    public static UnixTimestamp FromDateTimeOffset(DateTimeOffset value)
    {
        var ticks = value.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks;
        var seconds = Math.DivRem(ticks, TimeSpan.TicksPerSecond, out var rest);
        if (rest < 0)
        {
            seconds--;
            rest += TimeSpan.TicksPerSecond;
        }
        return new UnixTimestamp(seconds, (int)(rest * 100));
    }

    /// <inheritdoc />
    public int CompareTo(UnixTimestamp other) => Seconds != other.Seconds ? Seconds.CompareTo(other.Seconds) : Nanoseconds.CompareTo(other.Nanoseconds);

    /// <summary><c>seconds.nanoseconds</c> with 9 fraction digits, the form the docker CLI sends.</summary>
    public override string ToString() =>
        Seconds.ToString(CultureInfo.InvariantCulture) + "." + Nanoseconds.ToString("D9", CultureInfo.InvariantCulture);
}
