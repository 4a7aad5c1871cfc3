using System.Text.Json.Serialization;

namespace Wharf.Api.Models;

/// <summary>Answer of <c>POST /networks/create</c> (201).</summary>
public sealed class NetworkCreateResponse
{
    /// <summary>The new network's ID.</summary>
    [JsonPropertyName("Id")] public string Id { get; set; } = "";
    /// <summary>Always empty.</summary>
    [JsonPropertyName("Warning")] public string Warning { get; set; } = "";
}
