using System.Text.Json.Serialization;

namespace Wharf.Api.Models;

/// <summary>One entry of <c>/version</c>'s <c>Components</c>.</summary>
public sealed class ComponentVersion
{
    /// <summary>Component name, e.g. <c>Engine</c>.</summary>
    [JsonPropertyName("Name")] public string Name { get; set; } = "";
    /// <summary>Its version.</summary>
    [JsonPropertyName("Version")] public string Version { get; set; } = "";
    /// <summary>Free-form details (ApiVersion, MinAPIVersion, Os, Arch, GitCommit, GoVersion, BuildTime, Experimental…).</summary>
    [JsonPropertyName("Details")][JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public Dictionary<string, string>? Details { get; set; }
}
