using System.Text.Json.Serialization;

namespace Wharf.Api.Models;

/// <summary>A mount as inspect and list report it.</summary>
public sealed class MountPoint
{
    /// <summary><c>bind</c>, <c>volume</c>, <c>tmpfs</c>.</summary>
    [JsonPropertyName("Type")] public string Type { get; set; } = "";
    /// <summary>Volume name.</summary>
    [JsonPropertyName("Name")][JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Name { get; set; }
    /// <summary>Host path.</summary>
    [JsonPropertyName("Source")] public string Source { get; set; } = "";
    /// <summary>Path in the container.</summary>
    [JsonPropertyName("Destination")] public string Destination { get; set; } = "";
    /// <summary>Volume driver.</summary>
    [JsonPropertyName("Driver")][JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Driver { get; set; }
    /// <summary>Mode string (<c>rw</c>, <c>z</c>…).</summary>
    [JsonPropertyName("Mode")] public string Mode { get; set; } = "";
    /// <summary>Writable.</summary>
    [JsonPropertyName("RW")] public bool Rw { get; set; }
    /// <summary>Propagation.</summary>
    [JsonPropertyName("Propagation")] public string Propagation { get; set; } = "";
}
