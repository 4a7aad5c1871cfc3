using Wharf.Api.Client;
using Wharf.Cli.Hosting;
using Wharf.Core.Errors;

namespace Wharf.Cli.Tests.Client;

public sealed class DockerEndpointTests
{
    [Theory]
    [InlineData("unix:///run/wharf/wharf.sock", "unix:///run/wharf/wharf.sock")]
    [InlineData("unix:///tmp/x.sock", "unix:///tmp/x.sock")]
    [InlineData("unix://", "unix:///run/wharf/wharf.sock")]
    [InlineData("", "unix:///run/wharf/wharf.sock")]
    [InlineData("tcp://127.0.0.1:2375", "tcp://127.0.0.1:2375")]
    [InlineData("tcp://example.com", "tcp://example.com:2375")]
    [InlineData("tcp://:4243", "tcp://127.0.0.1:4243")]
    [InlineData("tcp://[::1]:2376", "tcp://[::1]:2376")]
    [InlineData("localhost:1234", "tcp://localhost:1234")]
    [InlineData("tcp://host:99/", "tcp://host:99")]
    public void ParsesAndPrintsCanonically(string text, string expected)
    {
        Assert.Equal(expected, DockerEndpoint.Parse(text).ToString());
    }

    [Theory]
    [InlineData("http://x:1")]
    [InlineData("tcp://host:notaport")]
    [InlineData("tcp://host:70000")]
    [InlineData("tcp://host:1/path")]
    public void RejectsBadEndpoints(string text)
    {
        Assert.Throws<InvalidArgumentException>(() => DockerEndpoint.Parse(text));
    }

    [Fact]
    public void UnixEndpointExposesPath()
    {
        var endpoint = DockerEndpoint.Parse("unix:///tmp/a.sock");
        Assert.True(endpoint.IsUnix);
        Assert.Equal("/tmp/a.sock", endpoint.SocketPath);
    }

    [Fact]
    public void HostSelectionOrder()
    {
        string? Env(string k) => k == "WHARF_HOST" ? "tcp://10.0.0.1:2375" : null;
        Assert.Equal(("unix:///x.sock", false), Describe(HostSelection.Select(["unix:///x.sock"], Env)));
        Assert.Equal(("tcp://10.0.0.1:2375", false), Describe(HostSelection.Select([], Env)));
        Assert.Equal(("unix:///run/wharf/wharf.sock", true), Describe(HostSelection.Select([], _ => null)));
    }

    private static (string, bool) Describe((DockerEndpoint Endpoint, bool IsDefault) selection) => (selection.Endpoint.ToString(), selection.IsDefault);

    [Theory]
    [InlineData(null, "1.24")]
    [InlineData("", "1.24")]
    [InlineData("garbage", "1.24")]
    [InlineData("1.41", "1.41")]
    [InlineData("1.44", "1.44")]
    [InlineData("1.50", "1.44")]
    public void NegotiatesLikeTheDockerCli(string? server, string expected)
    {
        Assert.Equal(expected, ClientApiVersion.Negotiate(server));
    }

    [Fact]
    public void QueryBuilderEncodesLikeGo()
    {
        var query = new QueryBuilder().AddFlag("all", true).AddFlag("size", false).Add("limit", 3).AddIfNotEmpty("x", null).Add("filters", "{\"a\":1}");
        Assert.Equal("?all=1&limit=3&filters=%7B%22a%22%3A1%7D", query.ToString());
    }

    [Theory]
    [InlineData("busybox", "busybox")]
    [InlineData("localhost:5000/a/b:1", "localhost:5000/a/b:1")]
    [InlineData("a b?c#d%", "a%20b%3Fc%23d%25")]
    public void PathPartKeepsSlashesAndColons(string value, string expected)
    {
        Assert.Equal(expected, WharfClient.PathPart(value));
    }
}
