using System.Text.Json.Serialization;

namespace Wharf.Api.Models;

/// <summary>Answer of <c>POST /networks/prune</c>.</summary>
public sealed class NetworkPruneResponse
{
    /// <summary>Names of the removed networks (null when none, as Docker).</summary>
    [JsonPropertyName("NetworksDeleted")] public List<string>? NetworksDeleted { get; set; }
}
