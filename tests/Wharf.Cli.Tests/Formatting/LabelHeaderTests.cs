using System.Text.Json.Nodes;
using Wharf.Cli.Commands;
using Wharf.Cli.Formatting;

namespace Wharf.Cli.Tests.Formatting;

/// <summary><c>{{.Label "key"}}</c> and <c>{{.Labels}}</c> in <c>table</c> formats, with docker's column titles (checked against docker 27's CLI).</summary>
public sealed class LabelHeaderTests
{
    private const string Format = "table {{.Label \"com.example.my-key_x\"}}\\t{{.Labels}}";

    [Theory]
    [InlineData("com.example.my-key_x", "my key x")]
    [InlineData("nodots", "nodots")]
    [InlineData("a.b.", "")]
    [InlineData("", "")]
    public void TitleIsTheLastDotPartWithSpaces(string key, string title) => Assert.Equal(title, LabelHeader.Title(key));

    [Fact]
    public void PsTable()
    {
        var row = ContainerRows.Build(JsonNode.Parse("""{"Id":"abc","Names":["/web"],"Labels":{"com.example.my-key_x":"v1","b":"2"}}""")!.AsObject(), true, DateTimeOffset.UnixEpoch);
        var bare = ContainerRows.Build(JsonNode.Parse("""{"Id":"def","Names":["/db"]}""")!.AsObject(), true, DateTimeOffset.UnixEpoch);
        Assert.Equal("my key x   LABELS\nv1         b=2,com.example.my-key_x=v1\n           \n",
            ListFormatter.Render(Format, [row, bare], ContainerRows.Headers));
    }

    [Fact]
    public void VolumeLsTable()
    {
        var row = VolumeRows.Build(JsonNode.Parse("""{"Name":"v","Driver":"local","Labels":{"com.example.my-key_x":"vol"}}""")!.AsObject());
        Assert.Equal("my key x   LABELS\nvol        com.example.my-key_x=vol\n", ListFormatter.Render(Format, [row], VolumeRows.Headers));
    }

    [Fact]
    public void NetworkLsTable()
    {
        var row = NetworkRows.Build(JsonNode.Parse("""{"Id":"0123456789abcdef","Name":"n","Labels":{"com.example.my-key_x":"net"}}""")!.AsObject(), true);
        Assert.Equal("my key x   LABELS\nnet        com.example.my-key_x=net\n", ListFormatter.Render(Format, [row], NetworkRows.Headers));
        Assert.Equal("NAME      x\nn         \n", ListFormatter.Render("table {{.Name}}\\t{{.Label \"x\"}}", [row], NetworkRows.Headers));
    }
}
