using Wharf.Api.Streams;

namespace Wharf.Api.Tests.Streams;

public sealed class QueryBoolTests
{
    [Theory]
    [InlineData("", false)]
    [InlineData("0", false)]
    [InlineData("no", false)]
    [InlineData("False", false)]
    [InlineData("false", false)]
    [InlineData("NONE", false)]
    [InlineData("1", true)]
    [InlineData("True", true)]
    [InlineData("true", true)]
    [InlineData("yes", true)]
    [InlineData("2", true)]
    public void Parse_LikeMoby(string value, bool expected) => Assert.Equal(expected, QueryBool.Parse(value));

    [Fact]
    public void Missing_IsFalse_OrTheDefault()
    {
        Assert.False(QueryBool.Parse(null));
        Assert.True(QueryBool.ParseOrDefault(null, true));
        Assert.True(QueryBool.ParseOrDefault("", true));
        Assert.False(QueryBool.ParseOrDefault("0", true));
    }
}
