using System.Text.Json.Serialization;

namespace Wharf.Api.Models;

/// <summary>Options of a tmpfs <see cref="Mount"/>.</summary>
public sealed class TmpfsOptions
{
    /// <summary>Size in bytes, 0 = unlimited.</summary>
    [JsonPropertyName("SizeBytes")][JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] public long SizeBytes { get; set; }
    /// <summary>Mode bits.</summary>
    [JsonPropertyName("Mode")][JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] public uint Mode { get; set; }
}
