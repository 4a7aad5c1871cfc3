using System.Text.Json.Serialization;

namespace Wharf.Engine.Containers;

/// <summary>Source-generated JSON for the container documents stored in SQLite.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ContainerConfig))]
[JsonSerializable(typeof(ContainerHostConfig))]
[JsonSerializable(typeof(List<string>))]
internal sealed partial class ContainerJsonContext : JsonSerializerContext
{
}
