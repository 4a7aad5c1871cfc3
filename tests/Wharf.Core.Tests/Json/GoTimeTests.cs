using System.Text.Json;
using Wharf.Core.Json;
using Wharf.Core.Oci;

namespace Wharf.Core.Tests.Json;

public sealed class GoTimeTests
{
    [Fact]
    public void FormatsAsGoRfc3339Nano()
    {
        var t = new DateTimeOffset(2023, 5, 19, 20, 19, 28, TimeSpan.Zero);
        Assert.Equal("2023-05-19T20:19:28Z", GoTime.FormatRfc3339Nano(t));
        Assert.Equal("2023-05-19T20:19:28.1Z", GoTime.FormatRfc3339Nano(t.AddMilliseconds(100)));
        Assert.Equal("2023-05-19T20:19:28.1234567Z", GoTime.FormatRfc3339Nano(t.AddTicks(1_234_567)));
        Assert.Equal("2023-05-19T22:19:28+02:00", GoTime.FormatRfc3339Nano(t.ToOffset(TimeSpan.FromHours(2))));
        Assert.Equal("2023-05-19T15:49:28-04:30", GoTime.FormatRfc3339(t.ToOffset(TimeSpan.FromHours(-4.5))));
    }

    [Theory]
    [InlineData("2023-05-19T20:19:28.184385451Z", 2023, 1_843_854)]
    [InlineData("2023-05-19T20:19:28Z", 2023, 0)]
    [InlineData("2023-05-19T22:19:28.5+02:00", 2023, 5_000_000)]
    [InlineData("0001-01-01T00:00:00Z", 1, 0)]
    public void ParsesGoTimes(string text, int year, long fractionTicks)
    {
        Assert.True(GoTime.TryParseRfc3339(text, out var value));
        Assert.Equal(year, value.UtcDateTime.Year);
        Assert.Equal(fractionTicks, value.UtcTicks % TimeSpan.TicksPerSecond);
    }

    [Theory]
    [InlineData("")]
    [InlineData("2023-05-19")]
    [InlineData("2023-05-19 20:19:28Z")]
    [InlineData("yesterday")]
    public void RejectsNonRfc3339(string text) => Assert.False(GoTime.TryParseRfc3339(text, out _));

    [Fact]
    public void ImageConfigKeepsGoTimeShape()
    {
        var config = JsonSerializer.Deserialize("""{"created":"2023-05-19T20:19:28.184385451Z","architecture":"amd64","os":"linux","rootfs":{"type":"layers","diff_ids":[]}}""",
            CoreJsonContext.Default.ImageConfig)!;
        var json = JsonSerializer.Serialize(config, CoreJsonContext.Default.ImageConfig);
        Assert.Contains("\"created\":\"2023-05-19T20:19:28.1843854Z\"", json);
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize("""{"created":"not a time"}""", CoreJsonContext.Default.ImageConfig));
    }
}
