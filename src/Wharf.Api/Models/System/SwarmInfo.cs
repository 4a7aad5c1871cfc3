using System.Text.Json.Serialization;

namespace Wharf.Api.Models;

/// <summary>The <c>Swarm</c> object of <c>/info</c>; Wharf never joins a swarm.</summary>
public sealed class SwarmInfo
{
    /// <summary>Node ID (empty).</summary>
    [JsonPropertyName("NodeID")] public string NodeId { get; set; } = "";
    /// <summary>Node address (empty).</summary>
    [JsonPropertyName("NodeAddr")] public string NodeAddr { get; set; } = "";
    /// <summary>Always <c>inactive</c>.</summary>
    [JsonPropertyName("LocalNodeState")] public string LocalNodeState { get; set; } = "inactive";
    /// <summary>Always false.</summary>
    [JsonPropertyName("ControlAvailable")] public bool ControlAvailable { get; set; }
    /// <summary>Swarm error (empty).</summary>
    [JsonPropertyName("Error")] public string Error { get; set; } = "";
    /// <summary>Managers (none).</summary>
    [JsonPropertyName("RemoteManagers")] public List<string>? RemoteManagers { get; set; }
}
