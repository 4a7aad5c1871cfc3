using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Wharf.Core.Digests;
using Wharf.Core.Oci;

namespace Wharf.Core.Tests.Oci;

public sealed class DocumentRoundTripTests
{
    private const string DockerManifestJson = """
        {
           "schemaVersion": 2,
           "mediaType": "application/vnd.docker.distribution.manifest.v2+json",
           "config": {
              "mediaType": "application/vnd.docker.container.image.v1+json",
              "size": 1457,
              "digest": "sha256:3f57d9401f8d42f986df300f0c69192fc41da28ccc8d797829467780db3dd741"
           },
           "layers": [
              {
                 "mediaType": "application/vnd.docker.image.rootfs.diff.tar.gzip",
                 "size": 2220094,
                 "digest": "sha256:3fe5c2d4e6d8b4d6b5f8f4a4d1c1bd6dcbfca8d1c89e7e7f1e0a2fc46bd3d71a"
              },
              {
                 "mediaType": "application/vnd.docker.image.rootfs.foreign.diff.tar.gzip",
                 "size": 1048576,
                 "digest": "sha256:2ed9e1a4c8c8f1c6b0a3a1d1c5e1c9e6b4a8f1e8d7b4a9c6e5d4c3b2a1f0e9d8",
                 "urls": ["https://mcr.microsoft.com/v2/layer"]
              }
           ]
        }
        """;

    private const string OciManifestJson = """
        {
          "schemaVersion": 2,
          "mediaType": "application/vnd.oci.image.manifest.v1+json",
          "artifactType": "application/vnd.example.sbom",
          "config": {
            "mediaType": "application/vnd.oci.empty.v1+json",
            "digest": "sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a",
            "size": 2,
            "data": "e30="
          },
          "layers": [
            {
              "mediaType": "application/vnd.oci.image.layer.v1.tar+zstd",
              "digest": "sha256:9834876dcfb05cb167a5c24953eba58c4ac89b1adf57f28f2f9d09af107ee8f0",
              "size": 32654,
              "annotations": { "org.opencontainers.image.title": "layer.tar.zst" }
            }
          ],
          "subject": {
            "mediaType": "application/vnd.oci.image.manifest.v1+json",
            "digest": "sha256:5b0bcabd1ed22e9fb1310cf6c2dec7cdef19f0ad69efa1f392e94a4333501270",
            "size": 7682
          },
          "annotations": {
            "org.opencontainers.image.created": "2024-01-02T03:04:05Z",
            "com.example.key1": "value1"
          }
        }
        """;

    private const string DockerManifestListJson = """
        {
          "schemaVersion": 2,
          "mediaType": "application/vnd.docker.distribution.manifest.list.v2+json",
          "manifests": [
            {
              "mediaType": "application/vnd.docker.distribution.manifest.v2+json",
              "size": 7143,
              "digest": "sha256:e692418e4cbaf90ca69d05a66403747baa33ee08806650b51fab815ad7fc331f",
              "platform": { "architecture": "ppc64le", "os": "linux" }
            },
            {
              "mediaType": "application/vnd.docker.distribution.manifest.v2+json",
              "size": 7682,
              "digest": "sha256:5b0bcabd1ed22e9fb1310cf6c2dec7cdef19f0ad69efa1f392e94a4333501270",
              "platform": { "architecture": "arm", "os": "linux", "variant": "v7", "features": ["sse4"] }
            }
          ]
        }
        """;

    private const string OciIndexJson = """
        {
          "schemaVersion": 2,
          "mediaType": "application/vnd.oci.image.index.v1+json",
          "manifests": [
            {
              "mediaType": "application/vnd.oci.image.manifest.v1+json",
              "digest": "sha256:e692418e4cbaf90ca69d05a66403747baa33ee08806650b51fab815ad7fc331f",
              "size": 7143,
              "platform": { "architecture": "amd64", "os": "linux" }
            },
            {
              "mediaType": "application/vnd.oci.image.manifest.v1+json",
              "digest": "sha256:5b0bcabd1ed22e9fb1310cf6c2dec7cdef19f0ad69efa1f392e94a4333501270",
              "size": 7682,
              "platform": { "architecture": "amd64", "os": "windows", "os.version": "10.0.14393.1066", "os.features": ["win32k"] }
            },
            {
              "mediaType": "application/vnd.oci.image.manifest.v1+json",
              "digest": "sha256:9834876dcfb05cb167a5c24953eba58c4ac89b1adf57f28f2f9d09af107ee8f0",
              "size": 566,
              "annotations": {
                "vnd.docker.reference.digest": "sha256:e692418e4cbaf90ca69d05a66403747baa33ee08806650b51fab815ad7fc331f",
                "vnd.docker.reference.type": "attestation-manifest"
              },
              "platform": { "architecture": "unknown", "os": "unknown" }
            }
          ],
          "annotations": { "com.example.key1": "value1" },
          "x-unknown-field": { "kept": [1, 2, 3] }
        }
        """;

    private const string DockerConfigJson = """
        {
          "architecture": "amd64",
          "config": {
            "Env": ["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"],
            "Cmd": ["sh"],
            "ExposedPorts": { "80/tcp": {} },
            "Labels": { "maintainer": "someone" },
            "WorkingDir": "/",
            "StopSignal": "SIGQUIT",
            "ArgsEscaped": true,
            "MacAddress": "02:42:ac:11:00:02",
            "Healthcheck": { "Test": ["CMD-SHELL", "true"], "Interval": 30000000000, "Retries": 3 }
          },
          "created": "2023-05-19T20:19:28.1843854Z",
          "history": [
            { "created": "2023-05-19T20:19:27.97Z", "created_by": "/bin/sh -c #(nop) ADD file:abc in / " },
            { "created": "2023-05-19T20:19:28.1843854Z", "created_by": "/bin/sh -c #(nop)  CMD [\"sh\"]", "empty_layer": true }
          ],
          "os": "linux",
          "container": "3c3d4b4e3f1f",
          "moby.buildkit.buildinfo.v1": "eyJmcm9udGVuZCI6ImRvY2tlcmZpbGUudjAifQ==",
          "rootfs": {
            "type": "layers",
            "diff_ids": ["sha256:9547b4c33213e630a0ca602a989ecc094e042146ae8afa502e1e65af6473db03"]
          }
        }
        """;

    private static void AssertJsonEquivalent(string expected, byte[] actual)
    {
        var expectedNode = JsonNode.Parse(expected);
        var actualNode = JsonNode.Parse(actual);
        Assert.True(JsonNode.DeepEquals(expectedNode, actualNode),
            $"expected:\n{expectedNode}\nactual:\n{Encoding.UTF8.GetString(actual)}");
    }

    [Fact]
    public void DockerManifestRoundTrips()
    {
        var manifest = ImageManifest.Parse(Encoding.UTF8.GetBytes(DockerManifestJson));
        Assert.Equal(MediaTypes.DockerManifest, manifest.MediaType);
        Assert.True(MediaTypes.IsManifest(manifest.MediaType));
        Assert.Equal(1457, manifest.Config.Size);
        Assert.Equal("sha256:3f57d9401f8d42f986df300f0c69192fc41da28ccc8d797829467780db3dd741", manifest.Config.Digest.ToString());
        Assert.Equal(2, manifest.Layers.Count);
        Assert.True(MediaTypes.IsNondistributable(manifest.Layers[1].MediaType));
        Assert.Equal(["https://mcr.microsoft.com/v2/layer"], manifest.Layers[1].Urls!);
        AssertJsonEquivalent(DockerManifestJson, manifest.ToJsonBytes());
    }

    [Fact]
    public void OciArtifactManifestRoundTrips()
    {
        var manifest = ImageManifest.Parse(Encoding.UTF8.GetBytes(OciManifestJson));
        Assert.Equal("application/vnd.example.sbom", manifest.ArtifactType);
        Assert.Equal(MediaTypes.OciEmptyJson, manifest.Config.MediaType);
        Assert.Equal("e30=", manifest.Config.Data);
        Assert.Equal(LayerCompression.Zstd, MediaTypes.LayerCompressionOf(manifest.Layers[0].MediaType));
        Assert.Equal(7682, manifest.Subject!.Size);
        Assert.Equal("value1", manifest.Annotations!["com.example.key1"]);
        AssertJsonEquivalent(OciManifestJson, manifest.ToJsonBytes());
    }

    [Fact]
    public void DockerManifestListRoundTrips()
    {
        var index = ImageIndex.Parse(Encoding.UTF8.GetBytes(DockerManifestListJson));
        Assert.True(MediaTypes.IsIndex(index.MediaType));
        Assert.Equal("linux/arm/v7", index.Manifests[1].Platform!.ToString());
        Assert.Equal(["sse4"], index.Manifests[1].Platform!.Features!);
        AssertJsonEquivalent(DockerManifestListJson, index.ToJsonBytes());
    }

    [Fact]
    public void OciIndexRoundTripsIncludingUnknownFields()
    {
        var index = ImageIndex.Parse(Encoding.UTF8.GetBytes(OciIndexJson));
        Assert.Equal(3, index.Manifests.Count);
        var windows = index.Manifests[1].Platform!;
        Assert.Equal("10.0.14393.1066", windows.OsVersion);
        Assert.Equal(["win32k"], windows.OsFeatures!);
        Assert.Equal("linux/amd64", index.Manifests[0].Platform!.ToString());
        Assert.True(index.ExtensionData!.ContainsKey("x-unknown-field"));
        AssertJsonEquivalent(OciIndexJson, index.ToJsonBytes());
    }

    [Fact]
    public void ImageConfigRoundTrips()
    {
        var config = JsonSerializer.Deserialize(DockerConfigJson, CoreJsonContext.Default.ImageConfig)!;
        Assert.Equal(["sh"], config.Config!.Cmd!);
        Assert.Equal(30_000_000_000, config.Config.Healthcheck!.Interval);
        Assert.True(config.History![1].EmptyLayer);
        Assert.True(config.Config.ArgsEscaped);
        Assert.True(config.ExtensionData!.ContainsKey("container"));
        var bytes = JsonSerializer.SerializeToUtf8Bytes(config, CoreJsonContext.Default.ImageConfig);
        AssertJsonEquivalent(DockerConfigJson, bytes);
    }

    [Fact]
    public void BuiltManifestSerialisesWithOciFieldNames()
    {
        var config = Encoding.UTF8.GetBytes("{}");
        var manifest = new ImageManifest
        {
            MediaType = MediaTypes.OciManifest,
            Config = new Descriptor { MediaType = MediaTypes.OciConfig, Digest = Digest.Sha256(config), Size = config.Length },
            Layers = [new Descriptor { MediaType = MediaTypes.OciLayerGzip, Digest = Digest.Sha256([1, 2, 3]), Size = 3 }],
        };
        var node = JsonNode.Parse(manifest.ToJsonBytes())!;
        Assert.Equal(2, (int)node["schemaVersion"]!);
        Assert.Equal(MediaTypes.OciManifest, (string)node["mediaType"]!);
        Assert.Equal(Digest.Sha256(config).ToString(), (string)node["config"]!["digest"]!);
        Assert.Equal(3L, (long)node["layers"]![0]!["size"]!);
        Assert.Null(node["subject"]);
        Assert.Null(node["annotations"]);
        Assert.Null(node["layers"]![0]!["urls"]);
    }

    [Theory]
    [InlineData("""{"schemaVersion":2,"config":{"mediaType":"x","digest":"sha256:nothex","size":1},"layers":[]}""")]
    [InlineData("""{"schemaVersion":2,"config":{"mediaType":"x","digest":5,"size":1},"layers":[]}""")]
    [InlineData("""{"schemaVersion":"two"}""")]
    [InlineData("null")]
    [InlineData("{")]
    public void MalformedDocumentsThrowJsonException(string json)
    {
        Assert.ThrowsAny<JsonException>(() => ImageManifest.Parse(Encoding.UTF8.GetBytes(json)));
    }

    [Theory]
    [InlineData(MediaTypes.OciLayer, LayerCompression.None)]
    [InlineData(MediaTypes.DockerLayer, LayerCompression.None)]
    [InlineData(MediaTypes.OciLayerGzip, LayerCompression.Gzip)]
    [InlineData(MediaTypes.DockerLayerGzip, LayerCompression.Gzip)]
    [InlineData(MediaTypes.DockerForeignLayerGzip, LayerCompression.Gzip)]
    [InlineData(MediaTypes.OciLayerNondistributableGzip, LayerCompression.Gzip)]
    [InlineData(MediaTypes.OciLayerZstd, LayerCompression.Zstd)]
    public void KnowsLayerCompression(string mediaType, LayerCompression compression)
    {
        Assert.Equal(compression, MediaTypes.LayerCompressionOf(mediaType));
        Assert.True(MediaTypes.IsLayer(mediaType));
        Assert.False(MediaTypes.IsManifest(mediaType));
    }

    [Fact]
    public void UnknownMediaTypesAreNotLayers()
    {
        Assert.Null(MediaTypes.LayerCompressionOf(MediaTypes.OciConfig));
        Assert.False(MediaTypes.IsLayer(null));
        Assert.True(MediaTypes.IsConfig(MediaTypes.DockerConfig));
    }
}
