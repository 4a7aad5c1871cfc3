using Wharf.Core.Errors;
using Wharf.Core.Units;

namespace Wharf.Core.Tests.Units;

public sealed class GoDurationTests
{
    [Theory]
    [InlineData("0", 0L)]
    [InlineData("-0", 0L)]
    [InlineData("5s", 5_000_000_000L)]
    [InlineData("300ms", 300_000_000L)]
    [InlineData("-1.5h", -5_400_000_000_000L)]
    [InlineData("+2h45m", 9_900_000_000_000L)]
    [InlineData("1h30m", 5_400_000_000_000L)]
    [InlineData("10m", 600_000_000_000L)]
    [InlineData("1us", 1_000L)]
    [InlineData("1µs", 1_000L)]
    [InlineData("1μs", 1_000L)]
    [InlineData("7ns", 7L)]
    [InlineData(".5s", 500_000_000L)]
    [InlineData("1.s", 1_000_000_000L)]
    [InlineData("1.000000001s", 1_000_000_001L)]
    [InlineData("1h1m1s1ms1us1ns", 3_661_001_001_001L)]
    public void ParsesGoDurations(string text, long nanoseconds)
    {
        Assert.True(GoDuration.TryParseNanoseconds(text, out var parsed, out _));
        Assert.Equal(nanoseconds, parsed);
        Assert.Equal(TimeSpan.FromTicks(nanoseconds / 100), GoDuration.Parse(text));
    }

    [Theory]
    [InlineData("", "time: invalid duration \"\"")]
    [InlineData("1", "time: missing unit in duration \"1\"")]
    [InlineData("s", "time: invalid duration \"s\"")]
    [InlineData(".s", "time: invalid duration \".s\"")]
    [InlineData("1x", "time: unknown unit \"x\" in duration \"1x\"")]
    [InlineData("--1s", "time: invalid duration \"--1s\"")]
    [InlineData("1s2", "time: missing unit in duration \"1s2\"")]
    [InlineData("9999999999999999999h", "time: invalid duration \"9999999999999999999h\"")]
    public void RejectsBadDurations(string text, string message)
    {
        Assert.False(GoDuration.TryParse(text, out _));
        Assert.Equal(message, Assert.Throws<InvalidArgumentException>(() => GoDuration.Parse(text)).Message);
    }
}
