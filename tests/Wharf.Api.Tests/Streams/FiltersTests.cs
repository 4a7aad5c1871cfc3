using Wharf.Api.Streams;
using Wharf.Core.Errors;

namespace Wharf.Api.Tests.Streams;

public sealed class FiltersTests
{
    [Theory]
    [InlineData("{\"label\":{\"a=b\":true,\"c\":true},\"status\":{\"exited\":true}}")]
    [InlineData("{\"label\":[\"a=b\",\"c\"],\"status\":[\"exited\"]}")]
    public void Parse_AcceptsBothEncodings(string json)
    {
        var f = Filters.Parse(json);
        Assert.Equal(["a=b", "c"], f.Get("label"));
        Assert.Equal(["exited"], f.Get("status"));
        Assert.True(f.Contains("status"));
        Assert.False(f.Contains("name"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("{}")]
    public void Parse_EmptyIsEmpty(string? json) => Assert.Equal(0, Filters.Parse(json).Count);

    [Theory]
    [InlineData("{")]
    [InlineData("[1]")]
    [InlineData("{\"label\":5}")]
    [InlineData("{\"label\":[5]}")]
    public void Parse_Malformed_IsInvalidArgument(string json) => Assert.Throws<InvalidArgumentException>(() => Filters.Parse(json));

    [Fact]
    public void ToJson_UsesTheGoEncodingAndRoundTrips()
    {
        var f = new Filters().Add("label", "x=y").Add("dangling", "true");
        Assert.Equal("{\"dangling\":{\"true\":true},\"label\":{\"x=y\":true}}", f.ToJson());
        Assert.Equal(["x=y"], Filters.Parse(f.ToJson()).Get("label"));
        Assert.Equal("", new Filters().ToJson());
    }

    [Fact]
    public void Labels_AreAnded()
    {
        var f = Filters.Parse("{\"label\":[\"com.docker.compose.project=p\",\"com.docker.compose.oneoff=False\"]}");
        var both = new Dictionary<string, string> { ["com.docker.compose.project"] = "p", ["com.docker.compose.oneoff"] = "False" };
        var one = new Dictionary<string, string> { ["com.docker.compose.project"] = "p" };
        var wrong = new Dictionary<string, string> { ["com.docker.compose.project"] = "p", ["com.docker.compose.oneoff"] = "True" };
        Assert.True(f.MatchKeyValueList("label", both));
        Assert.False(f.MatchKeyValueList("label", one));
        Assert.False(f.MatchKeyValueList("label", wrong));
        Assert.False(f.MatchKeyValueList("label", null));
        Assert.True(new Filters().MatchKeyValueList("label", null));
    }

    [Fact]
    public void LabelWithoutValue_MatchesPresence()
    {
        var f = new Filters().Add("label", "k");
        Assert.True(f.MatchKeyValueList("label", new Dictionary<string, string> { ["k"] = "anything" }));
        Assert.False(f.MatchKeyValueList("label", new Dictionary<string, string> { ["j"] = "x" }));
    }

    [Fact]
    public void OtherKeys_AreOred()
    {
        var f = new Filters().Add("status", "exited").Add("status", "created");
        Assert.True(f.ExactMatch("status", "created"));
        Assert.True(f.ExactMatch("status", "exited"));
        Assert.False(f.ExactMatch("status", "running"));
        Assert.True(f.ExactMatch("name", "whatever"));
    }

    [Fact]
    public void Match_IsRegexSubstring_AndFuzzyIsPrefix()
    {
        var f = new Filters().Add("name", "^/web").Add("id", "abc");
        Assert.True(f.Match("name", "/web_1"));
        Assert.False(f.Match("name", "/db_web"));
        Assert.True(f.FuzzyMatch("id", "abcdef"));
        Assert.False(f.FuzzyMatch("id", "xabc"));
    }

    [Fact]
    public void Validate_RejectsUnknownKeysWithMobyWording()
    {
        var f = new Filters().Add("bogus", "1");
        var ex = Assert.Throws<InvalidArgumentException>(() => f.Validate("label", "status"));
        Assert.Equal("invalid filter 'bogus'", ex.Message);
    }

    [Theory]
    [InlineData("true", true)]
    [InlineData("1", true)]
    [InlineData("FALSE", false)]
    [InlineData("0", false)]
    public void GetBool_ParsesValues(string value, bool expected) =>
        Assert.Equal(expected, new Filters().Add("dangling", value).GetBoolOrDefault("dangling", !expected));

    [Fact]
    public void GetBool_DefaultsAndRejects()
    {
        Assert.True(new Filters().GetBoolOrDefault("dangling", true));
        Assert.Throws<InvalidArgumentException>(() => new Filters().Add("dangling", "maybe").GetBoolOrDefault("dangling", false));
        Assert.Throws<InvalidArgumentException>(() => new Filters().Add("dangling", "true").Add("dangling", "false").GetBoolOrDefault("dangling", false));
    }
}
