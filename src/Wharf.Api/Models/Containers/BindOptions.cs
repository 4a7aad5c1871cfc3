using System.Text.Json.Serialization;

namespace Wharf.Api.Models;

/// <summary>Options of a bind <see cref="Mount"/>.</summary>
public sealed class BindOptions
{
    /// <summary>Propagation mode (<c>rprivate</c>…).</summary>
    [JsonPropertyName("Propagation")][JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Propagation { get; set; }
    /// <summary>Do not bind submounts.</summary>
    [JsonPropertyName("NonRecursive")][JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] public bool NonRecursive { get; set; }
    /// <summary>Create the host path when missing.</summary>
    [JsonPropertyName("CreateMountpoint")][JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] public bool CreateMountpoint { get; set; }
}
