using System.Text.Json.Serialization;

namespace Wharf.Api.Models;

/// <summary>Answer of <c>POST /containers/create</c> (201).</summary>
public sealed class ContainerCreateResponse
{
    /// <summary>The new container's full ID.</summary>
    [JsonPropertyName("Id")] public string Id { get; set; } = "";
    /// <summary>Warnings the CLI prints; never null.</summary>
    [JsonPropertyName("Warnings")] public List<string> Warnings { get; set; } = [];
}
