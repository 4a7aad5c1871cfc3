using System.Text.Json.Nodes;
using Wharf.Cli.Formatting;

namespace Wharf.Cli.Tests.Formatting;

public sealed class RowsTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeSeconds(1_700_000_100);

    private static JsonObject Container() => JsonNode.Parse("""
        {
          "Id": "4f8a1c2b3d4e5f60718293a4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4",
          "Names": ["/web", "/other/alias"],
          "Image": "busybox",
          "ImageID": "sha256:abc",
          "Command": "sh -c 'while true; do sleep 1; done'",
          "Created": 1700000000,
          "Ports": [{"IP":"0.0.0.0","PrivatePort":80,"PublicPort":8080,"Type":"tcp"},{"PrivatePort":443,"Type":"tcp"}],
          "Labels": {"b":"2","a":"1"},
          "State": "running",
          "Status": "Up 3 seconds",
          "SizeRw": 1234,
          "SizeRootFs": 4261000
        }
        """)!.AsObject();

    [Fact]
    public void PsTableMatchesDockerLayout()
    {
        var rows = new[] { (IReadOnlyDictionary<string, object?>)ContainerRows.Build(Container(), truncate: true, Now) };
        var text = ListFormatter.Render(ContainerRows.DefaultFormat, rows, ContainerRows.Headers);
        var expected =
            "CONTAINER ID   IMAGE     COMMAND                  CREATED              STATUS         PORTS                           NAMES\n" +
            "4f8a1c2b3d4e   busybox   \"sh -c 'while true; …\"   About a minute ago   Up 3 seconds   0.0.0.0:8080->80/tcp, 443/tcp   web\n";
        Assert.Equal(expected, text);
    }

    [Fact]
    public void NoTruncKeepsFullValues()
    {
        var row = ContainerRows.Build(Container(), truncate: false, Now);
        Assert.Equal("4f8a1c2b3d4e5f60718293a4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4", row["ID"]);
        Assert.Equal("\"sh -c 'while true; do sleep 1; done'\"", row["Command"]);
        Assert.Equal("web,other/alias", row["Names"]);
    }

    [Fact]
    public void OtherPsFields()
    {
        var row = ContainerRows.Build(Container(), truncate: true, Now);
        Assert.Equal("a=1,b=2", row["Labels"]);
        Assert.Equal("1.23kB (virtual 4.26MB)", row["Size"]);
        Assert.Equal("running", row["State"]);
        Assert.Equal("2023-11-14 22:13:20 +0000 UTC", row["CreatedAt"]);
        Assert.Equal("1", ListFormatter.Render("{{.Label \"a\"}}", [row], ContainerRows.Headers).Trim());
    }

    [Fact]
    public void QuietAndSizeFormats()
    {
        Assert.Equal("{{.ID}}", Wharf.Cli.Commands.PsCommand.ChooseFormat(null, quiet: true, size: false));
        Assert.EndsWith("\t{{.Size}}", Wharf.Cli.Commands.PsCommand.ChooseFormat(null, quiet: false, size: true), StringComparison.Ordinal);
        Assert.Equal("{{.Names}}", Wharf.Cli.Commands.PsCommand.ChooseFormat("{{.Names}}", quiet: true, size: false));
    }

    [Fact]
    public void CustomTableFormatHasHeader()
    {
        var rows = new[] { (IReadOnlyDictionary<string, object?>)ContainerRows.Build(Container(), truncate: true, Now) };
        Assert.Equal("NAMES     STATUS\nweb       Up 3 seconds\n", ListFormatter.Render("table {{.Names}}\\t{{.Status}}", rows, ContainerRows.Headers));
    }

    [Fact]
    public void ImagesRowsPerTagAndDangling()
    {
        var image = JsonNode.Parse("""
            {"Id":"sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef","RepoTags":["busybox:latest","localhost:5000/tools/bb:1.0"],
             "RepoDigests":["busybox@sha256:1111111111111111111111111111111111111111111111111111111111111111"],"Created":1700000000,"Size":4261000}
            """)!.AsObject();
        var dangling = JsonNode.Parse("""{"Id":"sha256:fedcba9876543210fedcba9876543210fedcba9876543210fedcba9876543210","RepoTags":[],"RepoDigests":[],"Created":1700000000,"Size":1000}""")!.AsObject();
        var rows = ImageRows.Build(image, truncate: true, showDigests: false, Now).Concat(ImageRows.Build(dangling, truncate: true, showDigests: false, Now))
            .Select(r => (IReadOnlyDictionary<string, object?>)r).ToList();
        var text = ListFormatter.Render(ImageRows.DefaultFormat, rows, ImageRows.Headers);
        var expected =
            "REPOSITORY                TAG       IMAGE ID       CREATED              SIZE\n" +
            "busybox                   latest    0123456789ab   About a minute ago   4.26MB\n" +
            "localhost:5000/tools/bb   1.0       0123456789ab   About a minute ago   4.26MB\n" +
            "<none>                    <none>    fedcba987654   About a minute ago   1kB\n";
        Assert.Equal(expected, text);
    }

    [Fact]
    public void ImagesWithDigests()
    {
        var image = JsonNode.Parse("""
            {"Id":"sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef","RepoTags":["busybox:latest"],
             "RepoDigests":["busybox@sha256:1111111111111111111111111111111111111111111111111111111111111111"],"Created":1700000000,"Size":4261000}
            """)!.AsObject();
        var row = Assert.Single(ImageRows.Build(image, truncate: false, showDigests: true, Now));
        Assert.Equal("sha256:1111111111111111111111111111111111111111111111111111111111111111", row["Digest"]);
        Assert.Equal("sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", row["ID"]);
    }
}
