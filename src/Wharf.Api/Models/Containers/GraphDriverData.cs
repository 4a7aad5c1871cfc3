using System.Text.Json.Serialization;

namespace Wharf.Api.Models;

/// <summary>Storage driver details of a container or image.</summary>
public sealed class GraphDriverData
{
    /// <summary>Driver name (<c>overlay2</c>, <c>vfs</c>).</summary>
    [JsonPropertyName("Name")] public string Name { get; set; } = "";
    /// <summary>Driver data (<c>LowerDir</c>, <c>UpperDir</c>, <c>MergedDir</c>, <c>WorkDir</c>); never null.</summary>
    [JsonPropertyName("Data")] public Dictionary<string, string> Data { get; set; } = [];
}
