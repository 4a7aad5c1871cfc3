using Wharf.Core.Errors;
using Wharf.Core.Units;

namespace Wharf.Core.Tests.Units;

public sealed class ByteSizesTests
{
    private const double KB = 1000, MB = KB * 1000, GB = MB * 1000, TB = GB * 1000, PB = TB * 1000;
    private const long KiB = 1024, MiB = KiB * 1024, GiB = MiB * 1024, TiB = GiB * 1024, PiB = TiB * 1024;

    public static TheoryData<double, string> HumanSizes => new()
    {
        { 0, "0B" },
        { 1, "1B" },
        { 999, "999B" },
        { 1000, "1kB" },
        { 1024, "1.024kB" },
        { 1200, "1.2kB" },
        { 1_000_000, "1MB" },
        { 1_048_576, "1.049MB" },
        { 2 * MB, "2MB" },
        { 4_270_000, "4.27MB" },
        { 4_272_123, "4.272MB" },
        { 3.42 * GB, "3.42GB" },
        { 5.372 * TB, "5.372TB" },
        { 2.22 * PB, "2.22PB" },
        { 1e21, "1ZB" },
        { 1e24, "1YB" },
        { 1e27, "1000YB" },
        { 999_950, "1000kB" },
    };

    [Theory]
    [MemberData(nameof(HumanSizes))]
    public void HumanSizeMatchesGoUnits(double bytes, string expected) => Assert.Equal(expected, ByteSizes.HumanSize(bytes));

    [Fact]
    public void HumanSizeWithPrecision() => Assert.Equal("1.05MB", ByteSizes.HumanSizeWithPrecision(1_048_576, 3));

    public static TheoryData<double, string> BinarySizes => new()
    {
        { 0, "0B" },
        { 1023, "1023B" },
        { KiB, "1KiB" },
        { MiB, "1MiB" },
        { 2 * MiB, "2MiB" },
        { 3.42 * GiB, "3.42GiB" },
        { 5.372 * TiB, "5.372TiB" },
        { 2.22 * PiB, "2.22PiB" },
        { 1536, "1.5KiB" },
    };

    [Theory]
    [MemberData(nameof(BinarySizes))]
    public void BytesSizeMatchesGoUnits(double bytes, string expected) => Assert.Equal(expected, ByteSizes.BytesSize(bytes));

    public static TheoryData<string, long> RamSizes => new()
    {
        { "32", 32 },
        { "32b", 32 },
        { "32B", 32 },
        { "32k", 32 * KiB },
        { "32K", 32 * KiB },
        { "32kb", 32 * KiB },
        { "32Kb", 32 * KiB },
        { "32KiB", 32 * KiB },
        { "32Mb", 32 * MiB },
        { "512m", 512 * MiB },
        { "32Gb", 32 * GiB },
        { "1g", GiB },
        { "32Tb", 32 * TiB },
        { "32Pb", 32 * PiB },
        { "32PB", 32 * PiB },
        { "32P", 32 * PiB },
        { "32.3", 32 },
        { "1.5k", 1536 },
        { "32 MiB", 32 * MiB },
        { "32 mb", 32 * MiB },
        { "0", 0 },
    };

    [Theory]
    [MemberData(nameof(RamSizes))]
    public void ParsesRamSizes(string text, long expected) => Assert.Equal(expected, ByteSizes.RAMInBytes(text));

    [Theory]
    [InlineData("32kB", 32_000)]
    [InlineData("32MB", 32_000_000)]
    [InlineData("1.5g", 1_500_000_000)]
    [InlineData("44kb", 44_000)]
    public void ParsesDecimalSizes(string text, long expected) => Assert.Equal(expected, ByteSizes.FromHumanSize(text));

    [Theory]
    [InlineData("", "invalid size: ''")]
    [InlineData("hello", "invalid size: 'hello'")]
    [InlineData("-32", "invalid size: '-32'")]
    [InlineData("32bm", "invalid suffix: 'bm'")]
    [InlineData("32mibb", "invalid suffix: 'mibb'")]
    [InlineData("32x", "invalid suffix: 'x'")]
    [InlineData("32mx", "invalid suffix: 'mx'")]
    [InlineData("32mab", "invalid suffix: 'mab'")]
    [InlineData("a32", "strconv.ParseFloat: parsing \"a32\": invalid syntax")]
    [InlineData(" 32", "strconv.ParseFloat: parsing \"\": invalid syntax")]
    [InlineData("32m b", "strconv.ParseFloat: parsing \"32m\": invalid syntax")]
    public void RejectsBadSizes(string text, string message)
    {
        var error = Assert.Throws<InvalidArgumentException>(() => ByteSizes.RAMInBytes(text));
        Assert.Equal(message, error.Message);
    }
}
