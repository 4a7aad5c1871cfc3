using System.Text.Json.Serialization;

namespace Wharf.Core.Oci;

/// <summary>Source-generated JSON for Core's documents.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ImageConfig))]
public sealed partial class CoreJsonContext : JsonSerializerContext
{
}
