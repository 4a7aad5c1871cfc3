using System.Text.Json.Serialization;
using Wharf.Engine.Networks.Ipam;

namespace Wharf.Engine.Networks;

/// <summary>Source-generated JSON for the network columns stored as documents.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(Dictionary<string, string>))]
[JsonSerializable(typeof(List<IpamConfig>))]
[JsonSerializable(typeof(List<string>))]
internal sealed partial class NetworkJsonContext : JsonSerializerContext
{
}
