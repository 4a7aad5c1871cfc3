using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Wharf.Core.Digests;
using Wharf.Core.Oci;

namespace Wharf.Core.Tests.Oci;

public sealed class ArchiveDocumentsTests
{
    [Fact]
    public void DockerSaveManifestRoundTrips()
    {
        const string json = """
            [{"Config":"blobs/sha256/3f57d9401f8d42f986df300f0c69192fc41da28ccc8d797829467780db3dd741",
              "RepoTags":["busybox:latest","busybox:1.36"],
              "Layers":["blobs/sha256/9547b4c33213e630a0ca602a989ecc094e042146ae8afa502e1e65af6473db03"],
              "LayerSources":{"sha256:9547b4c33213e630a0ca602a989ecc094e042146ae8afa502e1e65af6473db03":
                {"mediaType":"application/vnd.docker.image.rootfs.foreign.diff.tar.gzip","size":10,"digest":"sha256:9547b4c33213e630a0ca602a989ecc094e042146ae8afa502e1e65af6473db03","urls":["https://example/x"]}}}]
            """;
        var entries = JsonSerializer.Deserialize(json, CoreJsonContext.Default.ListDockerArchiveManifestEntry)!;
        Assert.Single(entries);
        Assert.Equal(["busybox:latest", "busybox:1.36"], entries[0].RepoTags!);
        Assert.Single(entries[0].Layers);
        var back = JsonSerializer.SerializeToUtf8Bytes(entries, CoreJsonContext.Default.ListDockerArchiveManifestEntry);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(json), JsonNode.Parse(back)));
    }

    [Fact]
    public void OciLayoutFileHasTheSpecShape()
    {
        var json = JsonSerializer.Serialize(new OciLayout(), CoreJsonContext.Default.OciLayout);
        Assert.Equal("""{"imageLayoutVersion":"1.0.0"}""", json);
    }

    [Fact]
    public void ImageConfigParseAndIdAreStable()
    {
        var config = new ImageConfig
        {
            Created = new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.Zero),
            Config = new ImageRuntimeConfig { Cmd = ["sh"] },
            RootFs = new RootFs { DiffIds = [Digest.Sha256(Encoding.ASCII.GetBytes("layer")).ToString()] },
        };
        var bytes = config.ToJsonBytes();
        var parsed = ImageConfig.Parse(bytes);
        Assert.Equal(bytes, parsed.ToJsonBytes());
        Assert.Equal(Digest.Sha256(bytes), Digest.Sha256(parsed.ToJsonBytes()));
        Assert.Contains("\"created\":\"2024-01-02T03:04:05Z\"", Encoding.UTF8.GetString(bytes));
        Assert.Throws<JsonException>(() => ImageConfig.Parse("null"u8));
    }
}
