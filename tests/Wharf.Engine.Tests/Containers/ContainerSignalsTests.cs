using Wharf.Core.Errors;
using Wharf.Engine.Containers;

namespace Wharf.Engine.Tests.Containers;

/// <summary>Only what the wrapper adds over Core's SignalNames (whose own tests cover the names): the fallback.</summary>
public sealed class ContainerSignalsTests
{
    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData(null)]
    public void EmptyGivesFallback(string? value) => Assert.Equal(9, ContainerSignals.Parse(value, ContainerSignals.Kill));

    [Fact]
    public void DefaultFallbackIsTerm() => Assert.Equal(ContainerSignals.Term, ContainerSignals.Parse(null));

    [Fact]
    public void NamesGoThroughCore()
    {
        Assert.Equal(10, ContainerSignals.Parse("SIGUSR1"));
        Assert.Equal("Invalid signal: NOPE", Assert.Throws<InvalidArgumentException>(() => ContainerSignals.Parse("NOPE")).Message);
    }
}
