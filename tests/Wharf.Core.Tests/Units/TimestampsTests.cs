using Wharf.Core.Errors;
using Wharf.Core.Units;

namespace Wharf.Core.Tests.Units;

public sealed class TimestampsTests
{
    // 2024-01-01T00:00:00Z
    private const long NowSeconds = 1_704_067_200;
    private static readonly DateTimeOffset NowUtc = DateTimeOffset.FromUnixTimeSeconds(NowSeconds);
    private static readonly DateTimeOffset NowPlusTwo = NowUtc.ToOffset(TimeSpan.FromHours(2));

    // 2006-01-02T15:04:05Z, Go's reference time.
    private const long Ref = 1_136_214_245;

    [Theory]
    [InlineData("2006-01-02T15:04:05.123456789Z", Ref, 123_456_789)]
    [InlineData("2006-01-02T15:04:05.999999999+07:00", Ref - 7 * 3600, 999_999_999)]
    [InlineData("2006-01-02T15:04:05.5Z", Ref, 500_000_000)]
    [InlineData("2006-01-02T15:04:05.1234567891Z", Ref, 123_456_789)]
    [InlineData("2006-01-02T15:04:05Z", Ref, 0)]
    [InlineData("2006-01-02T15:04:05+07:00", Ref - 7 * 3600, 0)]
    [InlineData("2006-01-02T15:04:05-07:00", Ref + 7 * 3600, 0)]
    [InlineData("2006-01-02T15:04Z", Ref - 5, 0)]
    [InlineData("2006-01-02T15:04+01:00", Ref - 5 - 3600, 0)]
    [InlineData("2006-01-02T15Z", Ref - 245, 0)]
    [InlineData("2006-01-02T15+01:00", Ref - 245 - 3600, 0)]
    [InlineData("2006-01-02Z", Ref - 54_245, 0)]
    [InlineData("2006-01-02+07:00", Ref - 54_245 - 7 * 3600, 0)]
    [InlineData("2006-01-02-07:00", Ref - 54_245 + 7 * 3600, 0)]
    // No zone: read in the reference's offset (+02:00 here).
    [InlineData("2006-01-02T15:04:05", Ref - 7200, 0)]
    [InlineData("2006-01-02T15:04:05.000000001", Ref - 7200, 1)]
    [InlineData("2006-01-02T15:04", Ref - 5 - 7200, 0)]
    [InlineData("2006-01-02T15", Ref - 245 - 7200, 0)]
    [InlineData("2006-01-02", Ref - 54_245 - 7200, 0)]
    // Unix timestamps pass through.
    [InlineData("1136073600", 1_136_073_600, 0)]
    [InlineData("1136073600.000000001", 1_136_073_600, 1)]
    [InlineData("1136073600.5", 1_136_073_600, 500_000_000)]
    [InlineData("0", 0, 0)]
    // Durations count back from now, in whole seconds.
    [InlineData("10m", NowSeconds - 600, 0)]
    [InlineData("1h30m", NowSeconds - 5400, 0)]
    [InlineData("1.5h", NowSeconds - 5400, 0)]
    [InlineData("-5s", NowSeconds + 5, 0)]
    [InlineData("1ns", NowSeconds - 1, 0)]
    [InlineData("0s", NowSeconds, 0)]
    public void ResolvesLikeDocker(string value, long seconds, int nanoseconds)
    {
        Assert.Equal(new UnixTimestamp(seconds, nanoseconds), Timestamps.Parse(value, NowPlusTwo));
    }

    [Theory]
    [InlineData("2006-01-02T15:04:05Z", "1136214245.000000000")]
    [InlineData("2006-01-02T15:04:05.1Z", "1136214245.100000000")]
    [InlineData("1136073600", "1136073600")]
    [InlineData("1136073600.1", "1136073600.1")]
    [InlineData("10m", "1704066600")]
    public void ClientHalfProducesDockersText(string value, string expected)
    {
        Assert.Equal(expected, Timestamps.GetTimestamp(value, NowUtc));
    }

    [Theory]
    [InlineData("2006-13-01", "parsing time \"2006-13-01\": month out of range")]
    [InlineData("2006-02-30", "parsing time \"2006-02-30\": day out of range")]
    [InlineData("2006-01-02T25:00", "parsing time \"2006-01-02T25:00\": hour out of range")]
    [InlineData("2006-01-02T15:04:05.Z", null)]
    [InlineData("2006-01-02 15:04:05", null)]
    [InlineData("foo", "failed to parse value as time or duration: \"foo\"")]
    [InlineData("1h30", "failed to parse value as time or duration: \"1h30\"")]
    [InlineData("", "failed to parse value as time or duration: \"\"")]
    [InlineData("12.ab", "failed to parse value as time or duration: \"12.ab\"")]
    [InlineData("12.", "failed to parse value as time or duration: \"12.\"")]
    public void RejectsBadValues(string value, string? message)
    {
        var error = Assert.Throws<InvalidArgumentException>(() => Timestamps.Parse(value, NowUtc));
        if (message is not null)
        {
            Assert.Equal(message, error.Message);
        }
    }

    [Fact]
    public void DaemonHalfUsesDefaultForEmpty()
    {
        Assert.Equal(new UnixTimestamp(42, 0), Timestamps.ParseTimestamps("", 42));
        Assert.Equal(new UnixTimestamp(42, 0), Timestamps.ParseTimestamps(null, 42));
        Assert.Equal(new UnixTimestamp(7, 250_000_000), Timestamps.ParseTimestamps("7.25", 0));
        Assert.Throws<InvalidArgumentException>(() => Timestamps.ParseTimestamps("x", 0));
    }

    [Fact]
    public void UnixTimestampConvertsAndFormats()
    {
        var t = new UnixTimestamp(1_136_214_245, 123_456_789);
        Assert.Equal("1136214245.123456789", t.ToString());
        Assert.Equal(new DateTimeOffset(2006, 1, 2, 15, 4, 5, TimeSpan.Zero).AddTicks(1_234_567), t.ToDateTimeOffset());
        Assert.Equal(new UnixTimestamp(1_136_214_245, 123_456_700), UnixTimestamp.FromDateTimeOffset(t.ToDateTimeOffset()));
        Assert.Equal(new UnixTimestamp(-1, 900_000_000), UnixTimestamp.FromDateTimeOffset(DateTimeOffset.UnixEpoch.AddMilliseconds(-100)));
        Assert.True(new UnixTimestamp(1, 2).CompareTo(new UnixTimestamp(1, 3)) < 0);
        Assert.True(new UnixTimestamp(2, 0).CompareTo(new UnixTimestamp(1, 999)) > 0);
    }
}
