using System.Text.Json.Serialization;

namespace Wharf.Api.Models;

/// <summary>A <c>--mount</c> in <c>HostConfig.Mounts</c>.</summary>
public sealed class Mount
{
    /// <summary><c>bind</c>, <c>volume</c>, <c>tmpfs</c>, <c>npipe</c>, <c>cluster</c>, <c>image</c>.</summary>
    [JsonPropertyName("Type")] public string Type { get; set; } = "";
    /// <summary>Host path or volume name.</summary>
    [JsonPropertyName("Source")][JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Source { get; set; }
    /// <summary>Path in the container.</summary>
    [JsonPropertyName("Target")] public string Target { get; set; } = "";
    /// <summary>Read-only.</summary>
    [JsonPropertyName("ReadOnly")][JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] public bool ReadOnly { get; set; }
    /// <summary>Consistency (macOS only).</summary>
    [JsonPropertyName("Consistency")][JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Consistency { get; set; }
    /// <summary>Bind options.</summary>
    [JsonPropertyName("BindOptions")][JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public BindOptions? BindOptions { get; set; }
    /// <summary>Volume options.</summary>
    [JsonPropertyName("VolumeOptions")][JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public VolumeOptions? VolumeOptions { get; set; }
    /// <summary>tmpfs options.</summary>
    [JsonPropertyName("TmpfsOptions")][JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public TmpfsOptions? TmpfsOptions { get; set; }
}
