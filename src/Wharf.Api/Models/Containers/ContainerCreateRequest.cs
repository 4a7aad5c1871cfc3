using System.Text.Json.Serialization;

namespace Wharf.Api.Models;

/// <summary>Body of <c>POST /containers/create</c>: the <see cref="ContainerConfig"/> fields plus <c>HostConfig</c> and <c>NetworkingConfig</c>.</summary>
public sealed class ContainerCreateRequest : ContainerConfig
{
    /// <summary>Host configuration.</summary>
    [JsonPropertyName("HostConfig")][JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public HostConfig? HostConfig { get; set; }
    /// <summary>Per-network endpoint settings.</summary>
    [JsonPropertyName("NetworkingConfig")][JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public NetworkingConfig? NetworkingConfig { get; set; }
}
