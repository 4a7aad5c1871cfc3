using Wharf.Api.Json;

namespace Wharf.Api.Tests.Json;

public sealed class DockerTimeTests
{
    [Fact]
    public void Format_TrimsFractionLikeGo()
    {
        var t = new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.Zero).AddTicks(1_234_500);
        Assert.Equal("2024-01-02T03:04:05.12345Z", DockerTime.Format(t));
        Assert.Equal("2024-01-02T03:04:05Z", DockerTime.Format(new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.FromHours(0))));
        Assert.Equal("2024-01-02T01:04:05Z", DockerTime.Format(new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.FromHours(2))));
    }

    [Fact]
    public void Null_IsGoZeroTime()
    {
        Assert.Equal("0001-01-01T00:00:00Z", DockerTime.Format(null));
        Assert.Null(DockerTime.Parse("0001-01-01T00:00:00Z"));
    }

    [Fact]
    public void FixedNano_HasNineDigits() =>
        Assert.Equal("2024-01-02T03:04:05.100000000Z", DockerTime.FormatFixedNano(new DateTimeOffset(2024, 1, 2, 3, 4, 5, 100, TimeSpan.Zero)));

    [Theory]
    [InlineData("1700000000", 1700000000L, 0L)]
    [InlineData("1700000000.5", 1700000000L, 5_000_000L)]
    [InlineData("2023-11-14T22:13:20Z", 1700000000L, 0L)]
    public void ParseSince_AcceptsUnixSecondsAndRfc3339(string text, long seconds, long extraTicks) =>
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(seconds).AddTicks(extraTicks), DockerTime.ParseUnixOrRfc3339(text));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("0")]
    public void ParseSince_ZeroOrEmptyIsNone(string? text) => Assert.Null(DockerTime.ParseUnixOrRfc3339(text));
}
