using Wharf.Cli.Parsing;

namespace Wharf.Cli.Tests.Parsing;

public sealed class FlagSetTests
{
    private static FlagSet RunFlags() => new FlagSet()
        .Bool("detach", 'd', "")
        .Bool("interactive", 'i', "")
        .Bool("tty", 't', "")
        .Bool("rm", null, "")
        .List("env", 'e', "")
        .String("name", null, "")
        .String("hostname", 'h', "")
        .Int("timeout", null, "", 10);

    [Fact]
    public void LongFlagsTakeSeparateOrInlineValues()
    {
        var parsed = RunFlags().Parse(["--name", "web", "--hostname=box", "img"], interspersed: true);
        Assert.Equal("web", parsed.GetString("name"));
        Assert.Equal("box", parsed.GetString("hostname"));
        Assert.Equal(["img"], parsed.Positionals);
    }

    [Fact]
    public void CombinedShortBooleans()
    {
        var parsed = RunFlags().Parse(["-itd", "img"], interspersed: false);
        Assert.True(parsed.GetBool("interactive"));
        Assert.True(parsed.GetBool("tty"));
        Assert.True(parsed.GetBool("detach"));
    }

    [Fact]
    public void ShortValueAttachedOrSeparateAndRepeatable()
    {
        var parsed = RunFlags().Parse(["-e", "A=1", "-eB=2", "-ie", "C=3", "img"], interspersed: false);
        Assert.Equal(["A=1", "B=2", "C=3"], parsed.GetList("env"));
        Assert.True(parsed.GetBool("interactive"));
    }

    [Theory]
    [InlineData("--rm=false", false)]
    [InlineData("--rm=true", true)]
    [InlineData("--rm=0", false)]
    [InlineData("--rm=T", true)]
    [InlineData("--rm", true)]
    public void BoolFlagsAcceptGoBoolValues(string arg, bool expected)
    {
        Assert.Equal(expected, RunFlags().Parse([arg], interspersed: true).GetBool("rm"));
    }

    [Fact]
    public void ShortBoolWithEqualsValue()
    {
        Assert.False(RunFlags().Parse(["-d=false"], interspersed: true).GetBool("detach"));
    }

    [Fact]
    public void DoubleDashEndsFlags()
    {
        var parsed = RunFlags().Parse(["-d", "--", "-i", "x"], interspersed: true);
        Assert.True(parsed.GetBool("detach"));
        Assert.False(parsed.GetBool("interactive"));
        Assert.Equal(["-i", "x"], parsed.Positionals);
    }

    [Fact]
    public void NonInterspersedStopsAtFirstPositional()
    {
        var parsed = RunFlags().Parse(["--rm", "busybox", "ls", "-l", "--name", "x"], interspersed: false);
        Assert.True(parsed.GetBool("rm"));
        Assert.Equal("", parsed.GetString("name"));
        Assert.Equal(["busybox", "ls", "-l", "--name", "x"], parsed.Positionals);
    }

    [Fact]
    public void InterspersedAllowsFlagsAfterPositionals()
    {
        var parsed = RunFlags().Parse(["a", "-d", "b"], interspersed: true);
        Assert.True(parsed.GetBool("detach"));
        Assert.Equal(["a", "b"], parsed.Positionals);
    }

    [Fact]
    public void DefaultsApplyWhenNotSet()
    {
        var parsed = RunFlags().Parse([], interspersed: true);
        Assert.Equal(10, parsed.GetInt("timeout"));
        Assert.False(parsed.IsSet("timeout"));
        Assert.Null(parsed.GetStringOrNull("name"));
    }

    [Theory]
    [InlineData(new[] { "--foo" }, "unknown flag: --foo")]
    [InlineData(new[] { "--foo=1" }, "unknown flag: --foo")]
    [InlineData(new[] { "-x" }, "unknown shorthand flag: 'x' in -x")]
    [InlineData(new[] { "-ix" }, "unknown shorthand flag: 'x' in -x")]
    [InlineData(new[] { "--name" }, "flag needs an argument: --name")]
    [InlineData(new[] { "-e" }, "flag needs an argument: 'e' in -e")]
    [InlineData(new[] { "--rm=maybe" }, "invalid argument \"maybe\" for \"--rm\" flag: strconv.ParseBool: parsing \"maybe\": invalid syntax")]
    [InlineData(new[] { "--timeout", "x" }, "invalid argument \"x\" for \"--timeout\" flag: strconv.ParseInt: parsing \"x\": invalid syntax")]
    [InlineData(new[] { "-t=foo" }, "invalid argument \"foo\" for \"-t, --tty\" flag: strconv.ParseBool: parsing \"foo\": invalid syntax")]
    [InlineData(new[] { "---x" }, "bad flag syntax: ---x")]
    public void ErrorsUsePflagWording(string[] args, string message)
    {
        var e = Assert.Throws<FlagParseException>(() => RunFlags().Parse(args, interspersed: true));
        Assert.Equal(message, e.Message);
    }

    [Fact]
    public void LoneDashIsPositional()
    {
        Assert.Equal(["-"], RunFlags().Parse(["-"], interspersed: true).Positionals);
    }
}
