using System.Text.Json.Serialization;

namespace Wharf.Api.Models;

/// <summary>The object of an event: its ID and attributes.</summary>
public sealed class EventActor
{
    /// <summary>Container/network/image ID, volume name.</summary>
    [JsonPropertyName("ID")] public string Id { get; set; } = "";
    /// <summary>Labels, name, image, exitCode….</summary>
    [JsonPropertyName("Attributes")] public Dictionary<string, string> Attributes { get; set; } = [];
}
