using System.Text.Json.Serialization;

namespace Wharf.Api.Models;

/// <summary>Answer of <c>POST /containers/{id}/update</c>.</summary>
public sealed class ContainerUpdateResponse
{
    /// <summary>Warnings.</summary>
    [JsonPropertyName("Warnings")] public List<string>? Warnings { get; set; }
}
