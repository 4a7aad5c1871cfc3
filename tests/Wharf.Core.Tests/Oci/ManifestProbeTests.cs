using System.Text;
using Wharf.Core.Oci;

namespace Wharf.Core.Tests.Oci;

public sealed class ManifestProbeTests
{
    [Theory]
    [InlineData("""{"schemaVersion":2,"mediaType":"application/vnd.docker.distribution.manifest.v2+json","config":{},"layers":[]}""", MediaTypes.DockerManifest)]
    [InlineData("""{"schemaVersion":2,"mediaType":"application/vnd.docker.distribution.manifest.list.v2+json","manifests":[]}""", MediaTypes.DockerManifestList)]
    [InlineData("""{"schemaVersion":2,"config":{"mediaType":"x","digest":"y","size":1},"layers":[{"a":[1,{"b":2}]}]}""", MediaTypes.OciManifest)]
    [InlineData("""{"manifests":[{"mediaType":"application/vnd.oci.image.manifest.v1+json"}],"schemaVersion":2}""", MediaTypes.OciIndex)]
    [InlineData("""{"schemaVersion":1,"name":"a","tag":"b","fsLayers":[],"history":[]}""", MediaTypes.DockerManifestSchema1)]
    [InlineData("""{"schemaVersion":1,"fsLayers":[],"signatures":[]}""", MediaTypes.DockerManifestSchema1Signed)]
    [InlineData("""{"schemaVersion":2,"config":{}}""", null)]
    [InlineData("""{"schemaVersion":3,"manifests":[]}""", null)]
    [InlineData("""{"hello":"world"}""", null)]
    [InlineData("""[1,2]""", null)]
    [InlineData("""not json""", null)]
    [InlineData("""{"schemaVersion":2,"manifests":[""", null)]
    [InlineData("", null)]
    public void DetectsMediaType(string json, string? expected) =>
        Assert.Equal(expected, ManifestProbe.DetectMediaType(Encoding.UTF8.GetBytes(json)));
}
