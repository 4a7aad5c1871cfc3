using System.Diagnostics;
using Wharf.Core.References;

namespace Wharf.Core.Tests.References;

public sealed class ReferencePerformanceTests
{
    [Theory]
    [InlineData("a", "!")]
    [InlineData("a-", "!")]
    [InlineData("a.", "/!")]
    [InlineData("a/", "A")]
    [InlineData("a_", ":")]
    public void HostileInputsFailFast(string unit, string tail)
    {
        var input = string.Concat(Enumerable.Repeat(unit, 20_000)) + tail;
        var watch = Stopwatch.StartNew();
        Assert.False(ImageReference.TryParse(input, out _));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(2), $"took {watch.Elapsed}");
    }
}
