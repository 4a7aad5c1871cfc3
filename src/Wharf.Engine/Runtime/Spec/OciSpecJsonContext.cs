using System.Text.Json.Serialization;

namespace Wharf.Engine.Runtime.Spec;

/// <summary>Source-generated JSON for the OCI runtime spec (camelCase, nulls omitted, as runc expects).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, WriteIndented = false)]
[JsonSerializable(typeof(OciSpec))]
[JsonSerializable(typeof(OciProcess))]
[JsonSerializable(typeof(OciResources))]
public sealed partial class OciSpecJsonContext : JsonSerializerContext
{
}
