using System.Text.Json.Serialization;

namespace Wharf.Engine.Volumes;

/// <summary>Source-generated JSON for the label and option maps stored in SQLite.</summary>
[JsonSerializable(typeof(Dictionary<string, string>))]
internal sealed partial class VolumeJsonContext : JsonSerializerContext
{
}
