using System.Text.Json.Serialization;

namespace Wharf.Api.Models;

/// <summary>The answer of <c>GET /version</c>.</summary>
public sealed class SystemVersion
{
    /// <summary>Product platform, e.g. <c>{"Name":"Wharf Engine"}</c>.</summary>
    [JsonPropertyName("Platform")] public PlatformName Platform { get; set; } = new();
    /// <summary>Per-component versions; the <c>Engine</c> entry's details are printed by <c>docker version</c>.</summary>
    [JsonPropertyName("Components")] public List<ComponentVersion> Components { get; set; } = [];
    /// <summary>Server version.</summary>
    [JsonPropertyName("Version")] public string Version { get; set; } = "";
    /// <summary>Highest API version (docker-py uses it as is).</summary>
    [JsonPropertyName("ApiVersion")] public string ApiVersion { get; set; } = "";
    /// <summary>Lowest API version.</summary>
    [JsonPropertyName("MinAPIVersion")] public string MinApiVersion { get; set; } = "";
    /// <summary>Source revision.</summary>
    [JsonPropertyName("GitCommit")] public string GitCommit { get; set; } = "";
    /// <summary>Toolchain (we report the .NET runtime).</summary>
    [JsonPropertyName("GoVersion")] public string GoVersion { get; set; } = "";
    /// <summary>Always <c>linux</c> (Testcontainers crashes when null).</summary>
    [JsonPropertyName("Os")] public string Os { get; set; } = "linux";
    /// <summary>Go architecture name (amd64, arm64).</summary>
    [JsonPropertyName("Arch")] public string Arch { get; set; } = "";
    /// <summary>Host kernel release.</summary>
    [JsonPropertyName("KernelVersion")] public string KernelVersion { get; set; } = "";
    /// <summary>Experimental features on.</summary>
    [JsonPropertyName("Experimental")][JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] public bool Experimental { get; set; }
    /// <summary>When the server was built.</summary>
    [JsonPropertyName("BuildTime")] public string BuildTime { get; set; } = "";
}
