using Wharf.Cli.Formatting;

namespace Wharf.Cli.Tests.Formatting;

public sealed class HumanUnitsTests
{
    [Theory]
    [InlineData(0.5, "Less than a second")]
    [InlineData(1, "1 second")]
    [InlineData(5, "5 seconds")]
    [InlineData(59, "59 seconds")]
    [InlineData(60, "About a minute")]
    [InlineData(119, "About a minute")]
    [InlineData(120, "2 minutes")]
    [InlineData(3599, "59 minutes")]
    [InlineData(3600, "About an hour")]
    [InlineData(5400, "2 hours")]
    [InlineData(47 * 3600, "47 hours")]
    [InlineData(48 * 3600, "2 days")]
    [InlineData(14 * 86400, "2 weeks")]
    [InlineData(60 * 86400, "2 months")]
    [InlineData(800 * 86400, "2 years")]
    public void Durations(double seconds, string expected) => Assert.Equal(expected, HumanUnits.Duration(TimeSpan.FromSeconds(seconds)));

    [Theory]
    [InlineData(0, "0B")]
    [InlineData(999, "999B")]
    [InlineData(1000, "1kB")]
    [InlineData(1234, "1.23kB")]
    [InlineData(4_261_000, "4.26MB")]
    [InlineData(12_345_678, "12.3MB")]
    [InlineData(123_456_789, "123MB")]
    [InlineData(999_999, "1e+03kB")]
    [InlineData(1_500_000_000, "1.5GB")]
    public void Sizes(double bytes, string expected) => Assert.Equal(expected, HumanUnits.Size(bytes));

    [Fact]
    public void AgoIsRelativeToNow()
    {
        var now = DateTimeOffset.FromUnixTimeSeconds(1_000_000);
        Assert.Equal("5 seconds ago", HumanUnits.Ago(999_995, now));
    }

    [Fact]
    public void GoTimeFormat() => Assert.Equal("1970-01-12 13:46:40 +0000 UTC", HumanUnits.GoTime(1_000_000));

    [Theory]
    [InlineData("4f8a1c2b3d4e5f60718293a4", "4f8a1c2b3d4e")]
    [InlineData("sha256:4f8a1c2b3d4e5f60718293a4", "4f8a1c2b3d4e")]
    [InlineData("short", "short")]
    public void ShortIds(string id, string expected) => Assert.Equal(expected, Truncation.ShortId(id));

    [Theory]
    [InlineData("echo hi", 20, "echo hi")]
    [InlineData("sh -c 'while true; do sleep 1; done'", 20, "sh -c 'while true; …")]
    [InlineData("12345678901234567890", 20, "12345678901234567890")]
    [InlineData("123456789012345678901", 20, "1234567890123456789…")]
    public void Ellipsis(string text, int max, string expected) => Assert.Equal(expected, Truncation.Ellipsis(text, max));
}
