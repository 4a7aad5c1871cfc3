using Wharf.Core.Streams;

namespace Wharf.Core.Tests.Streams;

public sealed class DetachKeysTests
{
    [Theory]
    [InlineData(null, new byte[] { 16, 17 })]
    [InlineData("", new byte[] { 16, 17 })]
    [InlineData("ctrl-p,ctrl-q", new byte[] { 16, 17 })]
    [InlineData("ctrl-a,x", new byte[] { 1, (byte)'x' })]
    [InlineData("CTRL-Z", new byte[] { 26 })]
    [InlineData("ctrl-@,ctrl-[,ctrl-\\,ctrl-],ctrl-^,ctrl-_", new byte[] { 0, 27, 28, 29, 30, 31 })]
    [InlineData("a,b,c", new byte[] { (byte)'a', (byte)'b', (byte)'c' })]
    public void ParsesDockerKeyNames(string? text, byte[] expected) => Assert.Equal(expected, DetachKeys.Parse(text));

    [Theory]
    [InlineData("ctrl-bogus", "ctrl-bogus")]
    [InlineData("ctrl-p,xy", "xy")]
    [InlineData("ctrl-1", "ctrl-1")]
    [InlineData("ctrl-p,", "")]
    public void RejectsUnknownKeysWithDockersMessage(string text, string bad)
    {
        var e = Assert.Throws<FormatException>(() => DetachKeys.Parse(text));
        Assert.Equal($"Unknown character: '{bad}'", e.Message);
        Assert.False(DetachKeys.TryParse(text, out var fallback));
        Assert.Equal(DetachKeys.Default, fallback);
    }
}
