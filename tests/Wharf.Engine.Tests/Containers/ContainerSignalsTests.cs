using Wharf.Core.Errors;
using Wharf.Engine.Containers;

namespace Wharf.Engine.Tests.Containers;

public sealed class ContainerSignalsTests
{
    [Theory]
    [InlineData("KILL", 9)]
    [InlineData("SIGKILL", 9)]
    [InlineData("sigterm", 15)]
    [InlineData("9", 9)]
    [InlineData("HUP", 1)]
    [InlineData("SIGUSR1", 10)]
    [InlineData("RTMIN+2", 36)]
    [InlineData("SIGRTMAX", 64)]
    public void ParsesDockerForms(string value, int expected) => Assert.Equal(expected, ContainerSignals.Parse(value));

    [Fact]
    public void EmptyGivesFallback() => Assert.Equal(9, ContainerSignals.Parse("", ContainerSignals.Kill));

    [Theory]
    [InlineData("NOPE")]
    [InlineData("0")]
    [InlineData("65")]
    public void RejectsUnknown(string value)
    {
        var error = Assert.Throws<InvalidArgumentException>(() => ContainerSignals.Parse(value));
        Assert.Equal($"Invalid signal: {value}", error.Message);
    }
}
