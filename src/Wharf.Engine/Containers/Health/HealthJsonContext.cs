using System.Text.Json.Serialization;

namespace Wharf.Engine.Containers.Health;

/// <summary>Source-generated JSON for the health state kept next to a container (<see cref="HealthStateFile"/>).</summary>
[JsonSerializable(typeof(HealthSnapshot))]
internal sealed partial class HealthJsonContext : JsonSerializerContext
{
}
