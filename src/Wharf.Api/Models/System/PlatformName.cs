using System.Text.Json.Serialization;

namespace Wharf.Api.Models;

/// <summary>The <c>Platform</c> object of <c>/version</c>.</summary>
public sealed class PlatformName
{
    /// <summary>Product name.</summary>
    [JsonPropertyName("Name")] public string Name { get; set; } = "";
}
