using Wharf.Core.Errors;
using Wharf.Engine.Containers;

namespace Wharf.Engine.Tests.Containers;

public sealed class ContainerNamesTests
{
    [Fact]
    public void IdsAre64Hex()
    {
        var id = ContainerNames.NewId();
        Assert.Matches("^[0-9a-f]{64}$", id);
        Assert.NotEqual(id, ContainerNames.NewId());
    }

    [Fact]
    public void GeneratedNamesAreAdjectiveUnderscoreSurname()
    {
        for (var i = 0; i < 50; i++)
        {
            Assert.Matches("^[a-z]+_[a-z]+$", ContainerNames.Generate());
        }
        Assert.Matches("^[a-z]+_[a-z]+[0-9]$", ContainerNames.Generate(1));
    }

    [Theory]
    [InlineData("web", "web")]
    [InlineData("/web", "web")]
    [InlineData("a.b-c_d", "a.b-c_d")]
    public void AcceptsValidNames(string name, string expected) => Assert.Equal(expected, ContainerNames.Validate(name));

    [Theory]
    [InlineData("a")]
    [InlineData("-web")]
    [InlineData("we b")]
    [InlineData("web/x")]
    public void RejectsInvalidNames(string name)
    {
        var error = Assert.Throws<InvalidArgumentException>(() => ContainerNames.Validate(name));
        Assert.Equal($"Invalid container name ({name}), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed", error.Message);
    }
}
