using System.Text.Json.Serialization;
using Wharf.Core.Digests;
using Wharf.Core.Json;

namespace Wharf.Core.Oci;

/// <summary>Source-generated JSON for Core's documents.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, Converters = [typeof(DigestJsonConverter), typeof(GoTimeJsonConverter)])]
[JsonSerializable(typeof(ImageConfig))]
[JsonSerializable(typeof(ImageManifest))]
[JsonSerializable(typeof(ImageIndex))]
[JsonSerializable(typeof(Descriptor))]
[JsonSerializable(typeof(Platform))]
[JsonSerializable(typeof(OciLayout))]
[JsonSerializable(typeof(List<DockerArchiveManifestEntry>))]
public sealed partial class CoreJsonContext : JsonSerializerContext
{
}
