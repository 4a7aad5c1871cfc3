using Wharf.Cli.Parsing;

namespace Wharf.Cli.Tests.Parsing;

public sealed class KeyValueFileTests
{
    private static string? Env(string key) => key switch
    {
        "HOME" => "/root",
        _ => null,
    };

    [Fact]
    public void ParsesDockerEnvFileFormat()
    {
        var content = "\uFEFF# comment\nA=1\n\n  B= spaced value \nHOME\nMISSING\nC=\nD=x=y\r\n   # indented comment\n";
        var lines = KeyValueFile.Parse(content, Env);
        Assert.Equal(["A=1", "B= spaced value ", "HOME=/root", "C=", "D=x=y"], lines);
    }

    [Fact]
    public void VariableWithInnerWhitespaceIsRejected()
    {
        var e = Assert.Throws<FormatException>(() => KeyValueFile.Parse("MY VAR=1\n", Env));
        Assert.Equal("variable 'MY VAR' contains whitespaces", e.Message);
    }

    [Fact]
    public void MissingNameIsRejected()
    {
        var e = Assert.Throws<FormatException>(() => KeyValueFile.Parse("=1\n", Env));
        Assert.Equal("no variable name on line '=1'", e.Message);
    }

    [Fact]
    public void BareKeysAreDroppedWithoutLookup()
    {
        Assert.Equal(["a=b"], KeyValueFile.Parse("a=b\nlabel\n", null));
    }

    [Fact]
    public void ReadFileReportsMissingFile()
    {
        var e = Assert.Throws<FormatException>(() => KeyValueFile.ReadFile("/nonexistent/env", Env, "env file"));
        Assert.Equal("open /nonexistent/env: no such file or directory", e.Message);
    }

    [Fact]
    public void ReadFileWrapsFormatErrors()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, "BAD KEY=1\n");
            var e = Assert.Throws<FormatException>(() => KeyValueFile.ReadFile(path, Env, "env file"));
            Assert.Equal("poorly formatted env file: variable 'BAD KEY' contains whitespaces", e.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("A=1", "A=1")]
    [InlineData("HOME", "HOME=/root")]
    [InlineData("UNSET", "UNSET")]
    [InlineData("A=", "A=")]
    public void ExpandEnvFollowsValidateEnv(string input, string expected)
    {
        Assert.Equal(expected, KeyValueFile.ExpandEnv(input, Env));
    }

    [Fact]
    public void ExpandEnvRejectsEmptyKey()
    {
        Assert.Throws<FormatException>(() => KeyValueFile.ExpandEnv("=x", Env));
    }
}
